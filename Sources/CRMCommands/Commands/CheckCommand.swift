import CRMCheck
import CRMGit
import CRMInterchange
import CRMSyntax
import CRMWorkspace

/// `crm check`: validates the whole workspace and reports every problem.
enum CheckCommand {
    static let format = FormatOption.problems

    static let spec = CommandSpec(
        name: "check",
        abstract: "Validate every record and report every problem",
        discussion: """
            Reports files that do not parse, unknown fields (with "did you mean"), missing required
            fields, values that do not fit their kind (dates, enum values, e-mails, ...), references to
            records that do not exist, duplicate ids, files outside any type folder, hidden files and
            file names that are not UTF-8 in type folders, closed records missing what their workflow
            requires, saved queries and reports that no longer fit the schema, and what a merge left:
            conflicts recorded in records, records deleted on one side and changed on the other. Warns
            about likely duplicates (the same name, or e-mail) and records past their service level's
            deadline. This is the check every change goes through. Exits with 0 when there are no
            errors and 1 when there are.

            For CI on a git host: --format github writes GitHub Actions annotations, --format gitlab a
            Code Quality report (docs/hosting.md has a workflow for each).
            """,
        options: [format.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let workspace = try context.workspace()
        let report = WorkspaceCheck(workspace, today: try context.today()).all()
        let objects: [JSON] = report.problems.map { problem in
            .object([
                (key: "path", value: .string(problem.path)),
                (key: "line", value: problem.location.map { .integer($0.line) } ?? .null),
                (key: "column", value: problem.location.map { .integer($0.column) } ?? .null),
                (key: "severity", value: .string(problem.severity.rawValue)), (key: "code", value: .string(problem.code)),
                (key: "message", value: .string(problem.message)), (key: "hint", value: problem.hint.map(JSON.string) ?? .null),
            ])
        }
        if chosen == .github || chosen == .gitlab {
            let git = try? WorkspaceGit(workspace: workspace)
            let path = { (file: String) in git.map { $0.repositoryPath(file) } ?? file }
            if chosen == .github {
                context.console.write(CIAnnotations.github(report.problems, path: path))
            } else {
                context.console.line(CIAnnotations.gitlab(report.problems, path: path).pretty)
            }
        } else if !ScriptOutput.write(chosen, objects: objects, context: &context) {
            let renderer = DiagnosticRenderer(style: context.console.style)
            for problem in report.problems { context.console.write(renderer.render(problem) + "\n") }
            context.console.line(DiagnosticRenderer.summary(report.problems) + " (\(plural(report.records, "record")) checked)")
        }
        return report.hasErrors ? ExitStatus.nothingFound : ExitStatus.success
    }
}

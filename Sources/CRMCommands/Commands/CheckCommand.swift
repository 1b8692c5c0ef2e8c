import CRMGit
import CRMQuery
import CRMSyntax
import CRMWorkspace

/// `crm check`: validates the whole workspace and reports every problem.
enum CheckCommand {
    static let formats = ["text", "json"]

    static let spec = CommandSpec(
        name: "check",
        abstract: "Validate every record and report every problem",
        discussion: """
            Reports files that do not parse, unknown fields (with "did you mean"), missing required
            fields, values that do not fit their kind (dates, enum values, e-mails, ...), references to
            records that do not exist, duplicate ids, files outside any type folder, closed records
            missing what their workflow requires, saved queries and reports that no longer fit the
            schema, and what a merge left: conflicts recorded in records, records deleted on one side
            and changed on the other. Warns about likely duplicates (the same name, or e-mail) and
            records past their service level's deadline. Exits with 0 when there are no errors and 1
            when there are.
            """,
        options: [
            OptionSpec(["--format"], value: "format", help: "text or json. (default: text)", completion: .choices(formats)),
        ],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let format = try invocation.choice("format", formats, default: "text")
        let workspace = try context.workspace()
        let today = try context.today()
        let report = WorkspaceChecker.report(workspace, today: today)
        let (queries, queryProblems) = SavedQuery.all(in: workspace)
        let (reports, reportProblems) = SavedReport.all(in: workspace)
        let problems = WorkspaceChecker.sorted(report.problems + queryProblems + reportProblems + undecidedDeletions(workspace)
                                               + queries.flatMap { $0.problems(schema: workspace.schema, today: today) }
                                               + reports.flatMap { $0.problems(schema: workspace.schema, today: today) })
        if format == "json" {
            let objects: [JSON] = problems.map { problem in
                var members: [(String, JSON)] = [("path", .string(problem.path))]
                members.append(("line", problem.location.map { .integer($0.line) } ?? .null))
                members.append(("column", problem.location.map { .integer($0.column) } ?? .null))
                members += [("severity", .string(problem.severity.rawValue)), ("code", .string(problem.code)),
                            ("message", .string(problem.message)), ("hint", problem.hint.map(JSON.string) ?? .null)]
                return .object(members)
            }
            context.console.line(JSON.array(objects).pretty)
        } else {
            let renderer = DiagnosticRenderer(style: context.console.style)
            for problem in problems { context.console.write(renderer.render(problem) + "\n") }
            context.console.line(DiagnosticRenderer.summary(problems) + " (\(plural(report.records, "record")) checked)")
        }
        return problems.contains { $0.severity == .error } ? 1 : 0
    }

    /// Records a merge left deleted on one side and changed on the other.
    private static func undecidedDeletions(_ workspace: Workspace) -> [Diagnostic] {
        guard let git = try? WorkspaceGit(workspace: workspace), git.repository.isMerging else { return [] }
        return ((try? git.unmergedPaths()) ?? []).filter { !$0.changedOnBothSides }.map { MergeInProgress.deletedOnOneSide($0.path) }
    }
}

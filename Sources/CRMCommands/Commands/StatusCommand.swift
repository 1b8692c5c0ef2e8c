import CRMChange
import CRMGit
import CRMInterchange
import CRMSyntax
import CRMWorkspace

/// `crm status`: what changed since the last commit, records and workspace files, and whether each is valid.
enum StatusCommand {
    static let format = FormatOption.rows

    static let spec = CommandSpec(
        name: "status",
        abstract: "Show what changed since the last commit",
        discussion: """
            Lists records added, changed and deleted (by hand or with --no-commit), and changes to the
            workspace's settings, types, saved queries and reports, .gitignore and .gitattributes, each
            with whether it is valid (the check `crm check` and `crm commit` make); `crm commit` commits
            them. Exits with 1 when a change has problems.
            """,
        options: [format.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let workspace = try context.workspace()
        let git = try History.git(workspace)
        let status = try History.run { () throws(GitError) in try WorkspaceStatus(git: git, today: try? context.today()) }
        let objects = status.entries.map { entry -> JSON in
            let type: String? = if case .record(let name) = entry.file { name } else { nil }
            return .object([
                (key: "id", value: entry.id.map(JSON.string) ?? .null), (key: "type", value: type.map(JSON.string) ?? .null),
                (key: "kind", value: .string(entry.file.isRecord ? "record" : entry.file.label)), (key: "path", value: .string(entry.path)),
                (key: "change", value: .string(entry.change.rawValue)), (key: "valid", value: .bool(entry.problems.isEmpty)),
                (key: "problems", value: .array(entry.problems.map { .string($0.description) })),
            ])
        }
        let exit = status.problems.isEmpty ? ExitStatus.success : ExitStatus.nothingFound
        if ScriptOutput.write(chosen, objects: objects, ids: status.entries.compactMap(\.id), context: &context) { return exit }
        guard !status.isEmpty else {
            context.console.line("no changes since the last commit")
            return exit
        }
        let rows = status.entries.map { entry in
            [entry.change.rawValue, entry.file.label, entry.id ?? entry.path,
             entry.problems.isEmpty ? "valid" : plural(entry.problems.count, "problem")]
        }
        context.console.write(TableRenderer(headers: ["change", "type", "id", "check"], rows: rows)
            .render(width: context.console.width, style: context.console.style))
        let invalid = status.entries.filter { !$0.problems.isEmpty }
        if !invalid.isEmpty {
            let noun = invalid.allSatisfy(\.file.isRecord) ? "record" : "file"
            context.console.line("\n\(plural(invalid.count, noun)) with problems; `crm check` shows them")
        }
        if !status.otherProblems.isEmpty {
            context.console.line("\(plural(status.otherProblems.count, "problem")) in other files, caused by the changes; `crm check` shows them")
        }
        return exit
    }
}

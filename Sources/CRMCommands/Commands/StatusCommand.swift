import CRMGit
import CRMSyntax
import CRMWorkspace

/// `crm status`: records added, changed and deleted since the last commit.
enum StatusCommand {
    static let formats = ["text", "json"]

    static let spec = CommandSpec(
        name: "status",
        abstract: "Show records changed since the last commit",
        discussion: "Lists records added, changed and deleted (by hand or with --no-commit) with whether each is valid; `crm commit` commits them.",
        options: [OptionSpec(["--format"], value: "format", help: "text or json. (default: text)", completion: .choices(formats))],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let format = try invocation.choice("format", formats, default: "text")
        let workspace = try context.workspace()
        let pending = try PendingChanges(git: try History.git(workspace), workspace: workspace)
        if format == "json" {
            context.console.line(JSON.array(pending.entries.map { entry in
                .object([("id", .string(entry.id)), ("type", .string(entry.type)), ("path", .string(entry.status.path)),
                         ("change", .string(entry.status.change.rawValue)), ("valid", .bool(entry.problems.isEmpty)),
                         ("problems", .array(entry.problems.map { .string($0.description) }))])
            }).pretty)
            return 0
        }
        guard !pending.entries.isEmpty else {
            context.console.line("no changes since the last commit")
            return 0
        }
        let rows = pending.entries.map { entry in
            [entry.status.change.rawValue, entry.type, entry.id,
             entry.problems.isEmpty ? "valid" : plural(entry.problems.count, "problem")]
        }
        context.console.write(TableRenderer(headers: ["change", "type", "id", "check"], rows: rows, uncut: [2])
            .render(width: context.console.width, style: context.console.style))
        let invalid = pending.entries.filter { !$0.problems.isEmpty }.count
        if invalid > 0 { context.console.line("\n\(plural(invalid, "record")) with problems; `crm check` shows them") }
        return 0
    }
}

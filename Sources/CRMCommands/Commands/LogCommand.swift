import CRMGit
import CRMSyntax
import CRMWorkspace

/// `crm log [ID]`: history with field-level changes.
enum LogCommand {
    static let formats = ["text", "json"]

    static let spec = CommandSpec(
        name: "log",
        abstract: "Show the history of a record or of the workspace",
        discussion: """
            Each commit with who made it, when, and what changed field by field (status: open → resolved,
            + tags: vip). With an id, only that record's history, followed back through `crm mv`.
            """,
        arguments: [ArgumentSpec("id", help: "The record.", optional: true, completion: .ids)],
        options: [
            OptionSpec(["--limit"], value: "n", help: "Show at most n commits."),
            OptionSpec(["--format"], value: "format", help: "text or json. (default: text)", completion: .choices(formats)),
        ],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let format = try invocation.choice("format", formats, default: "text")
        let limit = try invocation.positiveInteger("limit")
        let workspace = try context.workspace()
        let git = try History.git(workspace)
        let entries: [(commit: CommitInfo, changes: [RecordChange])]
        if let id = invocation.arguments.first {
            var locator = RecordLocator(workspace: workspace)
            let file = try locator.file(id)
            entries = try History.run { () throws(GitError) in
                try git.history(ofRecord: file.path, limit: limit).map { ($0.commit, [$0.change]) }
            }
        } else {
            entries = try History.run { () throws(GitError) in try git.history(limit: limit) }
        }
        if format == "json" {
            let objects = entries.map { entry in
                JSON.object(History.json(entry.commit) + [("records", .array(entry.changes.map(History.json)))])
            }
            context.console.line(JSON.array(objects).pretty)
            return 0
        }
        let style = context.console.style
        for (offset, entry) in entries.enumerated() {
            if offset > 0 { context.console.line() }
            context.console.line(style.yellow(entry.commit.shortID) + "  " + History.date(entry.commit.author) + "  "
                                 + TerminalText.escaped(entry.commit.author.name))
            context.console.line("    " + TerminalText.escaped(entry.commit.summary))
            for change in entry.changes {
                if invocation.arguments.isEmpty || change.kind != .modified {
                    var heading = "  \(change.kind.rawValue) \(change.type) \(change.id)"
                    if change.kind == .renamed, let old = change.oldPath { heading += " (was \(old))" }
                    context.console.line(style.bold(heading))
                }
                for field in change.fields where change.kind != .deleted {
                    context.console.line("    " + TerminalText.escaped(field.description))
                }
            }
        }
        if entries.isEmpty { context.console.error("no history yet\n") }
        return 0
    }
}

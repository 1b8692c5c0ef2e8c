import CRMGit
import CRMInterchange
import CRMSyntax
import CRMWorkspace
import CRMTerminal

/// `crm log [ID]`: history with field-level changes.
enum LogCommand {
    static let limit = Option<Int>.number(["--limit"], help: "Show at most n commits.")
    static let format = FormatOption.text

    static let spec = CommandSpec(
        name: "log",
        abstract: "Show the history of a record or of the workspace",
        discussion: """
            Each commit with who made it, when, and what changed field by field (status: open → resolved,
            + tags: vip). With an id, only that record's history, followed back through `crm mv`.
            """,
        arguments: [ArgumentSpec("id", help: "The record.", optional: true, completion: .ids)],
        options: [limit.spec, format.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let limit = try invocation[self.limit]
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
        let status = entries.isEmpty ? ExitStatus.nothingFound : ExitStatus.success
        let objects = entries.map { entry in
            JSON.object(History.json(entry.commit) + [(key: "records", value: .array(entry.changes.map(History.json)))])
        }
        if ScriptOutput.write(chosen, objects: objects, context: &context) { return status }
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
        return status
    }
}

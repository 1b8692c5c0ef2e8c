import CRMGit
import CRMSyntax
import CRMWorkspace

/// `crm diff [ID]`: field-level differences between revisions.
enum DiffCommand {
    static let formats = ["text", "json"]

    static let spec = CommandSpec(
        name: "diff",
        abstract: "Show field-level differences between revisions",
        discussion: "By default between the last commit and the working files. Revisions are commit ids, branches, HEAD~3, or dates (YYYY-MM-DD).",
        arguments: [ArgumentSpec("id", help: "Only this record.", optional: true, completion: .ids)],
        options: [
            OptionSpec(["--from"], value: "rev", help: "The older revision. (default: HEAD)"),
            OptionSpec(["--to"], value: "rev", help: "The newer revision. (default: the working files)"),
            OptionSpec(["--format"], value: "format", help: "text or json. (default: text)", completion: .choices(formats)),
        ],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let format = try invocation.choice("format", formats, default: "text")
        let workspace = try context.workspace()
        let git = try History.git(workspace)
        let from = try History.run { () throws(GitError) in try git.commit(at: invocation.value("from") ?? "HEAD") }
        let to = try invocation.value("to").map { revision throws(CommandError) in
            try History.run { () throws(GitError) in try git.commit(at: revision) }
        }
        var changes = try History.run { () throws(GitError) in try git.changes(from: from.id, to: to?.id) }
        if let id = invocation.arguments.first {
            changes = changes.filter { $0.id == id || $0.oldPath?.hasSuffix("/\(id).yaml") == true }
        }
        if format == "json" {
            context.console.line(JSON.array(changes.map(History.json)).pretty)
            return 0
        }
        let style = context.console.style
        for change in changes {
            var heading = "\(change.kind.rawValue) \(change.type) \(change.id)"
            if change.kind == .renamed, let old = change.oldPath { heading += " (was \(old))" }
            context.console.line(style.bold(heading))
            for field in change.fields where change.kind != .deleted {
                context.console.line("  " + TerminalText.escaped(field.description))
            }
        }
        return 0
    }
}

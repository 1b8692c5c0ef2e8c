import CRMGit
import CRMInterchange
import CRMSyntax
import CRMWorkspace
import CRMTerminal

/// `crm diff [ID]`: field-level differences between revisions.
enum DiffCommand {
    static let from = Option<String>(["--from"], value: "rev", help: "The older revision. (default: HEAD)")
    static let to = Option<String>(["--to"], value: "rev", help: "The newer revision. (default: the working files)")
    static let format = FormatOption.text

    static let spec = CommandSpec(
        name: "diff",
        abstract: "Show field-level differences between revisions",
        discussion: """
            By default between the last commit and the working files. Revisions are commit ids, branches,
            HEAD~3, or dates (YYYY-MM-DD). Exits with 1 when nothing differs.
            """,
        arguments: [ArgumentSpec("id", help: "Only this record.", optional: true, completion: .ids)],
        options: [from.spec, to.spec, format.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let workspace = try context.workspace()
        let git = try History.git(workspace)
        let older = try invocation[from] ?? "HEAD"
        let from = try History.run { () throws(GitError) in try git.commit(at: older) }
        let to = try invocation[self.to].map { revision throws(CommandError) in
            try History.run { () throws(GitError) in try git.commit(at: revision) }
        }
        var changes = try History.run { () throws(GitError) in try git.changes(from: from.id, to: to?.id) }
        if let id = invocation.arguments.first {
            changes = changes.filter { $0.id == id || $0.oldPath?.hasSuffix("/\(id).yaml") == true }
        }
        let status = changes.isEmpty ? ExitStatus.nothingFound : ExitStatus.success
        if ScriptOutput.write(chosen, objects: changes.map(History.json), context: &context) { return status }
        let style = context.console.style
        for change in changes {
            var heading = "\(change.kind.rawValue) \(change.type) \(change.id)"
            if change.kind == .renamed, let old = change.oldPath { heading += " (was \(old))" }
            context.console.line(style.bold(heading))
            for field in change.fields where change.kind != .deleted {
                context.console.line("  " + TerminalText.escaped(field.description))
            }
        }
        return status
    }
}

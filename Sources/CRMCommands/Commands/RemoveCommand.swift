import CRMChange
import CRMLocale
import CRMSyntax
import CRMWorkspace
import CRMTerminal

/// `crm rm ID`: deletes a record that nothing refers to.
enum RemoveCommand {
    static let force = Flag(["--force"], help: "Delete it even when other records refer to it.")

    static let spec = CommandSpec(
        name: "rm",
        abstract: "Delete a record",
        discussion: "Refuses while other records refer to it, and lists them; --force deletes it anyway.",
        arguments: [ArgumentSpec("id", help: "The record.", completion: .ids)],
        options: [force.spec] + ChangeFlags.specs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        var change = try ChangeFlags.open(workspace, invocation, context)
        let index = WorkspaceIndex(workspace: workspace)
        var locator = RecordLocator(workspace: workspace)
        let file = try locator.file(invocation.arguments[0])
        let id = file.id
        guard let record = index.record(id) else {
            throw CommandError(tr("err-rm-unparsable", ["id": id]), hint: tr("hint-rm-unparsable"))
        }
        let referrers = index.referrers(of: record)
        if !referrers.isEmpty && !invocation[force] {
            let list = referrers.prefix(10).map { "  \($0.type) \($0.id)" }.joined(separator: "\n")
            throw CommandError(tr("err-referrers", count: referrers.count, ["id": id]) + "\n\(list)"
                               + (referrers.count > 10 ? "\n  ..." : ""),
                               hint: tr("hint-referrers"))
        }
        change.delete(record.path)
        try ChangeFlags.apply(&change, message: "crm: rm \(record.type) \(id)", context: &context)
        context.console.line("deleted \(record.type) \(TerminalText.escaped(id))")
        return ExitStatus.success
    }
}

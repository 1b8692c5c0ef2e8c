import CRMChange
import CRMLocale
import CRMSyntax
import CRMWorkspace
import CRMTerminal

/// `crm mv ID NEW-ID`: renames a record and every reference to it, in one commit.
enum MoveCommand {
    static let spec = CommandSpec(
        name: "mv",
        abstract: "Rename a record and every reference to it",
        discussion: """
            Renames the record's file and rewrites each reference to it across the workspace (only those
            lines change), all in one commit. Refuses while some record does not parse, since it could
            refer to the record unseen.
            """,
        arguments: [
            ArgumentSpec("id", help: "The record.", completion: .ids),
            ArgumentSpec("new-id", help: "Its new id: lowercase letters, digits and single hyphens."),
        ],
        options: ChangeFlags.recordSpecs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let newID = invocation.arguments[1]
        if let problem = RecordID.problem(with: newID) {
            throw CommandError(tr("err-invalid-id", ["id": newID, "problem": problem]),
                               hint: RecordID.suggestion(for: newID).map { tr("hint-for-example", ["example": $0]) })
        }
        let workspace = try context.workspace()
        var change = try ChangeFlags.open(workspace, invocation, context)
        let loaded = try ReferenceUpdate.loadAll(workspace)
        let index = WorkspaceIndex(schema: workspace.schema, records: loaded.records)
        let record = try RecordLocator.record(invocation.arguments[0], in: index)
        let id = record.id
        guard id != newID else { return ExitStatus.success }
        if index.record(newID) != nil { throw CommandError(tr("err-id-exists", ["id": newID])) }
        let newPath = ReferenceRetarget.path(of: record, renamedTo: newID)
        let documents = Dictionary(loaded.documents.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let updated = try ReferenceUpdate.retarget(from: record, to: newID, index: index, documents: documents, change: &change)
        let bytes: [UInt8]
        do {
            bytes = try RecordFile.read(record.path, root: workspace.root)
        } catch {
            throw CommandError(diagnostic: RecordFile.unreadable(record.path, error))
        }
        change.write(bytes, to: newPath, continuing: record.path)
        change.delete(record.path)
        try ChangeFlags.apply(&change, message: "crm: mv \(id) \(newID)", context: &context)
        context.console.line("renamed \(record.type) \(TerminalText.escaped(id)) to \(newID)" + (updated > 0 ? "; updated \(plural(updated, "reference"))" : ""))
        return ExitStatus.success
    }
}

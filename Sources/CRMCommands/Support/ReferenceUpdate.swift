import CRMChange
import CRMSyntax
import CRMWorkspace

/// Moving references from one record to another, as `crm mv` and `crm merge` do: every
/// reference field (and list item) naming the old id is set to the new one, each referrer's
/// other lines untouched.
enum ReferenceUpdate {
    /// Every record with its document; refuses when one does not parse, so no reference is missed.
    static func loadAll(_ workspace: Workspace) throws(CommandError) -> RecordLoader.Result {
        let (files, _) = RecordScanner.scan(workspace)
        let loaded = RecordLoader.load(files, root: workspace.root, keepDocuments: true)
        if !loaded.problems.isEmpty {
            throw CommandError("\(plural(loaded.problems.count, "record")) do not parse: "
                               + loaded.problems.prefix(5).map(\.path).joined(separator: ", "),
                               hint: "fix them first (crm check shows how), so no reference is missed")
        }
        return loaded
    }

    /// Points every reference to `record` at `newID` (skipping the records in `except`); returns
    /// how many records changed.
    static func retarget(from record: Record, to newID: String, index: WorkspaceIndex, documents: [String: RecordDocument],
                         except: Set<String> = [], change: inout WorkspaceChange) throws(CommandError) -> Int {
        var updated = 0
        for referrer in index.referrers(of: record) where !except.contains(referrer.id) {
            guard let type = index.schema.type(named: referrer.type), let document = documents[referrer.path] else { continue }
            let moved: RecordDocument?
            do {
                moved = try ReferenceRetarget.retargeted(document, type: type, from: record, to: newID)
            } catch {
                throw CommandError(error.description)
            }
            guard let moved else { continue }
            change.write(moved.bytes, to: referrer.path)
            updated += 1
        }
        return updated
    }
}

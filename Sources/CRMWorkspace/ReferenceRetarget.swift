import CRMSyntax

/// Pointing the references to one record at another id, as `crm mv`, `crm merge` and the
/// editor's rename do: each reference field (and list item) of a referrer naming the old id
/// names the new one, and every other line of the referrer stays as it was.
public enum ReferenceRetarget {
    /// `document` (a record of `type`) with its references to `record` pointed at `newID`;
    /// `nil` when it names `record` nowhere. A list that already names `newID` keeps it once.
    public static func retargeted(_ document: RecordDocument, type: RecordType, from record: Record,
                                  to newID: String) throws(RecordEditError) -> RecordDocument? {
        var document = document
        var changed = false
        for (key, target) in type.referenceFields where target == record.type {
            switch document[key] {
            case .string(record.id)?:
                try document.set(key, to: .string(newID))
            case .list(let items)? where items.contains(record.id):
                let moved = items.reduce(into: [String]()) { result, item in
                    let item = item == record.id ? newID : item
                    if !result.contains(item) { result.append(item) }
                }
                try document.set(key, to: .list(moved))
            default:
                continue
            }
            changed = true
        }
        return changed ? document : nil
    }

    /// The path a record has once renamed to `newID`: the same folder, the new id's file name.
    public static func path(of record: Record, renamedTo newID: String) -> String {
        let folder = record.path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        return (folder + [Substring(newID + ".yaml")]).joined(separator: "/")
    }
}

import CRMSyntax
import CRMWorkspace

/// What a merge leaves in a record where both sides changed a field differently: the field
/// keeps our value, and `conflicts` holds the other side's value for each such field, with
/// `conflicts-with` naming the other side:
///
///     status: open
///     conflicts:
///       status: resolved
///       notes: "Called back.\nPromised a discount."
///       address: ["city: Brno"]
///     conflicts-with: 1a2b3c4
///
/// An empty value means the other side removed the field; a map field's conflicting entries
/// are listed as `entry: value`. `crm check` reports each entry (`ConflictMarks`), and `crm resolve` settles it.
public enum MergeConflicts {
    public static let field = ConflictMarks.field
    public static let otherField = ConflictMarks.otherField
    public static let keys = ConflictMarks.keys

    /// The conflicts recorded in `document`: each field and the other side's value as written.
    public static func entries(in document: RecordDocument) -> [MapEntry] {
        document[field]?.map ?? []
    }

    /// Adds `conflicts` to those already recorded in `document`.
    static func record(_ conflicts: [RecordMerge.Conflict], other: String, in document: inout RecordDocument) throws(RecordEditError) {
        var entries = entries(in: document)
        for conflict in conflicts {
            let value = written(conflict.theirs)
            if let index = entries.firstIndex(where: { $0.key == conflict.key }) {
                entries[index].value = value
            } else {
                entries.append(MapEntry(key: conflict.key, value: value))
            }
        }
        try document.set(field, to: .map(entries), at: .end)
        try document.set(otherField, to: .string(other), at: .after(field))
    }

    /// How the other side's value is written in `conflicts`.
    static func written(_ value: Value?) -> Value {
        switch value {
        case nil: return .string("")
        case .string(let text)?: return .string(text)
        case .list(let items)?: return .list(items)
        case .map(let entries)?: return .list(entries.map { "\($0.key): \($0.value.strings.joined(separator: ", "))" })
        }
    }

    /// The other side's value from its `conflicts` entry, for a field that is a map or not;
    /// `nil` when the other side removed the field.
    public static func theirs(_ entry: Value, isMap: Bool) -> Value? {
        switch entry {
        case .string(let text): return text.isEmpty ? nil : .string(text)
        case .list(let items) where isMap:
            return .map(items.map { item in
                let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingWhitespace() }
                return MapEntry(key: parts[0], value: .string(parts.count > 1 ? parts[1] : ""))
            })
        case .list(let items): return .list(items)
        case .map: return nil
        }
    }

    /// Removes the conflict of `key` from `document`; `conflicts` and `conflicts-with` go when
    /// none is left. Returns whether there was one.
    @discardableResult
    public static func remove(_ key: String, from document: inout RecordDocument) throws(RecordEditError) -> Bool {
        let entries = entries(in: document)
        guard entries.contains(where: { $0.key == key }) else { return false }
        let rest = entries.filter { $0.key != key }
        if rest.isEmpty {
            try document.remove(field)
            try document.remove(otherField)
        } else {
            try document.set(field, to: .map(rest))
        }
        return true
    }
}

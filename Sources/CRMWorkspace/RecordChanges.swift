import CRMSyntax

/// One field-level difference between two versions of a record.
public enum FieldChange: Sendable, Hashable, CustomStringConvertible {
    /// A field (or `map.entry`) that was added.
    case added(String, Value)
    case removed(String, Value)
    /// A scalar that changed from one value to another.
    case changed(String, from: String, to: String)
    case itemAdded(String, String)
    case itemRemoved(String, String)

    public var key: String {
        switch self {
        case .added(let key, _), .removed(let key, _), .changed(let key, _, _), .itemAdded(let key, _), .itemRemoved(let key, _):
            return key
        }
    }

    /// `status: open → resolved`, `+ tags: vip`, `- phone: +420 …`.
    public var description: String {
        switch self {
        case .added(let key, let value): return "+ \(key): \(Self.short(value))"
        case .removed(let key, let value): return "- \(key): \(Self.short(value))"
        case .changed(let key, let old, let new):
            if old.contains("\n") || new.contains("\n") {
                return "\(key): changed (\(Self.lines(old)) → \(Self.lines(new)))"
            }
            return "\(key): \(old) → \(new)"
        case .itemAdded(let key, let item): return "+ \(key): \(item)"
        case .itemRemoved(let key, let item): return "- \(key): \(item)"
        }
    }

    private static func short(_ value: Value) -> String {
        switch value {
        case .string(let text):
            guard let first = text.split(separator: "\n", omittingEmptySubsequences: false).first,
                  text.contains("\n") else { return text }
            return first + " …"
        case .list(let items): return "[" + items.joined(separator: ", ") + "]"
        case .map(let entries): return entries.map { "\($0.key): \(short($0.value))" }.joined(separator: ", ")
        }
    }

    private static func lines(_ text: String) -> String {
        let count = text.split(separator: "\n", omittingEmptySubsequences: true).count
        return count == 1 ? "1 line" : "\(count) lines"
    }
}

/// The field-level differences between two versions of a record, in field order.
public enum RecordChanges {
    public static func between(_ old: [Field], _ new: [Field]) -> [FieldChange] {
        var changes: [FieldChange] = []
        let oldKeys = Set(old.map(\.key))
        for field in old where new[field.key] == nil {
            changes.append(.removed(field.key, field.value))
        }
        for field in new {
            guard let before = old[field.key] else {
                if !field.value.isEmpty { changes.append(.added(field.key, field.value)) }
                continue
            }
            changes += compare(field.key, before, field.value)
        }
        return changes.sorted { order($0.key, old: old, new: new, oldKeys: oldKeys) < order($1.key, old: old, new: new, oldKeys: oldKeys) }
    }

    private static func compare(_ key: String, _ old: Value, _ new: Value) -> [FieldChange] {
        if old == new { return [] }
        switch (old, new) {
        case (.string(let before), .string(let after)):
            if before.isEmpty { return [.added(key, new)] }
            if after.isEmpty { return [.removed(key, old)] }
            return [.changed(key, from: before, to: after)]
        case (.list(let before), .list(let after)):
            return before.filter { !after.contains($0) }.map { .itemRemoved(key, $0) }
                + after.filter { !before.contains($0) }.map { .itemAdded(key, $0) }
        case (.map(let before), .map(let after)):
            var changes: [FieldChange] = []
            for entry in before where after.first(where: { $0.key == entry.key }) == nil {
                changes.append(.removed("\(key).\(entry.key)", entry.value))
            }
            for entry in after {
                guard let previous = before.first(where: { $0.key == entry.key }) else {
                    changes.append(.added("\(key).\(entry.key)", entry.value))
                    continue
                }
                changes += compare("\(key).\(entry.key)", previous.value, entry.value)
            }
            return changes
        default:
            return [.removed(key, old), .added(key, new)]
        }
    }

    private static func order(_ key: String, old: [Field], new: [Field], oldKeys: Set<String>) -> Int {
        let top = String(key.split(separator: ".").first ?? "")
        if let index = new.firstIndex(where: { $0.key == top }) { return index * 2 }
        return (old.firstIndex { $0.key == top } ?? 0) * 2 + 1
    }
}

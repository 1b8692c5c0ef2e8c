import CRMSyntax

/// A record as the index holds it: where it is and the values it holds.
public struct Record: Sendable, Hashable {
    /// The file name without `.yaml`; unique across the workspace.
    public let id: String
    /// The type's name (`customer`), from the folder the file sits in.
    public let type: String
    /// The file, relative to the workspace (`calls/2026/11/2026-11-20-acme-7k2f.yaml`).
    public let path: String
    public var fields: [Field]

    public init(id: String, type: String, path: String, fields: [Field]) {
        self.id = id
        self.type = type
        self.path = path
        self.fields = fields
    }

    public subscript(key: String) -> Value? {
        fields[key]
    }

    /// True when the field named `key` holds a value (a string, or a list item, or a map
    /// entry's value) that satisfies `predicate`; reads in place, without copying the value.
    public func anyValue(of key: String, _ predicate: (String) -> Bool) -> Bool {
        Self.anyValue(in: fields, of: key, predicate)
    }

    /// `anyValue(of:_:)` over a record's fields, for callers that hold only those.
    static func anyValue(in fields: [Field], of key: String, _ predicate: (String) -> Bool) -> Bool {
        let length = key.utf8.count
        return fields.withUnsafeBufferPointer { fields in
            for index in fields.indices where fields[index].key.utf8.count == length && fields[index].key == key {
                switch fields[index].value {
                case .string(let text): return predicate(text)
                case .list(let items): return items.contains(where: predicate)
                case .map(let entries): return entries.contains { $0.value.strings.contains(where: predicate) }
                }
            }
            return false
        }
    }

    /// The string value of a field, or of a map entry with `map.entry`; `nil` when absent or not a string.
    public func string(_ path: String) -> String? {
        if let value = fields[path] { return value.string }
        let parts = path.split(separator: ".", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        return fields[String(parts[0])]?[entry: String(parts[1])]?.string
    }
}

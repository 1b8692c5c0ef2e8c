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

    /// The string value of a field, or of a map entry with `map.entry`; `nil` when absent or not a string.
    public func string(_ path: String) -> String? {
        if let value = fields[path] { return value.string }
        let parts = path.split(separator: ".", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        return fields[String(parts[0])]?[entry: String(parts[1])]?.string
    }
}

import CRMSyntax

/// A record as the index holds it: where it is and the values it holds. The values are kept in
/// one compact run of bytes (`RecordCodec`) and decoded when asked for; records loaded from the
/// cache share its bytes, so a workspace of a hundred thousand records fits in little memory
/// and loads without decoding.
public struct Record: Sendable, Hashable {
    /// The file name without `.yaml`; unique across the workspace.
    public let id: String
    /// The type's name (`customer`), from the folder the file sits in.
    public let type: String
    /// The file, relative to the workspace (`calls/2026/11/2026-11-20-acme-7k2f.yaml`).
    public let path: String
    /// The fields in `RecordCodec`'s form.
    let storage: ArraySlice<UInt8>

    public init(id: String, type: String, path: String, fields: [Field]) {
        self.init(id: id, type: type, path: path, storage: ArraySlice(RecordCodec.encode(fields)))
    }

    /// A record from fields already encoded (and checked with `RecordCodec.isValid`).
    init(id: String, type: String, path: String, storage: ArraySlice<UInt8>) {
        self.id = id
        self.type = type
        self.path = path
        self.storage = storage
    }

    /// The fields, in file order.
    public var fields: [Field] {
        storage.withUnsafeBytes { RecordCodec.decode($0) } ?? []
    }

    /// The value of field `key`, decoding no other.
    public subscript(key: String) -> Value? {
        storage.withUnsafeBytes { RecordCodec.value(of: key, in: $0) }
    }

    /// True when the field named `key` holds a value (a string, or a list item, or a map
    /// entry's value) that satisfies `predicate`.
    public func anyValue(of key: String, _ predicate: (String) -> Bool) -> Bool {
        anyBytes(of: key) { predicate(String(decoding: $0, as: UTF8.self)) }
    }

    /// `anyValue(of:_:)` on the UTF-8 bytes of the values, read in place without making strings.
    public func anyBytes(of key: String, _ predicate: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        var key = key
        return key.withUTF8 { name in
            storage.withUnsafeBytes { RecordCodec.anyString(of: UnsafeRawBufferPointer(name), in: $0, predicate) }
        }
    }

    /// The string value of a field, or of a map entry with `map.entry`; `nil` when absent or not a string.
    public func string(_ path: String) -> String? {
        if let value = self[path] { return value.string }
        let parts = path.split(separator: ".", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        return self[String(parts[0])]?[entry: String(parts[1])]?.string
    }
}

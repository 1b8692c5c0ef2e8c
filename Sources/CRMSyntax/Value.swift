/// The value of a record field, exactly as written: records have no YAML typing,
/// so every scalar is a string and meaning comes from the workspace schema.
public enum Value: Sendable, Hashable {
    /// A scalar: plain, quoted or block text, or the empty string for `key:`.
    case string(String)
    /// A flow (`[a, b]`) or block (`- a`) sequence of scalars.
    case list([String])
    /// One level of nested block mapping whose values are strings or lists.
    case map([MapEntry])

    /// The scalar, or `nil` for a list or map.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The items of a list, or `nil` for a scalar or map.
    public var list: [String]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// The entries of a map, or `nil` for a scalar or list.
    public var map: [MapEntry]? {
        if case .map(let entries) = self { return entries }
        return nil
    }

    /// True for the empty string, the empty list and the empty map.
    public var isEmpty: Bool {
        switch self {
        case .string(let text): return text.isEmpty
        case .list(let items): return items.isEmpty
        case .map(let entries): return entries.isEmpty
        }
    }

    /// Every string inside the value, in order (a scalar gives one, a map gives its values).
    public var strings: [String] {
        switch self {
        case .string(let text): return [text]
        case .list(let items): return items
        case .map(let entries): return entries.flatMap(\.value.strings)
        }
    }

    /// The value of a map entry, or `nil` when this is not a map or has no such key.
    public subscript(entry key: String) -> Value? {
        map?.first { $0.key == key }?.value
    }
}

/// One `key: value` line of a nested map.
public struct MapEntry: Sendable, Hashable {
    public var key: String
    public var value: Value

    public init(key: String, value: Value) {
        self.key = key
        self.value = value
    }
}

/// A top-level field of a record: a key and its value.
public struct Field: Sendable, Hashable {
    public var key: String
    public var value: Value

    public init(key: String, value: Value) {
        self.key = key
        self.value = value
    }
}

extension Array where Element == Field {
    /// The value of the field named `key`, if present.
    public subscript(key: String) -> Value? {
        first { $0.key == key }?.value
    }
}

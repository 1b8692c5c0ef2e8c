/// A JSON value as written, for importers: numbers keep their digits, and objects keep their
/// members in order, duplicate keys included.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number as written (`-1.50e3`), so that nothing is lost to rounding.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])
}

/// A key and its value in a JSON object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension JSONValue {
    /// The value of an object's member named `key`, the last one where the key repeats
    /// (as JavaScript reads it); `nil` for a missing key or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The text of a string value; `nil` for other values.
    public var string: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }
}

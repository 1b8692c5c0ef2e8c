import CRMSyntax

/// A JSON value, for reading and for writing: numbers keep their digits as written, and objects
/// keep their members in order, duplicate keys included, so output is stable and input is
/// read without loss.
public indirect enum JSON: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number as written (`-1.50e3`), so that nothing is lost to rounding.
    case number(String)
    case string(String)
    case array([JSON])
    case object([(key: String, value: JSON)])

    public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.compact == rhs.compact }
    public func hash(into hasher: inout Hasher) { hasher.combine(compact) }

    /// A whole number.
    public static func integer(_ value: Int) -> JSON { .number(String(value)) }

    /// A number, written without a fraction when it is whole.
    public static func number(_ value: Double) -> JSON {
        .number(value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value))
    }

    /// A record field value as read: strings, arrays of strings, objects of those.
    public init(_ value: Value) {
        switch value {
        case .string(let text): self = .string(text)
        case .list(let items): self = .array(items.map(JSON.string))
        case .map(let entries): self = .object(entries.map { (key: $0.key, value: JSON($0.value)) })
        }
    }

    /// The value of an object's member named `key`, the last one where the key repeats
    /// (as JavaScript reads it); `nil` for a missing key or a value that is not an object.
    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The text of a string value; `nil` for other values.
    public var string: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// On one line, without spaces.
    public var compact: String {
        var text = ""
        write(to: &text, indent: nil, level: 0)
        return text
    }

    /// Indented by two spaces per level.
    public var pretty: String {
        var text = ""
        write(to: &text, indent: "  ", level: 0)
        return text
    }

    private func write(to text: inout String, indent: String?, level: Int) {
        let newline = indent == nil ? "" : "\n"
        func pad(_ level: Int) -> String { indent.map { String(repeating: $0, count: level) } ?? "" }
        switch self {
        case .string(let value): Self.quote(value, into: &text)
        case .number(let value): text += value
        case .bool(let value): text += value ? "true" : "false"
        case .null: text += "null"
        case .array(let items):
            guard !items.isEmpty else { return text += "[]" }
            text += "[" + newline
            for (offset, item) in items.enumerated() {
                text += pad(level + 1)
                item.write(to: &text, indent: indent, level: level + 1)
                text += (offset < items.count - 1 ? "," : "") + newline
            }
            text += pad(level) + "]"
        case .object(let members):
            guard !members.isEmpty else { return text += "{}" }
            text += "{" + newline
            for (offset, member) in members.enumerated() {
                text += pad(level + 1)
                Self.quote(member.key, into: &text)
                text += indent == nil ? ":" : ": "
                member.value.write(to: &text, indent: indent, level: level + 1)
                text += (offset < members.count - 1 ? "," : "") + newline
            }
            text += pad(level) + "}"
        }
    }

    private static func quote(_ value: String, into text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{8}": text += "\\b"
            case "\u{C}": text += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}

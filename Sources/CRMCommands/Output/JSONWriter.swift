import CRMSyntax

/// A JSON value with object keys kept in the order they were added, so output is stable.
public indirect enum JSON: Sendable, Hashable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.compact == rhs.compact }
    public func hash(into hasher: inout Hasher) { hasher.combine(compact) }

    /// A record field value as read: strings, arrays of strings, objects of those.
    public init(_ value: Value) {
        switch value {
        case .string(let text): self = .string(text)
        case .list(let items): self = .array(items.map(JSON.string))
        case .map(let entries): self = .object(entries.map { ($0.key, JSON($0.value)) })
        }
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
        case .number(let value):
            text += value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .integer(let value): text += String(value)
        case .bool(let value): text += value ? "true" : "false"
        case .null: text += "null"
        case .array(let items):
            if items.isEmpty {
                text += "[]"
                return
            }
            text += "[" + newline
            for (offset, item) in items.enumerated() {
                text += pad(level + 1)
                item.write(to: &text, indent: indent, level: level + 1)
                text += (offset < items.count - 1 ? "," : "") + newline
            }
            text += pad(level) + "]"
        case .object(let members):
            if members.isEmpty {
                text += "{}"
                return
            }
            text += "{" + newline
            for (offset, member) in members.enumerated() {
                text += pad(level + 1)
                Self.quote(member.0, into: &text)
                text += indent == nil ? ":" : ": "
                member.1.write(to: &text, indent: indent, level: level + 1)
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

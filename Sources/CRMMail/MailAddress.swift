/// One mailbox of an address header (RFC 5322 section 3.4): a display name, decoded, and the address.
public struct MailAddress: Sendable, Hashable {
    public var name: String
    /// `local@domain` as written (compare with `normalized`).
    public var address: String

    public init(name: String = "", address: String) {
        self.name = name
        self.address = address
    }

    /// The address in lower case, for comparing.
    public var normalized: String { address.lowercased() }

    /// The part after `@`, lowercased.
    public var domain: String {
        guard let at = address.lastIndex(of: "@") else { return "" }
        return String(address[address.index(after: at)...]).lowercased()
    }

    /// The part before `@`.
    public var localPart: String {
        guard let at = address.lastIndex(of: "@") else { return address }
        return String(address[..<at])
    }

    /// Every mailbox of an address list (`From`, `To`, `Cc`): `Name <a@b>`, `"Last, First" <a@b>`,
    /// a bare `a@b`, `a@b (comment)`, and groups (`team: a@b, c@d;`). Entries without an `@` are left out.
    public static func list(_ raw: [UInt8]) -> [MailAddress] {
        var entries: [[UInt8]] = []
        var current: [UInt8] = []
        var quoted = false
        var angle = false
        var comment = 0
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == UInt8(ascii: "\\") && (quoted || comment > 0) && index + 1 < raw.count {
                current += [byte, raw[index + 1]]
                index += 2
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where comment == 0: quoted.toggle()
            case UInt8(ascii: "(") where !quoted: comment += 1
            case UInt8(ascii: ")") where !quoted && comment > 0: comment -= 1
            case UInt8(ascii: "<") where !quoted && comment == 0: angle = true
            case UInt8(ascii: ">") where !quoted && comment == 0: angle = false
            case UInt8(ascii: ":") where !quoted && comment == 0 && !angle:
                // A group's name: what came before is not a mailbox.
                current = []
                index += 1
                continue
            case UInt8(ascii: ","), UInt8(ascii: ";"):
                if !quoted && comment == 0 && !angle {
                    entries.append(current)
                    current = []
                    index += 1
                    continue
                }
            default: break
            }
            current.append(byte)
            index += 1
        }
        entries.append(current)
        return entries.compactMap(mailbox)
    }

    /// One `Name <address>` or `address (comment)`.
    private static func mailbox(_ entry: [UInt8]) -> MailAddress? {
        if let open = entry.lastIndex(of: UInt8(ascii: "<")), let close = entry[open...].firstIndex(of: UInt8(ascii: ">")) {
            let address = clean(entry[(open + 1)..<close])
            guard address.contains("@") else { return nil }
            return MailAddress(name: displayName(entry[..<open]), address: address)
        }
        let address = clean(withoutComments(entry[...])[...])
        guard address.contains("@") else { return nil }
        return MailAddress(address: address)
    }

    /// An address without blanks and quotes around it, an obsolete route (`@a,@b:`) dropped.
    private static func clean(_ bytes: ArraySlice<UInt8>) -> String {
        var text = String(decoding: bytes.filter { ![0x20, 0x09, 0x0D, 0x0A].contains($0) }, as: UTF8.self)
        if let colon = text.lastIndex(of: ":"), text.hasPrefix("@") { text = String(text[text.index(after: colon)...]) }
        if text.hasPrefix("\""), let end = text.lastIndex(of: "\""), end != text.startIndex {
            text = String(text[text.index(after: text.startIndex)..<end]) + String(text[text.index(after: end)...])
        }
        return text
    }

    /// The phrase before `<`: quoted strings unquoted, comments dropped, encoded words decoded.
    private static func displayName(_ bytes: ArraySlice<UInt8>) -> String {
        var unescaped: [UInt8] = []
        var escape = false
        for byte in withoutComments(bytes) {
            if escape {
                escape = false
            } else if byte == UInt8(ascii: "\\") {
                escape = true
                continue
            } else if byte == UInt8(ascii: "\"") {
                continue
            }
            unescaped.append(byte)
        }
        return EncodedWords.decode(unescaped).split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    private static func withoutComments(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        var depth = 0
        var quoted = false
        var escape = false
        for byte in bytes {
            if escape { escape = false; if depth == 0 { output.append(byte) }; continue }
            if byte == UInt8(ascii: "\\") { escape = true; if depth == 0 { output.append(byte) }; continue }
            if byte == UInt8(ascii: "\"") && depth == 0 { quoted.toggle() }
            if !quoted && byte == UInt8(ascii: "(") { depth += 1; continue }
            if !quoted && byte == UInt8(ascii: ")") && depth > 0 { depth -= 1; continue }
            if depth == 0 { output.append(byte) }
        }
        return output
    }
}

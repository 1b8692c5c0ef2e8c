/// A message's or a MIME part's header fields (RFC 5322 section 2.2), unfolded, in order.
/// The block ends at the first empty line, or, as mail readers have it, at the first line that
/// is neither a field nor a continuation; `bodyStart` is where the body begins.
public struct MailHeaders: Sendable {
    public struct Field: Sendable {
        public var name: String
        /// The value's bytes, unfolded (line breaks removed, the blanks after them kept), leading blanks dropped.
        public var raw: [UInt8]
        /// The 1-based line of the field's name, counted from the start of the header block.
        public var line: Int
    }

    public private(set) var fields: [Field] = []
    /// The offset of the body's first byte in the parsed bytes.
    public private(set) var bodyStart: Int
    /// The number of lines the header block took, the blank separator included.
    public private(set) var lineCount = 0

    /// Reads the fields at the start of `bytes` (LF or CRLF line endings).
    public init(parsing bytes: ArraySlice<UInt8>) {
        var index = bytes.startIndex
        bodyStart = bytes.endIndex
        var line = 0
        while index < bytes.endIndex {
            let end = bytes[index...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var contentEnd = end
            if contentEnd > index && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let content = bytes[index..<contentEnd]
            line += 1
            let next = end < bytes.endIndex ? end + 1 : end
            if content.isEmpty {
                bodyStart = next
                lineCount = line
                return
            }
            if content.first == 0x20 || content.first == 0x09, !fields.isEmpty {
                fields[fields.count - 1].raw.append(contentsOf: content)
            } else if let colon = content.firstIndex(of: UInt8(ascii: ":")), colon > content.startIndex,
                      Self.isName(content[content.startIndex..<colon]) {
                let name = String(decoding: content[content.startIndex..<colon], as: UTF8.self).trimmingBlanks()
                var value = content[(colon + 1)...]
                while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
                fields.append(Field(name: name, raw: Array(value), line: line))
            } else if line == 1 && content.starts(with: Array("From ".utf8)) {
                // An mbox separator left on a single message: not a field, not the body.
            } else {
                bodyStart = index
                lineCount = line - 1
                return
            }
            index = next
        }
        lineCount = line
    }

    /// A field name: printable ASCII without a colon, perhaps with blanks before the colon (obsolete syntax).
    private static func isName(_ bytes: ArraySlice<UInt8>) -> Bool {
        var trimmed = bytes
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
        return !trimmed.isEmpty && trimmed.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// The first field of that name (names compare without case).
    public func field(_ name: String) -> Field? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }
    }

    /// Every field of that name, in order.
    public func all(_ name: String) -> [Field] {
        let wanted = name.lowercased()
        return fields.filter { $0.name.lowercased() == wanted }
    }

    /// The field's value as text, encoded words decoded.
    public func text(_ name: String) -> String? {
        field(name).map { EncodedWords.decode($0.raw) }
    }

    /// The field's value without decoding (for structured fields: addresses, ids, parameters).
    public func rawText(_ name: String) -> String? {
        field(name).map { MailCharset.guess($0.raw) }
    }

    /// `text` without leading and trailing blanks and line breaks.
    static func trimmed(_ text: String) -> String { text.trimmingBlanks() }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !" \t\r\n".unicodeScalars.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !" \t\r\n".unicodeScalars.contains($0) })!
        return String(scalars[first...last])
    }
}

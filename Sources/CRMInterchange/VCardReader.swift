/// Reads vCard files, versions 2.1, 3.0 and 4.0, as address books and phones export them.
///
/// Lines may end with CRLF or LF and be folded; a byte order mark and blank lines are skipped.
/// Groups (`item1.EMAIL`) and quoted parameter values are read; version 2.1's bare parameters
/// read as `ENCODING` (`QUOTED-PRINTABLE`, `BASE64`, `8BIT`, `7BIT`) or else as one `TYPE`
/// (`TEL;WORK;VOICE:` as `TYPE=WORK,VOICE`). Quoted-printable values are decoded from their
/// `CHARSET` (UTF-8 when there is none, or ISO-8859-1), and the two parameters dropped; an `=`
/// ending a physical line is a soft line break. Unknown properties are kept; a card without
/// `VERSION` reads as 3.0.
public enum VCardReader {
    /// The cards in `bytes`, in order.
    public static func read(_ bytes: [UInt8]) throws(VCardError) -> [VCard] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let (line, column) = ContentLine.firstInvalidUTF8(body) {
            throw VCardError(line: line, column: column, message: "invalid UTF-8 byte sequence", hint: "save the file as UTF-8")
        }
        let lines = ContentLine.unfold(body)
        var cards: [VCard] = []
        var card: VCard?
        var index = 0
        while index < lines.count {
            var line = lines[index]
            index += 1
            if line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            var parser = PropertyParser(line: line)
            let header = try parser.header()
            var softBreak = header.isQuotedPrintable && line.bytes.last == 0x3D
            while softBreak, index < lines.count {
                softBreak = lines[index].bytes.last == 0x3D
                line.append(lines[index])
                index += 1
            }
            switch header.name {
            case "BEGIN", "END":
                let marker = trimmedValue(header, in: line).uppercased()
                if header.name == "BEGIN", marker == "VCARD" {
                    if let card {
                        throw VCardError(line, at: 0, "BEGIN:VCARD inside the vCard begun on line \(card.line)",
                                         hint: "end each card with END:VCARD before the next BEGIN:VCARD")
                    }
                    card = VCard(version: "3.0", properties: [], line: line.line)
                } else if marker == "VCARD" {
                    guard let finished = card else {
                        throw VCardError(line, at: 0, "END:VCARD without BEGIN:VCARD", hint: "start each card with BEGIN:VCARD")
                    }
                    cards.append(finished)
                    card = nil
                } else {
                    throw VCardError(line, at: 0, "\(header.name):\(marker) in a vCard file",
                                     hint: "a vCard file holds cards from BEGIN:VCARD to END:VCARD")
                }
            default:
                guard card != nil else {
                    throw VCardError(line, at: 0, "property \(header.name) outside a vCard",
                                     hint: "properties go between BEGIN:VCARD and END:VCARD")
                }
                if header.name == "VERSION" {
                    card?.version = trimmedValue(header, in: line)
                } else {
                    card?.properties.append(try property(header, in: line))
                }
            }
        }
        if let card {
            throw VCardError(line: card.line, column: 1, message: "BEGIN:VCARD without END:VCARD",
                             hint: "end the card with a line END:VCARD")
        }
        return cards
    }

    private static func trimmedValue(_ header: PropertyParser.Header, in line: ContentLine.Unfolded) -> String {
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        let value = line.bytes[header.valueStart...].drop(while: isBlank)
        return String(decoding: value.reversed().drop(while: isBlank).reversed(), as: UTF8.self)
    }

    private static func property(_ header: PropertyParser.Header, in line: ContentLine.Unfolded) throws(VCardError) -> VCardProperty {
        guard header.isQuotedPrintable else {
            let value = String(decoding: line.bytes[header.valueStart...], as: UTF8.self)
            return VCardProperty(header.name, parameters: header.parameters, value: value, group: header.group)
        }
        let charset = header.parameters.first { $0.name == "CHARSET" }?.values.first
        let text = try decodeQuotedPrintable(line, from: header.valueStart, charset: charset)
        let parameters = header.parameters.filter { $0.name != "ENCODING" && $0.name != "CHARSET" }
        return VCardProperty(header.name, parameters: parameters, value: text, group: header.group)
    }

    /// The text of a quoted-printable value: `=XX` is a byte, an `=` ending a physical line is
    /// dropped, and the bytes are read as `charset`.
    private static func decodeQuotedPrintable(_ line: ContentLine.Unfolded, from start: Int, charset: String?) throws(VCardError) -> String {
        let source = line.bytes
        let softBreaks = Set(line.pieces.dropFirst().map { $0.offset - 1 } + [source.count - 1])
        var bytes: [UInt8] = []
        var index = start
        while index < source.count {
            if source[index] == 0x3D {
                if softBreaks.contains(index) {
                    index += 1
                    continue
                }
                if index + 2 < source.count, let high = hexDigit(source[index + 1]), let low = hexDigit(source[index + 2]) {
                    bytes.append(high << 4 | low)
                    index += 3
                    continue
                }
            }
            bytes.append(source[index])
            index += 1
        }
        switch charset?.uppercased() ?? "UTF-8" {
        case "UTF-8", "US-ASCII":
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw VCardError(line, at: start, "quoted-printable value is not valid UTF-8", hint: "check the CHARSET parameter")
            }
            return text
        case "ISO-8859-1":
            var text = ""
            text.unicodeScalars.append(contentsOf: bytes.map(Unicode.Scalar.init))
            return text
        case let other:
            throw VCardError(line, at: start, "unsupported CHARSET \(other)", hint: "export the contacts as UTF-8")
        }
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

/// Reads the part of a content line before its value, `group.NAME;PARAM=value:`, with a cursor.
struct PropertyParser {
    struct Header {
        var group: String?
        var name: String
        var parameters: [VCardParameter]
        /// Where the value starts in the line's bytes, after the `:`.
        var valueStart: Int

        var isQuotedPrintable: Bool {
            parameters.contains { $0.name == "ENCODING" && $0.values.first?.uppercased() == "QUOTED-PRINTABLE" }
        }
    }

    private static let bareEncodings: Set<String> = ["QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT"]

    let line: ContentLine.Unfolded
    private var index = 0

    init(line: ContentLine.Unfolded) {
        self.line = line
    }

    private var current: UInt8? { index < line.bytes.count ? line.bytes[index] : nil }

    mutating func header() throws(VCardError) -> Header {
        guard line.bytes.contains(0x3A) else {
            throw VCardError(line, at: 0, "line without ':' between the name and the value",
                             hint: "write NAME:value; a line that continues the one before starts with a space")
        }
        var group: String?
        var name = try word("property name")
        if current == 0x2E {
            index += 1
            group = name
            name = try word("property name")
        }
        try expect([0x3B, 0x3A], after: "property name")
        var parameters: [VCardParameter] = []
        var bareTypes: Int?
        while current == 0x3B {
            index += 1
            let parameterName = try word("parameter name")
            let upper = parameterName.uppercased()
            if current == 0x3D {
                index += 1
                parameters.append(VCardParameter(upper, try values(quotedListsSplit: upper == "TYPE")))
            } else if Self.bareEncodings.contains(upper) {
                parameters.append(VCardParameter("ENCODING", [parameterName]))
            } else if let bareTypes {
                parameters[bareTypes].values.append(parameterName)
            } else {
                bareTypes = parameters.count
                parameters.append(VCardParameter("TYPE", [parameterName]))
            }
            try expect([0x3B, 0x3A], after: "parameter")
        }
        return Header(group: group, name: name.uppercased(), parameters: parameters, valueStart: index + 1)
    }

    /// A name: letters, digits, `-` and `_`.
    private mutating func word(_ what: String) throws(VCardError) -> String {
        let start = index
        while let byte = current, byte == 0x2D || byte == 0x5F || (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20) {
            index += 1
        }
        guard index > start else {
            throw VCardError(line, at: index, "\(what) is missing", hint: "write NAME:value or NAME;PARAMETER=value:value")
        }
        return text(start..<index)
    }

    /// The values after `NAME=`, split at commas; a quoted value is split too when `quotedListsSplit`
    /// (`TYPE="work,voice"`).
    private mutating func values(quotedListsSplit: Bool) throws(VCardError) -> [String] {
        var values: [String] = []
        repeat {
            if current == 0x22 {
                let quote = index
                guard let end = line.bytes[(index + 1)...].firstIndex(of: 0x22) else {
                    throw VCardError(line, at: quote, "quoted parameter value is not closed", hint: "end it with \"")
                }
                let value = ContentLine.unescapeParameter(text((quote + 1)..<end))
                values += quotedListsSplit ? value.split(separator: ",", omittingEmptySubsequences: false).map(String.init) : [value]
                index = end + 1
            } else {
                let start = index
                while let byte = current, byte != 0x2C, byte != 0x3B, byte != 0x3A, byte != 0x22 { index += 1 }
                values.append(ContentLine.unescapeParameter(text(start..<index)))
            }
        } while skip(0x2C)
        return values
    }

    private mutating func skip(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        index += 1
        return true
    }

    /// Throws unless the cursor is at one of `bytes`.
    private func expect(_ bytes: [UInt8], after what: String) throws(VCardError) {
        guard let byte = current else {
            throw VCardError(line, at: index, "missing ':' after the \(what)", hint: "write NAME;PARAMETER=value:value")
        }
        guard !bytes.contains(byte) else { return }
        let character = String(decoding: line.bytes[index...].prefix(4), as: UTF8.self).unicodeScalars.first ?? "?"
        throw VCardError(line, at: index, "unexpected '\(character)' after the \(what)",
                         hint: "names are letters, digits and '-'; quote parameter values that hold ':', ';' or ','")
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: line.bytes[range], as: UTF8.self)
    }
}

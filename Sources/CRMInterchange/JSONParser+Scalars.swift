/// Strings and numbers: the leaves of a JSON value.
extension JSONParser {
    /// A string at the cursor, unescaped; the cursor ends after its closing quote.
    mutating func string() throws(JSONError) -> String {
        let opening = index
        index += 1
        var buffer: [UInt8] = []
        while true {
            guard let byte = current else { throw error("string is not closed", at: opening) }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &buffer)
            case 0..<0x20:
                throw error("control character U+\(hex(byte)) must be escaped in a string")
            case 0x80...:
                var iterator = bytes[index..<end].makeIterator()
                var decoder = Unicode.UTF8.ForwardParser()
                guard case .valid(let encoded) = decoder.parseScalar(from: &iterator) else {
                    throw error("invalid UTF-8 in a string")
                }
                buffer.append(contentsOf: encoded)
                index += encoded.count
            default:
                buffer.append(byte)
                index += 1
            }
        }
    }

    /// An escape at the cursor (on its backslash), appended to `buffer` as UTF-8.
    private mutating func escape(into buffer: inout [UInt8]) throws(JSONError) {
        let start = index
        index += 1
        guard let byte = current else { return }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"): buffer.append(contentsOf: try unicodeEscape(start: start).utf8)
        case 0x21...0x7E: throw error("unknown escape '\\\(Character(Unicode.Scalar(byte)))'", at: start)
        default: throw error("unknown escape sequence", at: start)
        }
    }

    /// The character of `\uXXXX`, or of a surrogate pair `\uD83D\uDE00`; the cursor is after `u`.
    private mutating func unicodeEscape(start: Int) throws(JSONError) -> Unicode.Scalar {
        let unit = try hexQuad(escapeStart: start)
        if (0xDC00...0xDFFF).contains(unit) {
            throw error("low surrogate \\u\(hex(unit)) without a high surrogate before it", at: start)
        }
        guard (0xD800...0xDBFF).contains(unit) else { return Unicode.Scalar(unit) ?? "\u{FFFD}" }
        let lowStart = index
        guard bytes[index..<end].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
            throw error("high surrogate \\u\(hex(unit)) is not followed by a low surrogate", at: start)
        }
        index += 2
        let low = try hexQuad(escapeStart: lowStart)
        guard (0xDC00...0xDFFF).contains(low) else {
            throw error("high surrogate \\u\(hex(unit)) is not followed by a low surrogate", at: start)
        }
        return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
    }

    /// Four hexadecimal digits at the cursor.
    private mutating func hexQuad(escapeStart: Int) throws(JSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = hexDigit(byte) else {
                throw error("'\\u' must be followed by 4 hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// Four uppercase hexadecimal digits.
    private func hex(_ value: some BinaryInteger) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A number at the cursor, as written: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func number() throws(JSONError) -> String {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, isDigit(first) else { throw error("expected a digit after '-'") }
        index += 1
        if first == UInt8(ascii: "0"), let next = current, isDigit(next) {
            throw error("leading zeros are not allowed in numbers", at: index - 1)
        }
        skipDigits()
        if current == UInt8(ascii: ".") {
            index += 1
            guard let digit = current, isDigit(digit) else { throw error("expected a digit after '.'") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let digit = current, isDigit(digit) else { throw error("expected a digit in the exponent") }
            skipDigits()
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte)
    }

    private mutating func skipDigits() {
        while let byte = current, isDigit(byte) { index += 1 }
    }
}

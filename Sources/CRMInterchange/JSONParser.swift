/// A cursor over the bytes of a JSON text, or of one line of JSON Lines, that builds values
/// by recursive descent.
struct JSONParser {
    static let maximumDepth = 512

    let bytes: [UInt8]
    /// Where the text starts after any byte order mark: line 1, column 1.
    let origin: Int
    let end: Int
    var index: Int

    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        origin = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        end = range.upperBound
        index = max(range.lowerBound, origin)
    }

    var isAtEnd: Bool { index >= end }

    var current: UInt8? { index < end ? bytes[index] : nil }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            index += 1
        }
    }

    /// One value and nothing else but whitespace up to the end.
    mutating func document() throws(JSONError) -> JSON {
        skipWhitespace()
        guard !isAtEnd else { throw error("the text is empty") }
        let value = try value()
        skipWhitespace()
        guard isAtEnd else { throw error("unexpected text after the JSON value") }
        return value
    }

    /// The value at the cursor, `depth` arrays and objects deep.
    mutating func value(depth: Int = 0) throws(JSONError) -> JSON {
        guard let byte = current else { throw error("expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case UInt8(ascii: "'"): throw error("strings must be in double quotes")
        case UInt8(ascii: "/"): throw error("comments are not allowed in JSON")
        case UInt8(ascii: "+"), UInt8(ascii: "."): throw error("a number must start with a digit or '-'")
        case _ where isLetter(byte): return try literal()
        default: throw error("expected a value")
        }
    }

    private mutating func object(depth: Int) throws(JSONError) -> JSON {
        guard depth <= Self.maximumDepth else { throw error("nesting is deeper than \(Self.maximumDepth) levels") }
        index += 1
        skipWhitespace()
        var members: [(key: String, value: JSON)] = []
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        guard current == UInt8(ascii: "\"") else { throw error("expected a string key or '}'") }
        while true {
            let key = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
            index += 1
            skipWhitespace()
            members.append((key: key, value: try value(depth: depth)))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
                if current == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
                guard current == UInt8(ascii: "\"") else { throw error("expected a string key after ','") }
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default:
                throw error("expected ',' or '}' after a member")
            }
        }
    }

    private mutating func array(depth: Int) throws(JSONError) -> JSON {
        guard depth <= Self.maximumDepth else { throw error("nesting is deeper than \(Self.maximumDepth) levels") }
        index += 1
        skipWhitespace()
        var elements: [JSON] = []
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try value(depth: depth))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
                if current == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default:
                throw error("expected ',' or ']' after an element")
            }
        }
    }

    /// `true`, `false` or `null`; any other word is an error naming it.
    private mutating func literal() throws(JSONError) -> JSON {
        let start = index
        while let byte = current, isLetter(byte) || (0x30...0x39).contains(byte) { index += 1 }
        let word = String(decoding: bytes[start..<index], as: UTF8.self)
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: throw error("'\(word)' is not a JSON value (the words are true, false and null)", at: start)
        }
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// The error for `message` at `offset` (the cursor by default), with its line and column.
    func error(_ message: String, at offset: Int? = nil) -> JSONError {
        let offset = offset ?? index
        var line = 1
        var column = 1
        for position in origin..<offset {
            let byte = bytes[position]
            let isCRBeforeLF = byte == 0x0D && position + 1 < bytes.count && bytes[position + 1] == 0x0A
            if byte == 0x0A || (byte == 0x0D && !isCRBeforeLF) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONError(line: line, column: column, message: message)
    }
}

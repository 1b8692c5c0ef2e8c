/// Reads JSON strictly as RFC 8259 defines it: no comments, no trailing commas, no single
/// quotes, escapes and numbers as the grammar has them, and at most 512 levels of nesting.
/// A UTF-8 byte order mark at the start is ignored.
public enum JSONReader {
    /// Reads one JSON text, with whitespace around it allowed.
    public static func read(_ bytes: [UInt8]) throws(JSONError) -> JSON {
        var parser = JSONParser(bytes: bytes, range: bytes.indices)
        return try parser.document()
    }

    /// Reads JSON Lines: one value on each line that is not blank. Errors name the line in
    /// the whole text.
    public static func readLines(_ bytes: [UInt8]) throws(JSONError) -> [JSON] {
        var values: [JSON] = []
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            var parser = JSONParser(bytes: bytes, range: start..<end)
            parser.skipWhitespace()
            if !parser.isAtEnd { values.append(try parser.document()) }
            start = end + 1
        }
        return values
    }

    /// Reads an export of many values: the elements of a top-level array, a lone value that
    /// is not an array, or else JSON Lines. Blank text gives no values.
    public static func readAny(_ bytes: [UInt8]) throws(JSONError) -> [JSON] {
        var parser = JSONParser(bytes: bytes, range: bytes.indices)
        parser.skipWhitespace()
        guard !parser.isAtEnd else { return [] }
        let first = try parser.value()
        parser.skipWhitespace()
        guard parser.isAtEnd else { return try readLines(bytes) }
        if case .array(let elements) = first { return elements }
        return [first]
    }
}

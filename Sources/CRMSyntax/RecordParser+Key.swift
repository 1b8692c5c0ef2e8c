/// The longest key a record accepts (YAML itself stops simple keys at 1024 characters).
let maximumKeyLength = 100

/// Key grammar shared by the reader and the writer: a letter, then letters, digits, `-` or `_`.
public enum KeySyntax {
    /// True when `key` may be written as a record key.
    public static func isValid(_ key: String) -> Bool {
        let utf8 = key.utf8
        guard let first = utf8.first, isLetter(first), utf8.count <= maximumKeyLength else { return false }
        return utf8.allSatisfy(isKeyByte)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    static func isKeyByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
    }
}

extension RecordParser {
    /// Reads `key:` starting at `start` and returns the key and the offset just past the colon.
    mutating func parseKey(at start: Int, in line: Line) throws(Diagnostic) -> (key: String, afterColon: Int) {
        let first = bytes[start]
        guard KeySyntax.isLetter(first) else {
            if first == 0x22 || first == 0x27 {
                throw failure("invalid-key", "keys must not be quoted", at: start, in: line,
                              hint: "write the key bare: letters, digits, '-' and '_', starting with a letter")
            }
            throw failure("invalid-key", "a key must start with a letter", at: start, in: line,
                          hint: "a field is written as `key: value`, with a key of letters, digits, '-' and '_'")
        }
        var index = start + 1
        while index < line.contentEnd && KeySyntax.isKeyByte(bytes[index]) { index += 1 }
        let key = value(start..<index)
        if index - start > maximumKeyLength {
            throw failure("invalid-key", "key is longer than \(maximumKeyLength) characters", at: start, in: line,
                          hint: "use a shorter field name")
        }
        guard index < line.contentEnd else {
            throw failure("invalid-key", "expected ':' after '\(key)'", at: index, in: line,
                          hint: "a field is written as `key: value`")
        }
        let byte = bytes[index]
        if byte != 0x3A {
            if byte == 0x20 || byte == 0x09 {
                var probe = index
                while probe < line.contentEnd && (bytes[probe] == 0x20 || bytes[probe] == 0x09) { probe += 1 }
                if probe < line.contentEnd && bytes[probe] == 0x3A {
                    throw failure("invalid-key", "space between key '\(key)' and ':'", at: index, in: line,
                                  hint: "write `\(key):` with the colon right after the key")
                }
                throw failure("invalid-key", "keys cannot contain spaces", at: index, in: line,
                              hint: "use '-' or '_' between words, and end the key with ':'")
            }
            throw failure("invalid-key", "invalid character in key '\(key)...'", at: index, in: line,
                          hint: "keys are letters, digits, '-' and '_', followed by ':'")
        }
        let afterColon = index + 1
        if afterColon < line.contentEnd {
            let next = bytes[afterColon]
            if next == 0x09 {
                throw failure("tab", "tab character after ':'", at: afterColon, in: line,
                              hint: "use a space after the colon")
            }
            if next != 0x20 {
                throw failure("invalid-value", "missing space after ':'", at: afterColon, in: line,
                              hint: "write `\(key): value`, with a space after the colon")
            }
        }
        return (key, afterColon)
    }
}

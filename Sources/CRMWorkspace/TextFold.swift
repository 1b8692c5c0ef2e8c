/// Folds text for matching without regard to case or diacritics: `Plzeň` → `plzen`,
/// `ŠKODA` → `skoda`, `Straße` → `strasse`.
public enum TextFold {
    /// The folded form of `text`.
    public static func fold(_ text: some StringProtocol) -> String {
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// The folded form of `text` as UTF-8 bytes; ASCII and Latin letters take a fast path.
    public static func foldedBytes(_ text: some StringProtocol) -> [UInt8] {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                result.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                index += 1
                continue
            }
            if (byte == 0xC3 || byte == 0xC4 || byte == 0xC5), index + 1 < bytes.count {
                let scalar = (UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                if scalar >= 0xC0, !latin[Int(scalar - 0xC0)].isEmpty {
                    result.append(contentsOf: latin[Int(scalar - 0xC0)].utf8)
                    index += 2
                    continue
                }
            }
            var end = index + 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            var folded = ""
            for scalar in String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars {
                appendFolded(scalar, to: &folded)
            }
            result.append(contentsOf: folded.utf8)
            index = end
        }
        return result
    }

    /// True when `text` folds to `folded`, checked without allocating when `text` is ASCII.
    public static func foldedEquals(_ text: String, _ folded: [UInt8]) -> Bool {
        foldedEquals(text.utf8, folded) { foldedBytes(text) }
    }

    /// True when the UTF-8 `bytes` fold to `folded`, checked without allocating when they are ASCII.
    public static func foldedEquals(_ bytes: UnsafeRawBufferPointer, _ folded: [UInt8]) -> Bool {
        foldedEquals(bytes, folded) { foldedBytes(String(decoding: bytes, as: UTF8.self)) }
    }

    private static func foldedEquals<Bytes: Sequence<UInt8>>(_ bytes: Bytes, _ folded: [UInt8], slowly: () -> [UInt8]) -> Bool {
        var index = 0
        for byte in bytes {
            if byte >= 0x80 { return slowly() == folded }
            guard index < folded.count, (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == folded[index] else { return false }
            index += 1
        }
        return index == folded.count
    }

    /// True when a word of `text` (folded) starts with the folded `prefix`.
    public static func hasWord(startingWith prefix: [UInt8], in text: String) -> Bool {
        let folded = foldedBytes(text)
        guard !prefix.isEmpty, folded.count >= prefix.count else { return false }
        var start = 0
        while start + prefix.count <= folded.count {
            if (start == 0 || !isWordByte(folded[start - 1])) && folded[start..<(start + prefix.count)].elementsEqual(prefix) {
                return true
            }
            start += 1
        }
        return false
    }

    /// Letters and digits of folded text; bytes of multi-byte characters count as letters.
    public static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    /// True when the folded `needle` occurs anywhere in `text` folded.
    public static func foldedContains(_ text: String, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        let folded = foldedBytes(text)
        guard folded.count >= needle.count else { return false }
        for start in 0...(folded.count - needle.count) where folded[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    /// Appends the folded form of one scalar.
    public static func appendFolded(_ scalar: Unicode.Scalar, to result: inout String) {
        let value = scalar.value
        if value < 0x80 {
            result.unicodeScalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value | 0x20)! : scalar)
            return
        }
        if value >= 0x300 && value <= 0x36F { return }
        if value >= 0xC0 && value <= 0x17F {
            let replacement = latin[Int(value - 0xC0)]
            if !replacement.isEmpty {
                result += replacement
                return
            }
        }
        for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
            result.unicodeScalars.append(lowered)
        }
    }

    /// Folded forms of U+00C0 through U+017F (Latin-1 Supplement letters and Latin Extended-A).
    private static let latin: [String] = [
        // U+00C0
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
        // U+0100
        "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
        "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
        "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
        "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
        "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
        "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
        "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
        "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
    ]
}

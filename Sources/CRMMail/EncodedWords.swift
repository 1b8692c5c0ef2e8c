/// RFC 2047 encoded words in header text: `=?charset?Q?text?=` and `=?charset?B?text?=`.
/// Blanks between two adjacent encoded words are dropped, and adjacent words of one charset
/// are decoded together, so a character split between them survives. Text that is not an
/// encoded word is read as UTF-8 (else Windows-1250).
public enum EncodedWords {
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var output = ""
        /// Bytes of consecutive encoded words of one charset, waiting to be decoded.
        var pending: (charset: String, bytes: [UInt8])?
        var blanks: [UInt8] = []
        var lastWasWord = false
        func flush() {
            guard let word = pending else { return }
            output += MailCharset(named: word.charset)?.decode(word.bytes) ?? MailCharset.guess(word.bytes)
            pending = nil
        }
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == 0x0D || byte == 0x0A {
                index += 1
                continue
            }
            if byte == 0x20 || byte == 0x09 {
                blanks.append(byte)
                index += 1
                continue
            }
            if byte == UInt8(ascii: "="), index + 1 < input.count, input[index + 1] == UInt8(ascii: "?"),
               let word = encodedWord(in: input, at: index) {
                if lastWasWord, let current = pending, current.charset == word.charset {
                    pending!.bytes += word.bytes
                } else {
                    flush()
                    if !lastWasWord { output += String(decoding: blanks, as: UTF8.self) }
                    pending = (word.charset, word.bytes)
                }
                blanks = []
                lastWasWord = true
                index = word.end
                continue
            }
            flush()
            output += String(decoding: blanks, as: UTF8.self)
            blanks = []
            lastWasWord = false
            var end = index + 1
            while end < input.count, ![0x20, 0x09, 0x0D, 0x0A].contains(input[end]),
                  !(input[end] == UInt8(ascii: "=") && end + 1 < input.count && input[end + 1] == UInt8(ascii: "?")
                    && encodedWord(in: input, at: end) != nil) {
                end += 1
            }
            output += MailCharset.guess(input[index..<end])
            index = end
        }
        flush()
        output += String(decoding: blanks, as: UTF8.self)
        return output
    }

    /// The encoded word starting at `start`: its charset (lowercased, without a `*language`), decoded bytes and end.
    static func encodedWord(in input: [UInt8], at start: Int) -> (charset: String, bytes: [UInt8], end: Int)? {
        var index = start + 2
        func field() -> ArraySlice<UInt8>? {
            let from = index
            while index < input.count && input[index] != UInt8(ascii: "?") {
                if [0x20, 0x09, 0x0D, 0x0A].contains(input[index]) { return nil }
                index += 1
            }
            guard index < input.count else { return nil }
            defer { index += 1 }
            return input[from..<index]
        }
        guard let charset = field(), !charset.isEmpty, let encoding = field(), encoding.count == 1 else { return nil }
        let textStart = index
        while index + 1 < input.count && !(input[index] == UInt8(ascii: "?") && input[index + 1] == UInt8(ascii: "=")) {
            if [0x20, 0x09, 0x0D, 0x0A].contains(input[index]) { return nil }
            index += 1
        }
        guard index + 1 < input.count else { return nil }
        let text = input[textStart..<index]
        let name = String(decoding: charset.prefix { $0 != UInt8(ascii: "*") }, as: UTF8.self).lowercased()
        switch encoding.first! | 0x20 {
        case UInt8(ascii: "q"): return (name, TransferEncoding.quotedPrintable(text, header: true), index + 2)
        case UInt8(ascii: "b"): return (name, TransferEncoding.base64(text), index + 2)
        default: return nil
        }
    }
}

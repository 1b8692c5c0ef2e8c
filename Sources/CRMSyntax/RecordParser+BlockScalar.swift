#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a block scalar keeps of its final line breaks.
enum Chomping {
    /// `|-`: none.
    case strip
    /// `|`: one.
    case clip
    /// `|+`: all, with the empty lines after the text.
    case keep
}

extension RecordParser {
    /// A `|` or `>` block scalar of a top-level field, read exactly as PyYAML's scanner
    /// reads it (indentation detection, folding and chomping included).
    mutating func parseBlockScalar(_ field: inout FieldSyntax, header: Int, in keyLine: Line) throws(Diagnostic) -> NextLine {
        let folded = bytes[header] == 0x3E
        var chomping = Chomping.clip
        var increment: Int?
        var position = header + 1
        while position < keyLine.contentEnd, position < header + 3 {
            let byte = bytes[position]
            if (byte == 0x2B || byte == 0x2D) && chomping == .clip {
                chomping = byte == 0x2B ? .keep : .strip
            } else if byte >= 0x31 && byte <= 0x39 && increment == nil {
                increment = Int(byte - 0x30)
            } else if byte == 0x30 {
                throw failure("invalid-block-scalar", "indentation indicator must be 1 to 9", at: position, in: keyLine,
                              hint: "give the number of spaces the text is indented by, or leave the digit out")
            } else {
                break
            }
            position += 1
        }
        if position < keyLine.contentEnd && bytes[position] != 0x20 {
            throw failure("invalid-block-scalar", "unexpected character in block scalar header", at: position, in: keyLine,
                          hint: "a block starts with `|`, `|-` or `|+` (or `>`), then optionally an indentation digit and a comment")
        }
        try expectEndOfLine(after: position, in: keyLine, what: "the block scalar header")

        var scanner = BlockScanner(bytes: bytes, position: keyLine.end)
        scratch.removeAll(keepingCapacity: true)
        var breaks: Int
        let indent: Int
        if let increment {
            indent = increment
            breaks = scanner.scanBreaks(indent: indent)
        } else {
            let detected = scanner.scanIndentation()
            breaks = detected.breaks
            indent = max(1, detected.maxIndent)
        }
        var lineBreak = false
        var contentEnd = keyLine.end
        var contentLines = 0
        while scanner.column == indent && scanner.position < bytes.count {
            if breaks > 0 { scratch.append(contentsOf: repeatElement(0x0A, count: breaks)) }
            let leadingNonSpace = bytes[scanner.position] != 0x20 && bytes[scanner.position] != 0x09
            let start = scanner.position
            scanner.skipToLineEnd()
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<scanner.position]))
            lineBreak = scanner.scanLineBreak()
            contentEnd = scanner.position
            contentLines = scanner.lineBreaks
            breaks = scanner.scanBreaks(indent: indent)
            guard scanner.column == indent && scanner.position < bytes.count else { break }
            if folded && lineBreak && leadingNonSpace
                && bytes[scanner.position] != 0x20 && bytes[scanner.position] != 0x09 {
                if breaks == 0 { scratch.append(0x20) }
            } else if lineBreak {
                scratch.append(0x0A)
            }
        }
        if chomping != .strip && lineBreak { scratch.append(0x0A) }
        if chomping == .keep && breaks > 0 {
            scratch.append(contentsOf: repeatElement(0x0A, count: breaks))
        }

        // The field owns its text lines; the empty lines after them are its own only when kept.
        var end = contentEnd
        var lineNumber = keyLine.number + 1 + contentLines
        if chomping == .keep && scanner.position > contentEnd {
            end = scanner.position
            lineNumber = keyLine.number + 1 + scanner.lineBreaks
            if end < bytes.count {
                while end > contentEnd && bytes[end - 1] != 0x0A { end -= 1 }
            }
        }

        field.value = .string(String(decoding: scratch, as: UTF8.self))
        field.style = .scalar(folded ? .folded : .literal)
        field.valueBytes = header..<position
        field.bytes = keyLine.start..<end
        return (end, lineNumber)
    }
}

/// A byte cursor that tracks the column, for the indentation rules of block scalars.
struct BlockScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    var column = 0
    /// Line breaks consumed so far.
    var lineBreaks = 0

    init(bytes: UnsafeBufferPointer<UInt8>, position: Int) {
        self.bytes = bytes
        self.position = position
    }

    private var atBreak: Bool {
        position < bytes.count && (bytes[position] == 0x0A || bytes[position] == 0x0D)
    }

    /// Consumes a line break if there is one (CRLF counts as one).
    mutating func scanLineBreak() -> Bool {
        guard atBreak else { return false }
        position += bytes[position] == 0x0D ? 2 : 1
        column = 0
        lineBreaks += 1
        return true
    }

    mutating func skipToLineEnd() {
        guard position < bytes.count,
              let newline = memchr(bytes.baseAddress! + position, 0x0A, bytes.count - position) else {
            position = bytes.count
            return
        }
        position = bytes.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self))
        if position > 0 && bytes[position - 1] == 0x0D { position -= 1 }
    }

    /// Leading empty lines and the first text line's spaces: the count of breaks and the widest indentation.
    mutating func scanIndentation() -> (breaks: Int, maxIndent: Int) {
        var breaks = 0
        var maxIndent = 0
        while position < bytes.count {
            if bytes[position] == 0x20 {
                position += 1
                column += 1
                maxIndent = max(maxIndent, column)
            } else if scanLineBreak() {
                breaks += 1
            } else {
                break
            }
        }
        return (breaks, maxIndent)
    }

    /// Empty lines (up to `indent` spaces each) before the next text line; consumes that line's indentation.
    mutating func scanBreaks(indent: Int) -> Int {
        var breaks = 0
        while column < indent && position < bytes.count && bytes[position] == 0x20 {
            position += 1
            column += 1
        }
        while scanLineBreak() {
            breaks += 1
            while column < indent && position < bytes.count && bytes[position] == 0x20 {
                position += 1
                column += 1
            }
        }
        return breaks
    }
}

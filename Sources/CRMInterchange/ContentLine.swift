/// The line syntax vCard (RFC 6350 §3.2) and iCalendar (RFC 5545 §3.1) share: lines folded at
/// 75 octets, TEXT values with backslash escapes, values split at `;` and `,`, and parameter
/// values in double quotes with RFC 6868's `^` escapes.
public enum ContentLine {
    /// The most octets a written line holds, not counting its CRLF.
    public static let octetLimit = 75

    /// Appends `line` and a CRLF to `output`, folded: a CRLF and one space go in before the
    /// line would pass 75 octets, never inside a UTF-8 sequence.
    public static func fold(_ line: String, into output: inout [UInt8]) {
        var rest = Array(line.utf8)[...]
        var limit = octetLimit
        while rest.count > limit {
            var end = rest.startIndex + limit
            while rest[end] & 0xC0 == 0x80 { end -= 1 }
            output.append(contentsOf: rest[..<end])
            output.append(contentsOf: [0x0D, 0x0A, 0x20])
            rest = rest[end...]
            limit = octetLimit - 1
        }
        output.append(contentsOf: rest)
        output.append(contentsOf: [0x0D, 0x0A])
    }

    /// `text` as a TEXT value: `\`, `,` and `;` escaped with a backslash, each line break
    /// (LF, CRLF or CR) written as `\n`.
    public static func escape(_ text: String) -> String {
        var result = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ",": result += "\\,"
            case ";": result += "\\;"
            case "\r": result += "\\n"
            case "\n" where previous != "\r": result += "\\n"
            case "\n": break
            default: result.unicodeScalars.append(scalar)
            }
            previous = scalar
        }
        return result
    }

    /// The text a TEXT value holds: `\\`, `\,`, `\;`, `\n` and `\N` decoded; a backslash
    /// before anything else is kept as written.
    public static func unescape(_ value: some StringProtocol) -> String {
        decode(value, marker: "\\", ["\\": "\\", ",": ",", ";": ";", "n": "\n", "N": "\n"])
    }

    /// `value` cut at each `separator` (`;` or `,`) that no backslash escapes; the pieces keep
    /// their escapes for `unescape(_:)`.
    public static func split(_ value: some StringProtocol, at separator: Unicode.Scalar) -> [String] {
        var pieces: [String] = []
        var piece = ""
        var escaped = false
        for scalar in value.unicodeScalars {
            if scalar == separator && !escaped {
                pieces.append(piece)
                piece = ""
                continue
            }
            escaped = !escaped && scalar == "\\"
            piece.unicodeScalars.append(scalar)
        }
        pieces.append(piece)
        return pieces
    }

    /// `;NAME=value,value` with each value as `parameterValue(_:)` writes it.
    public static func parameter(_ name: String, _ values: [String]) -> String {
        ";" + name + "=" + values.map(parameterValue).joined(separator: ",")
    }

    /// `value` as a parameter value: `^`, line breaks (LF, CRLF or CR) and `"` written as
    /// RFC 6868's `^^`, `^n` and `^'`, and the whole in double quotes when it holds `:`, `;` or `,`.
    public static func parameterValue(_ value: String) -> String {
        var result = ""
        var previous: Unicode.Scalar?
        for scalar in value.unicodeScalars {
            switch scalar {
            case "^": result += "^^"
            case "\r": result += "^n"
            case "\n" where previous != "\r": result += "^n"
            case "\n": break
            case "\"": result += "^'"
            default: result.unicodeScalars.append(scalar)
            }
            previous = scalar
        }
        return result.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"" + result + "\"" : result
    }

    /// A parameter value as read: RFC 6868's `^^`, `^n` and `^'` decoded, any other `^` kept.
    public static func unescapeParameter(_ value: some StringProtocol) -> String {
        decode(value, marker: "^", ["^": "^", "n": "\n", "N": "\n", "'": "\""])
    }

    /// `value` with each `marker` and the scalar after it replaced as `table` says; a marker
    /// before anything else (or at the end) is kept as written.
    private static func decode(_ value: some StringProtocol, marker: Unicode.Scalar, _ table: [Unicode.Scalar: String]) -> String {
        var result = ""
        var scalars = value.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == marker else {
                result.unicodeScalars.append(scalar)
                continue
            }
            guard let next = scalars.next() else {
                result.unicodeScalars.append(marker)
                break
            }
            if let decoded = table[next] {
                result += decoded
            } else {
                result.unicodeScalars.append(marker)
                result.unicodeScalars.append(next)
            }
        }
        return result
    }
}

extension ContentLine {
    /// A logical line as read: its physical lines joined, with where each began for positions.
    struct Unfolded: Sendable {
        /// A physical line's part of `bytes`: where it starts, its line number, and how many
        /// characters before it were dropped (the space or tab of a fold).
        struct Piece: Sendable {
            var offset: Int
            var line: Int
            var indent: Int
        }

        var bytes: [UInt8]
        var pieces: [Piece]

        /// The 1-based number of the first physical line.
        var line: Int { pieces[0].line }

        /// The line and 1-based column (in Unicode scalars) of the byte at `offset` in `bytes`.
        func location(at offset: Int) -> (line: Int, column: Int) {
            let piece = pieces.last { $0.offset <= offset } ?? pieces[0]
            let scalars = bytes[piece.offset..<offset].count(where: { $0 & 0xC0 != 0x80 })
            return (piece.line, piece.indent + scalars + 1)
        }

        /// Appends the next logical line, as a quoted-printable soft line break does.
        mutating func append(_ next: Unfolded) {
            let shift = bytes.count
            bytes += next.bytes
            pieces += next.pieces.map { Piece(offset: $0.offset + shift, line: $0.line, indent: $0.indent) }
        }
    }

    /// The logical lines of `bytes`: lines end with CRLF or LF, and a line starting with a space
    /// or tab continues the one before it, without that space or tab.
    static func unfold(_ bytes: ArraySlice<UInt8>) -> [Unfolded] {
        var lines: [Unfolded] = []
        var start = bytes.startIndex
        var number = 1
        while start < bytes.endIndex {
            let lineFeed = bytes[start...].firstIndex(of: 0x0A)
            var end = lineFeed ?? bytes.endIndex
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            let content = bytes[start..<end]
            if let first = content.first, first == 0x20 || first == 0x09, !lines.isEmpty {
                let last = lines.count - 1
                lines[last].pieces.append(Unfolded.Piece(offset: lines[last].bytes.count, line: number, indent: 1))
                lines[last].bytes += content.dropFirst()
            } else {
                lines.append(Unfolded(bytes: Array(content), pieces: [Unfolded.Piece(offset: 0, line: number, indent: 0)]))
            }
            number += 1
            start = lineFeed.map { $0 + 1 } ?? bytes.endIndex
        }
        return lines
    }

    /// The line and column of the first byte of `bytes` that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (line: Int, column: Int)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error: return (line, column)
            case .emptyInput: return nil
            }
        }
    }
}

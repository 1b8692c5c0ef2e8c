/// Where a value stands, which decides what may start it.
enum ValuePosition {
    /// After a top-level `key:`.
    case field
    /// After `- ` in a block sequence.
    case listItem
    /// After a nested `key:`.
    case mapEntry
    /// Inside `[...]`.
    case flowItem

    var allowsFlowSequence: Bool { self == .field || self == .mapEntry }
}

/// What kind of token starts a value.
enum ValueStart {
    case plain
    case singleQuoted
    case doubleQuoted
    case flowSequence
    case blockScalar
}

/// A one-line scalar token that was read.
struct ScalarToken {
    var value: String
    var style: ScalarStyle
    var range: Range<Int>
}

extension RecordParser {
    /// Decides what starts at `index` (a non-space byte), rejecting what records do not support.
    func classifyValue(at index: Int, in line: Line, position: ValuePosition) throws(Diagnostic) -> ValueStart {
        let byte = bytes[index]
        let separated = isSeparator(at: index + 1, in: line)
        func quoteHint() -> String { "quote the value, for example '\(Character(Unicode.Scalar(byte)))...'" }
        switch byte {
        case 0x27: return .singleQuoted
        case 0x22: return .doubleQuoted
        case 0x09:
            throw failure("tab", "tab character before a value", at: index, in: line, hint: "use spaces")
        case 0x5B:
            if position.allowsFlowSequence { return .flowSequence }
            throw failure("unsupported", "nested lists are not supported in records", at: index, in: line,
                          hint: "quote the item if the brackets are text: '[...]'")
        case 0x7C, 0x3E:
            if position == .field { return .blockScalar }
            let name = byte == 0x7C ? "|" : ">"
            throw failure("unsupported", "block scalars (\(name)) are only supported for top-level fields",
                          at: index, in: line, hint: "use a double-quoted value with \\n for line breaks")
        case 0x7B:
            throw failure("unsupported", "flow mappings ({...}) are not supported in records", at: index, in: line,
                          hint: "write a map as indented `key: value` lines under its key, or quote the value")
        case 0x26:
            throw failure("unsupported", "anchors (&) are not supported in records", at: index, in: line,
                          hint: "write the value out in full, or \(quoteHint())")
        case 0x2A:
            throw failure("unsupported", "aliases (*) are not supported in records", at: index, in: line,
                          hint: "write the value out in full, or \(quoteHint())")
        case 0x21:
            throw failure("unsupported", "tags (!) are not supported in records", at: index, in: line,
                          hint: "values carry no types; remove the tag, or \(quoteHint())")
        case 0x25, 0x40, 0x60, 0x2C, 0x5D, 0x7D:
            throw failure("invalid-value", "'\(Character(Unicode.Scalar(byte)))' cannot start a plain value",
                          at: index, in: line, hint: quoteHint())
        case 0x2D where separated:
            switch position {
            case .field:
                throw failure("invalid-list", "a list must start on the line below its key", at: index, in: line,
                              hint: "put `- item` lines under the key, or write [a, b]")
            case .listItem:
                throw failure("unsupported", "nested lists are not supported in records", at: index, in: line,
                              hint: "quote the item if the dash is text: '- ...'")
            case .mapEntry:
                throw failure("unsupported", "lists inside maps must be written as [a, b]", at: index, in: line,
                              hint: "write the list on its key's line: `key: [a, b]`")
            case .flowItem:
                throw failure("invalid-value", "'-' cannot start a list item", at: index, in: line, hint: quoteHint())
            }
        case 0x3F where separated:
            throw failure("unsupported", "complex keys (?) are not supported in records", at: index, in: line,
                          hint: quoteHint())
        case 0x3A where separated:
            throw failure("invalid-value", "unexpected ':'", at: index, in: line, hint: quoteHint())
        case 0x3F where position == .flowItem, 0x3A where position == .flowItem:
            throw failure("invalid-value", "'\(Character(Unicode.Scalar(byte)))' cannot start a list item",
                          at: index, in: line, hint: quoteHint())
        case 0x2D where position == .flowItem && !isFlowPlainByte(bytes[index + 1]):
            throw failure("invalid-value", "'-' cannot start a list item here", at: index, in: line, hint: quoteHint())
        default:
            return .plain
        }
    }

    private func isFlowPlainByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x20, 0x09: return false
        default: return true
        }
    }

    /// Reads a one-line scalar token at `index`, already classified as plain or quoted.
    mutating func parseScalar(at index: Int, in line: Line, start: ValueStart, inFlow: Bool) throws(Diagnostic) -> ScalarToken {
        switch start {
        case .singleQuoted: return try parseSingleQuoted(at: index, in: line)
        case .doubleQuoted: return try parseDoubleQuoted(at: index, in: line)
        default: return inFlow ? try parseFlowPlain(at: index, in: line) : try parsePlain(at: index, in: line)
        }
    }

    /// A plain scalar in block context: up to ` #` or the end of the line, trailing spaces dropped.
    private mutating func parsePlain(at index: Int, in line: Line) throws(Diagnostic) -> ScalarToken {
        var position = index
        let contentEnd = line.contentEnd
        while position < contentEnd {
            let byte = bytes[position]
            position += 1
            if byte > 0x3A { continue }
            if byte == 0x20 {
                if position < contentEnd && bytes[position] == 0x23 {
                    position -= 1
                    break
                }
            } else if byte == 0x3A {
                if position == contentEnd || bytes[position] == 0x20 || bytes[position] == 0x09 {
                    throw failure("invalid-value", "': ' is not allowed in a plain value", at: position - 1, in: line,
                                  hint: "quote the value, for example '\(string(index..<min(contentEnd, index + 30)))'")
                }
            } else if byte == 0x09 {
                throw failure("tab", "tab character in a plain value", at: position - 1, in: line,
                              hint: "quote the value, or use spaces")
            }
        }
        var end = position
        while end > index && bytes[end - 1] == 0x20 { end -= 1 }
        return ScalarToken(value: value(index..<end), style: .plain, range: index..<end)
    }

    /// A plain scalar inside `[...]`: up to `,`, `]` or ` #`.
    private mutating func parseFlowPlain(at index: Int, in line: Line) throws(Diagnostic) -> ScalarToken {
        var position = index
        var end = index
        scan: while position < line.contentEnd {
            let byte = bytes[position]
            switch byte {
            case 0x2C, 0x5D:
                break scan
            case 0x20:
                if position + 1 < line.contentEnd && bytes[position + 1] == 0x23 { break scan }
            case 0x09:
                throw failure("tab", "tab character in a list item", at: position, in: line,
                              hint: "quote the item, or use spaces")
            case 0x5B, 0x7B, 0x7D, 0x3A, 0x3F:
                throw failure("invalid-value", "'\(Character(Unicode.Scalar(byte)))' in a list item", at: position, in: line,
                              hint: "quote the item, for example \"\(string(index..<min(line.contentEnd, index + 30)))\"")
            default:
                end = position + 1
            }
            position += 1
        }
        return ScalarToken(value: value(index..<end), style: .plain, range: index..<end)
    }

    private func unterminated(at index: Int, in line: Line) -> Diagnostic {
        failure("unterminated-quote", "quoted value is not closed on this line", at: index, in: line,
                hint: "quoted values end on the line they start on; for multi-line text write `key: |`")
    }

    private mutating func parseSingleQuoted(at index: Int, in line: Line) throws(Diagnostic) -> ScalarToken {
        var position = index + 1
        var segmentStart = position
        var unescaped = true
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard position < line.contentEnd else { throw unterminated(at: index, in: line) }
            if bytes[position] == 0x27 {
                if position + 1 < line.contentEnd && bytes[position + 1] == 0x27 {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart...position]))
                    unescaped = false
                    position += 2
                    segmentStart = position
                    continue
                }
                let text: String
                if unescaped {
                    text = value((index + 1)..<position)
                } else {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<position]))
                    text = String(decoding: scratch, as: UTF8.self)
                }
                return ScalarToken(value: text, style: .singleQuoted, range: index..<position + 1)
            }
            position += 1
        }
    }

    private mutating func parseDoubleQuoted(at index: Int, in line: Line) throws(Diagnostic) -> ScalarToken {
        var position = index + 1
        var segmentStart = position
        var unescaped = true
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard position < line.contentEnd else { throw unterminated(at: index, in: line) }
            let byte = bytes[position]
            if byte == 0x22 {
                let text: String
                if unescaped {
                    text = value((index + 1)..<position)
                } else {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<position]))
                    text = String(decoding: scratch, as: UTF8.self)
                }
                return ScalarToken(value: text, style: .doubleQuoted, range: index..<position + 1)
            }
            if byte != 0x5C {
                position += 1
                continue
            }
            unescaped = false
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<position]))
            position = try parseEscape(at: position, in: line, into: &scratch)
            segmentStart = position
        }
    }

    /// Decodes the escape sequence whose backslash is at `index`; returns the offset after it.
    private func parseEscape(at index: Int, in line: Line, into text: inout [UInt8]) throws(Diagnostic) -> Int {
        guard index + 1 < line.contentEnd else {
            throw failure("unsupported", "line continuation ('\\' at the end of a line) is not supported", at: index,
                          in: line, hint: "quoted values end on the line they start on; for multi-line text write `key: |`")
        }
        let code = bytes[index + 1]
        let simple: UInt32? = switch code {
        case 0x30: 0x00
        case 0x61: 0x07
        case 0x62: 0x08
        case 0x74, 0x09: 0x09
        case 0x6E: 0x0A
        case 0x76: 0x0B
        case 0x66: 0x0C
        case 0x72: 0x0D
        case 0x65: 0x1B
        case 0x20: 0x20
        case 0x22: 0x22
        case 0x2F: 0x2F
        case 0x5C: 0x5C
        case 0x4E: 0x85
        case 0x5F: 0xA0
        case 0x4C: 0x2028
        case 0x50: 0x2029
        default: nil
        }
        if let simple {
            appendScalar(simple, to: &text)
            return index + 2
        }
        let digits: Int
        switch code {
        case 0x78: digits = 2
        case 0x75: digits = 4
        case 0x55: digits = 8
        default:
            let shown = string((index + 1)..<min(line.contentEnd, index + 2 + (code >= 0x80 ? 3 : 0)))
            throw failure("invalid-escape", "unknown escape sequence '\\\(shown.prefix(1))'", at: index, in: line,
                          hint: "write a backslash as \\\\, or use single quotes")
        }
        var scalar: UInt32 = 0
        for offset in 0..<digits {
            let position = index + 2 + offset
            guard position < line.contentEnd, let digit = hexValue(bytes[position]) else {
                throw failure("invalid-escape", "escape '\\\(Character(Unicode.Scalar(code)))' needs \(digits) hexadecimal digits",
                              at: index, in: line, hint: "for example \\x41, \\u017D or \\U0001F600")
            }
            scalar = scalar << 4 | digit
        }
        guard scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
            throw failure("invalid-escape", "escape does not name a Unicode character", at: index, in: line,
                          hint: "surrogates and values over \\U0010FFFF are not characters")
        }
        appendScalar(scalar, to: &text)
        return index + 2 + digits
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    private func appendScalar(_ scalar: UInt32, to text: inout [UInt8]) {
        text.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
    }
}

extension RecordParser {
    /// `[a, "b c", 'd']` on one line, starting at the `[` at `index`.
    mutating func parseFlowSequence(at index: Int, in line: Line) throws(Diagnostic) -> (items: [ItemSyntax], end: Int) {
        var items: [ItemSyntax] = []
        var position = index + 1
        var afterComma = false
        var known = (offset: line.start, column: 1)
        func unclosed() -> Diagnostic {
            failure("invalid-list", "list is not closed on this line", at: index, in: line,
                    hint: "write [a, b] on one line, or put `- item` lines under the key")
        }
        while true {
            while position < line.contentEnd && bytes[position] == 0x20 { position += 1 }
            guard position < line.contentEnd else { throw unclosed() }
            let byte = bytes[position]
            if byte == 0x5D {
                if afterComma {
                    throw failure("invalid-list", "empty item in list", at: position, in: line,
                                  hint: "remove the trailing comma, or write \"\" for an empty item")
                }
                return (items, position + 1)
            }
            if byte == 0x2C {
                throw failure("invalid-list", "empty item in list", at: position, in: line,
                              hint: "remove the extra comma, or write \"\" for an empty item")
            }
            if byte == 0x23 && bytes[position - 1] == 0x20 { throw unclosed() }
            let start = try classifyValue(at: position, in: line, position: .flowItem)
            let token = try parseScalar(at: position, in: line, start: start, inFlow: true)
            let itemLocation = location(of: position, in: line, after: known)
            known = (position, itemLocation.column)
            items.append(ItemSyntax(key: nil, value: .string(token.value), style: .scalar(token.style),
                                    location: itemLocation, keyLocation: nil, lineBytes: line.start..<line.end,
                                    valueBytes: token.range))
            position = token.range.upperBound
            while position < line.contentEnd && bytes[position] == 0x20 { position += 1 }
            guard position < line.contentEnd else { throw unclosed() }
            switch bytes[position] {
            case 0x2C:
                afterComma = true
                position += 1
            case 0x5D:
                return (items, position + 1)
            case 0x23 where bytes[position - 1] == 0x20:
                throw unclosed()
            case 0x09:
                throw failure("tab", "tab character in a list", at: position, in: line, hint: "use spaces")
            default:
                throw failure("invalid-list", "expected ',' or ']' in list", at: position, in: line,
                              hint: "separate items with commas; quote items that contain spaces around quotes")
            }
        }
    }
}

/// Where the top-level walk continues after a field.
typealias NextLine = (start: Int, number: Int)

extension RecordParser {
    /// Parses the field whose key starts `keyLine`, with all the lines its value spans.
    mutating func parseField(_ keyLine: Line) throws(Diagnostic) -> (FieldSyntax, NextLine) {
        let (key, afterColon) = try parseKey(at: keyLine.start, in: keyLine)
        var index = afterColon
        while index < keyLine.contentEnd && bytes[index] == 0x20 { index += 1 }
        let nested = index == keyLine.contentEnd || bytes[index] == 0x23
        if nested { index = afterColon }
        var field = FieldSyntax(
            key: key, value: .string(""), style: .scalar(.empty),
            keyLocation: SourceLocation(line: keyLine.number, column: 1),
            valueLocation: SourceLocation(line: keyLine.number, column: index - keyLine.start + 1),
            items: [], bytes: keyLine.start..<keyLine.end, valueBytes: index..<index)
        if nested {
            let next = try parseNestedValue(&field, keyLine: keyLine)
            return (field, next)
        }
        let next: NextLine = (keyLine.end, keyLine.number + 1)
        switch try classifyValue(at: index, in: keyLine, position: .field) {
        case .blockScalar:
            let next = try parseBlockScalar(&field, header: index, in: keyLine)
            return (field, next)
        case .flowSequence:
            let sequence = try parseFlowSequence(at: index, in: keyLine)
            try expectEndOfLine(after: sequence.end, in: keyLine, what: "the list")
            field.value = .list(sequence.items.map { $0.value.string ?? "" })
            field.style = .flowSequence
            field.items = sequence.items
            field.valueBytes = index..<sequence.end
        case let start:
            let token = try parseScalar(at: index, in: keyLine, start: start, inFlow: false)
            try expectEndOfLine(after: token.range.upperBound, in: keyLine, what: "the value")
            field.value = .string(token.value)
            field.style = .scalar(token.style)
            field.valueBytes = token.range
        }
        return (field, next)
    }

    /// `key:` with nothing after it: an empty value, or a block sequence or map on the lines below.
    private mutating func parseNestedValue(_ field: inout FieldSyntax, keyLine: Line) throws(Diagnostic) -> NextLine {
        let empty: NextLine = (keyLine.end, keyLine.number + 1)
        var probe = line(after: keyLine)
        while let current = probe {
            try rejectLeadingTab(current)
            guard current.isBlank || bytes[current.firstIndex] == 0x23 else { break }
            probe = line(after: current)
        }
        guard let first = probe else { return empty }
        let byte = bytes[first.firstIndex]
        if byte == 0x2D && isSeparator(at: first.firstIndex + 1, in: first) {
            return try parseBlockSequence(&field, keyLine: keyLine, indent: first.indent)
        }
        if first.indent == 0 { return empty }
        if looksLikeMapEntry(first) {
            return try parseMap(&field, keyLine: keyLine, indent: first.indent)
        }
        throw failure("multiline-value", "multi-line plain values are not supported in records", at: first.firstIndex,
                      in: first, hint: "for multi-line text write `\(field.key): |` and indent the lines below it")
    }

    /// True when the line reads as `key: ...` (possibly with a malformed key) rather than as text.
    private func looksLikeMapEntry(_ line: Line) -> Bool {
        var index = line.firstIndex
        while index < line.contentEnd {
            let byte = bytes[index]
            if byte == 0x3A { return isSeparator(at: index + 1, in: line) }
            if byte == 0x20 && index + 1 < line.contentEnd && bytes[index + 1] == 0x23 { return false }
            if !KeySyntax.isKeyByte(byte) && byte != 0x20 && byte != 0x22 && byte != 0x27 { return false }
            index += 1
        }
        return false
    }

    /// `- item` lines at one indentation under `key:`.
    private mutating func parseBlockSequence(_ field: inout FieldSyntax, keyLine: Line, indent: Int) throws(Diagnostic) -> NextLine {
        var values: [String] = []
        var next: NextLine = (keyLine.end, keyLine.number + 1)
        var probe = line(after: keyLine)
        while let current = probe {
            try rejectLeadingTab(current)
            probe = line(after: current)
            if current.isBlank || bytes[current.firstIndex] == 0x23 { continue }
            let isItem = bytes[current.firstIndex] == 0x2D && isSeparator(at: current.firstIndex + 1, in: current)
            if current.indent == indent && isItem {
                let item = try parseListItem(current)
                values.append(item.value.string ?? "")
                field.items.append(item)
                next = (current.end, current.number + 1)
                continue
            }
            if current.indent == 0 { break }
            if current.indent > indent {
                if isItem {
                    throw failure("unsupported", "nested lists are not supported in records", at: current.firstIndex,
                                  in: current, hint: "align the item with the ones above")
                }
                throw failure("multiline-value", "list item continues on the next line", at: current.firstIndex,
                              in: current, hint: "each item is one line; use \"...\\n...\" for line breaks inside an item")
            }
            if isItem {
                throw failure("bad-indentation", "list item is not aligned with the items above", at: current.firstIndex,
                              in: current, hint: "indent every item of a list the same way")
            }
            throw failure("bad-indentation", "expected a list item (`- value`)", at: current.firstIndex, in: current,
                          hint: "top-level fields start at the beginning of the line")
        }
        field.value = .list(values)
        field.style = .blockSequence(indent: indent)
        field.bytes = keyLine.start..<next.start
        return next
    }

    private mutating func parseListItem(_ line: Line) throws(Diagnostic) -> ItemSyntax {
        let dash = line.firstIndex
        var index = dash + 1
        while index < line.contentEnd && bytes[index] == 0x20 { index += 1 }
        if index == line.contentEnd || bytes[index] == 0x23 {
            return ItemSyntax(key: nil, value: .string(""), style: .scalar(.empty),
                              location: location(of: dash + 1, in: line), keyLocation: nil, lineBytes: line.start..<line.end,
                              valueBytes: (dash + 1)..<(dash + 1))
        }
        let start = try classifyValue(at: index, in: line, position: .listItem)
        let token = try parseScalar(at: index, in: line, start: start, inFlow: false)
        try expectEndOfLine(after: token.range.upperBound, in: line, what: "the list item")
        return ItemSyntax(key: nil, value: .string(token.value), style: .scalar(token.style),
                          location: location(of: index, in: line), keyLocation: nil, lineBytes: line.start..<line.end,
                          valueBytes: token.range)
    }

    /// Indented `key: value` lines under `key:`, one level deep.
    private mutating func parseMap(_ field: inout FieldSyntax, keyLine: Line, indent: Int) throws(Diagnostic) -> NextLine {
        var entries: [MapEntry] = []
        var firstLines: [String: Int] = [:]
        var next: NextLine = (keyLine.end, keyLine.number + 1)
        var probe = line(after: keyLine)
        while let current = probe {
            try rejectLeadingTab(current)
            probe = line(after: current)
            if current.isBlank || bytes[current.firstIndex] == 0x23 { continue }
            if current.indent == indent {
                let entry = try parseMapEntry(current)
                let key = entry.key ?? ""
                if let first = firstLines[key] {
                    throw failure("duplicate-key", "duplicate key '\(key)' in '\(field.key)' (first defined on line \(first))",
                                  at: current.firstIndex, in: current, hint: "keep one of the two lines")
                }
                firstLines[key] = current.number
                entries.append(MapEntry(key: key, value: entry.value))
                field.items.append(entry)
                next = (current.end, current.number + 1)
                continue
            }
            if current.indent == 0 { break }
            if current.indent > indent {
                if let last = field.items.last, last.style == .scalar(.empty) {
                    throw failure("unsupported", "maps nest only one level deep in records", at: current.firstIndex,
                                  in: current, hint: "give '\(last.key ?? "")' a value on its own line, or use a separate top-level field")
                }
                throw failure("multiline-value", "value continues on the next line", at: current.firstIndex, in: current,
                              hint: "map values are one line; use \"...\\n...\" for line breaks")
            }
            throw failure("bad-indentation", "map entry is not aligned with the entries above", at: current.firstIndex,
                          in: current, hint: "indent every entry of '\(field.key)' the same way")
        }
        field.value = .map(entries)
        field.style = .map(indent: indent)
        field.bytes = keyLine.start..<next.start
        return next
    }

    private mutating func parseMapEntry(_ line: Line) throws(Diagnostic) -> ItemSyntax {
        if bytes[line.firstIndex] == 0x2D && isSeparator(at: line.firstIndex + 1, in: line) {
            throw failure("unsupported", "lists inside maps must be written as [a, b]", at: line.firstIndex, in: line,
                          hint: "write the list on its key's line: `key: [a, b]`")
        }
        let (key, afterColon) = try parseKey(at: line.firstIndex, in: line)
        let keyLocation = SourceLocation(line: line.number, column: line.indent + 1)
        var index = afterColon
        while index < line.contentEnd && bytes[index] == 0x20 { index += 1 }
        if index == line.contentEnd || bytes[index] == 0x23 {
            return ItemSyntax(key: key, value: .string(""), style: .scalar(.empty),
                              location: keyLocation, keyLocation: keyLocation, lineBytes: line.start..<line.end,
                              valueBytes: afterColon..<afterColon)
        }
        let start = try classifyValue(at: index, in: line, position: .mapEntry)
        if start == .flowSequence {
            let sequence = try parseFlowSequence(at: index, in: line)
            try expectEndOfLine(after: sequence.end, in: line, what: "the list")
            return ItemSyntax(key: key, value: .list(sequence.items.map { $0.value.string ?? "" }), style: .flowSequence,
                              location: location(of: index, in: line), keyLocation: keyLocation, lineBytes: line.start..<line.end,
                              valueBytes: index..<sequence.end)
        }
        let token = try parseScalar(at: index, in: line, start: start, inFlow: false)
        try expectEndOfLine(after: token.range.upperBound, in: line, what: "the value")
        return ItemSyntax(key: key, value: .string(token.value), style: .scalar(token.style),
                          location: location(of: index, in: line), keyLocation: keyLocation, lineBytes: line.start..<line.end,
                          valueBytes: token.range)
    }
}

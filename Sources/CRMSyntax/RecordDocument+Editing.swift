/// Where a new field goes.
public enum FieldPosition: Sendable, Hashable {
    /// After the last field (the default).
    case end
    /// Before the first field.
    case start
    /// Right after the named field (at the end when it is absent).
    case after(String)
    /// Right before the named field (at the end when it is absent).
    case before(String)
}

extension RecordDocument {
    /// A new record holding `fields` in the given order, in canonical form.
    public init(fields: [Field], path: String = "<record>", lineEnding: LineEnding = .lf) throws(RecordEditError) {
        let renderer = FieldRenderer(lineEnding: lineEnding)
        var text = ""
        var seen: Set<String> = []
        for field in fields {
            guard seen.insert(field.key).inserted else { throw .duplicateKey(field.key) }
            text += try renderer.field(field.key, field.value)
        }
        do {
            self = try RecordDocument(parsing: Array(text.utf8), path: path)
        } catch {
            throw .readBackFailed(error.description)
        }
        for field in fields where self[field.key] != field.value {
            throw .readBackFailed("field '\(field.key)'")
        }
    }

    /// Sets a field, changing only its lines; a new field goes at `position`.
    ///
    /// A one-line value replaces just the value on the key line (a trailing comment stays);
    /// list items and map entries that did not change keep their lines.
    public mutating func set(_ key: String, to value: Value, at position: FieldPosition = .end) throws(RecordEditError) {
        do {
            try set(key, to: value, at: position, blocks: true)
        } catch {
            // A `|` block takes in lines that follow it in the file: blank lines (with `|+`)
            // and indented comments. Multi-line text then goes on one line, double-quoted.
            guard case .readBackFailed = error, let text = value.string, ScalarWriter.literalBlock(text) != nil else { throw error }
            try set(key, to: value, at: position, blocks: false)
        }
    }

    private mutating func set(_ key: String, to value: Value, at position: FieldPosition, blocks: Bool) throws(RecordEditError) {
        var renderer = FieldRenderer(lineEnding: lineEnding)
        renderer.blocks = blocks
        guard let field = field(key) else {
            let text = try renderer.field(key, value)
            try apply(insertionRange(for: position), with: Array(text.utf8), expecting: key, value)
            return
        }
        if field.value == value { return }
        let replacement: (Range<Int>, [UInt8])
        var isToken = false
        switch (field.style, value) {
        case (.scalar(let style), .string(let text))
            where style != .literal && style != .folded && (!blocks || ScalarWriter.literalBlock(text) == nil):
            var token = Array(ScalarWriter.inline(text, inFlow: false).utf8)
            if style == .empty { token.insert(0x20, at: 0) }
            replacement = (field.valueBytes, token)
            isToken = true
        case (.flowSequence, .list(let items)):
            replacement = (field.valueBytes, Array(flowList(items, reusing: field).utf8))
        case (.blockSequence(let indent), .list(let items)) where !items.isEmpty:
            replacement = (field.bytes, blockList(items, indent: indent, field: field, renderer: renderer))
        case (.map(let indent), .map(let entries)) where !entries.isEmpty && Self.keepsOrder(of: field, in: entries):
            replacement = (field.bytes, try map(entries, indent: indent, field: field, renderer: renderer))
        default:
            replacement = (field.bytes, Array(try renderer.field(key, value).utf8))
        }
        try apply(replacement.0, with: replacement.1, expecting: key, value, isLines: !isToken)
    }

    /// Removes a field and all its lines; comments around it stay.
    /// - Returns: whether the field was there.
    @discardableResult
    public mutating func remove(_ key: String) throws(RecordEditError) -> Bool {
        guard let field = field(key) else { return false }
        try apply(field.bytes, with: [], expecting: key, nil)
        return true
    }

    /// Appends an item to a list field (creating the field when absent or empty).
    public mutating func append(_ item: String, to key: String) throws(RecordEditError) {
        switch self[key] {
        case nil, .string(""): try set(key, to: .list([item]))
        case .list(let items): try set(key, to: .list(items + [item]))
        default: throw .notAList(key)
        }
    }

    /// Removes every occurrence of `item` from a list field.
    /// - Returns: whether the item was there.
    @discardableResult
    public mutating func removeItem(_ item: String, from key: String) throws(RecordEditError) -> Bool {
        switch self[key] {
        case nil: return false
        case .list(let items):
            guard items.contains(item) else { return false }
            try set(key, to: .list(items.filter { $0 != item }))
            return true
        default: throw .notAList(key)
        }
    }

    /// Sets one entry of a map field (creating the map at `position` when the field is absent or empty).
    public mutating func set(_ key: String, entry: String, to value: Value, at position: FieldPosition = .end) throws(RecordEditError) {
        var entries: [MapEntry]
        switch self[key] {
        case nil, .string(""): entries = []
        case .map(let existing): entries = existing
        default: throw .unrepresentable("field '\(key)' is not a map")
        }
        if let index = entries.firstIndex(where: { $0.key == entry }) {
            entries[index].value = value
        } else {
            entries.append(MapEntry(key: entry, value: value))
        }
        try set(key, to: .map(entries), at: position)
    }

    /// Removes one entry of a map field; the field goes when its last entry does.
    @discardableResult
    public mutating func remove(_ key: String, entry: String) throws(RecordEditError) -> Bool {
        guard case .map(let entries) = self[key], entries.contains(where: { $0.key == entry }) else { return false }
        let rest = entries.filter { $0.key != entry }
        if rest.isEmpty { try remove(key) } else { try set(key, to: .map(rest)) }
        return true
    }

    /// Puts field `key` here exactly as `other` writes it (its lines, comments on them, its
    /// quoting), replacing this document's field or adding it at `position`.
    public mutating func copyField(_ key: String, from other: RecordDocument, at position: FieldPosition = .end) throws(RecordEditError) {
        guard let source = other.field(key) else { throw .noSuchField(key) }
        var lines: [UInt8] = []
        for byte in other.bytes[source.bytes] where byte != 0x0D {
            if byte == 0x0A { lines += lineEnding.bytes } else { lines.append(byte) }
        }
        if lines.last != 0x0A { lines += lineEnding.bytes }
        let range = field(key)?.bytes ?? insertionRange(for: position)
        do {
            try apply(range, with: lines, expecting: key, source.value)
        } catch {
            // A block scalar can read differently in its new place: `|` at the end of a file
            // without a final line feed gains one, `|+` takes in the blank lines that follow.
            guard case .readBackFailed = error else { throw error }
            try set(key, to: source.value, at: position)
        }
    }

    /// Renames a field's key in place; its value and every other line stay.
    public mutating func rename(_ key: String, to newKey: String) throws(RecordEditError) {
        guard KeySyntax.isValid(newKey) else { throw .invalidKey(newKey) }
        guard let field = field(key) else { throw .noSuchField(key) }
        if key == newKey { return }
        guard self[newKey] == nil else { throw .duplicateKey(newKey) }
        let start = field.bytes.lowerBound
        try apply(start..<(start + key.utf8.count), with: Array(newKey.utf8), expecting: newKey, field.value)
    }

    // MARK: Splicing

    private func insertionRange(for position: FieldPosition) -> Range<Int> {
        var offset: Int
        switch position {
        case .end:
            offset = fields.last?.bytes.upperBound ?? bytes.count
        case .start:
            offset = fields.first?.bytes.lowerBound ?? bytes.count
        case .after(let key):
            offset = (field(key) ?? fields.last)?.bytes.upperBound ?? bytes.count
        case .before(let key):
            offset = field(key)?.bytes.lowerBound ?? fields.last?.bytes.upperBound ?? bytes.count
        }
        if offset == 0 && hasByteOrderMark { offset = 3 }
        return offset..<offset
    }

    /// Replaces `range`, reads the result back and checks that `key` now holds `value`.
    /// Lines inserted at the end of a file without a final line feed go on a line of their own;
    /// a value token (`isLines` false) stays on its key's line.
    private mutating func apply(_ range: Range<Int>, with replacement: [UInt8], expecting key: String, _ value: Value?,
                                isLines: Bool = true) throws(RecordEditError) {
        var replacement = replacement
        if isLines, range.isEmpty, range.lowerBound == bytes.count, range.lowerBound > (hasByteOrderMark ? 3 : 0),
           bytes.last != 0x0A, !replacement.isEmpty {
            replacement.insert(contentsOf: lineEnding.bytes, at: 0)
        }
        var edited = self
        do {
            try edited.splice(range, with: replacement)
        } catch {
            throw .readBackFailed(error.description)
        }
        guard edited[key] == value else { throw .readBackFailed("field '\(key)' reads back differently") }
        self = edited
    }

    /// A flow list's new token, reusing the text of items that stay.
    private func flowList(_ items: [String], reusing field: FieldSyntax) -> String {
        let old = field.items.map { $0.value.string ?? "" }
        var tokens: [String] = []
        for step in ListAlignment(old: old, new: items).steps {
            switch step {
            case .keep(let index, _): tokens.append(string(field.items[index].valueBytes))
            case .insert(let index): tokens.append(ScalarWriter.inline(items[index], inFlow: true))
            case .delete: break
            }
        }
        return "[" + tokens.joined(separator: ", ") + "]"
    }

    /// A block list's new lines: items that stay keep their lines (and the comments between them).
    private func blockList(_ items: [String], indent: Int, field: FieldSyntax, renderer: FieldRenderer) -> [UInt8] {
        let old = field.items.map { $0.value.string ?? "" }
        var output = Array(bytes[field.bytes.lowerBound..<keyLineEnd(of: field)])
        var previousEnd = output.count + field.bytes.lowerBound
        for step in ListAlignment(old: old, new: items).steps {
            switch step {
            case .keep(let index, _):
                output += bytes[previousEnd..<field.items[index].lineBytes.upperBound]
                previousEnd = field.items[index].lineBytes.upperBound
            case .delete(let index):
                output += bytes[previousEnd..<field.items[index].lineBytes.lowerBound]
                previousEnd = field.items[index].lineBytes.upperBound
            case .insert(let index):
                if output.last != 0x0A { output += lineEnding.bytes }
                output += Array(renderer.listItem(items[index], indent: indent).utf8)
            }
        }
        output += bytes[previousEnd..<field.bytes.upperBound]
        return output
    }

    /// A map's new lines: unchanged entries keep their lines; changed ones get a new value token.
    private func map(_ entries: [MapEntry], indent: Int, field: FieldSyntax, renderer: FieldRenderer) throws(RecordEditError) -> [UInt8] {
        var output = Array(bytes[field.bytes.lowerBound..<keyLineEnd(of: field)])
        var previousEnd = output.count + field.bytes.lowerBound
        for item in field.items {
            let key = item.key ?? ""
            guard let entry = entries.first(where: { $0.key == key }) else {
                output += bytes[previousEnd..<item.lineBytes.lowerBound]
                previousEnd = item.lineBytes.upperBound
                continue
            }
            output += bytes[previousEnd..<item.lineBytes.lowerBound]
            if entry.value == item.value {
                output += bytes[item.lineBytes]
            } else {
                var token = Array(try renderer.mapValue(entry.value, key: "\(field.key).\(key)").utf8)
                if item.valueBytes.isEmpty { token.insert(0x20, at: 0) }
                output += bytes[item.lineBytes.lowerBound..<item.valueBytes.lowerBound]
                output += token
                output += bytes[item.valueBytes.upperBound..<item.lineBytes.upperBound]
            }
            previousEnd = item.lineBytes.upperBound
        }
        output += bytes[previousEnd..<field.bytes.upperBound]
        let existing = Set(field.items.compactMap(\.key))
        for entry in entries where !existing.contains(entry.key) {
            if output.last != 0x0A { output += lineEnding.bytes }
            output += Array((String(repeating: " ", count: indent) + (try renderer.mapEntry(entry, in: field.key))).utf8)
        }
        return output
    }

    /// Whether `entries` lists the field's entries that stay in their order, then the new ones:
    /// what editing the map's lines in place can give. Otherwise the field is written afresh.
    private static func keepsOrder(of field: FieldSyntax, in entries: [MapEntry]) -> Bool {
        let old = field.items.compactMap(\.key)
        let new = entries.map(\.key)
        let kept = old.filter(new.contains)
        return new.prefix(kept.count).elementsEqual(kept) && !new.dropFirst(kept.count).contains(where: old.contains)
    }

    private func keyLineEnd(of field: FieldSyntax) -> Int {
        var index = field.bytes.lowerBound
        while index < field.bytes.upperBound && bytes[index] != 0x0A { index += 1 }
        return min(index + 1, field.bytes.upperBound)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

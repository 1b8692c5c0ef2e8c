import CRMWorkspace

/// What is at a place in a record's text, read line by line so that half-typed text (which
/// the record reader refuses) still answers: the top-level fields, and whether a position is
/// on a field's name, its value, an item of a list or an entry of a map.
struct RecordContext {
    /// A top-level `key: value` line.
    struct Field {
        var key: String
        var line: Int
        /// The value written on the key's line, trimmed.
        var value: String
    }

    enum Place: Equatable {
        /// Writing a field's name at the start of a line.
        case key(prefix: String)
        /// After `key:` on the same line.
        case value(key: String, prefix: String)
        /// A `- item` line under a list field.
        case listItem(key: String, prefix: String)
        /// An indented line under a map field, before its colon.
        case mapKey(key: String, prefix: String)
        case elsewhere
    }

    let text: EditorText
    let lines: [Substring]

    init(_ text: EditorText) {
        self.text = text
        lines = text.lines
    }

    /// The top-level fields, in order.
    var fields: [Field] {
        lines.enumerated().compactMap { number, line in Self.field(line, number: number) }
    }

    /// The value of the top-level field `key`, when written on its line.
    func value(of key: String) -> String? {
        fields.first { $0.key == key }.map(\.value).flatMap { $0.isEmpty ? nil : $0 }
    }

    static func field(_ line: Substring, number: Int) -> Field? {
        guard let first = line.first, first != " ", first != "\t", first != "#", first != "-",
              let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingWhitespace()
        guard !key.isEmpty, !key.contains(" ") else { return nil }
        return Field(key: key, line: number, value: line[line.index(after: colon)...].trimmingWhitespace())
    }

    /// The top-level field a line belongs to: the nearest top-level line at or above it.
    func owner(ofLine number: Int) -> Field? {
        var line = min(number, lines.count - 1)
        while line >= 0 {
            if let field = Self.field(lines[line], number: line) { return field }
            if let first = lines[line].first, first != " ", first != "\t", first != "-", first != "#" { return nil }
            line -= 1
        }
        return nil
    }

    /// What `position` is on.
    func place(at position: EditorText.Position) -> Place {
        guard lines.indices.contains(position.line) else { return .key(prefix: "") }
        let line = lines[position.line]
        let before = String(line.prefix(EditorText.column(ofCharacter: position.character, in: line) - 1))
        let trimmed = before.trimmingWhitespace()
        if before.hasPrefix(" ") || before.hasPrefix("\t") || before.hasPrefix("-") {
            guard let owner = owner(ofLine: position.line - 1) else { return .elsewhere }
            if trimmed.hasPrefix("-") { return .listItem(key: owner.key, prefix: String(trimmed.dropFirst()).trimmingWhitespace()) }
            if !before.contains(":") { return .mapKey(key: owner.key, prefix: trimmed) }
            return .elsewhere
        }
        guard let colon = before.firstIndex(of: ":") else { return .key(prefix: trimmed) }
        let key = before[..<colon].trimmingWhitespace()
        var prefix = before[before.index(after: colon)...].trimmingWhitespace()
        if prefix.hasPrefix("[") {
            prefix = String(prefix.dropFirst().split(separator: ",", omittingEmptySubsequences: false).last ?? "").trimmingWhitespace()
        }
        return .value(key: key, prefix: prefix)
    }

    /// The word under `position` (letters, digits, `-`, `_`, `.`, `@`, `+`), with its range.
    func word(at position: EditorText.Position) -> (text: String, start: EditorText.Position, end: EditorText.Position)? {
        guard lines.indices.contains(position.line) else { return nil }
        let scalars = Array(lines[position.line].unicodeScalars)
        func isWord(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.@+".unicodeScalars.contains(scalar)
        }
        var column = EditorText.column(ofCharacter: position.character, in: lines[position.line]) - 1
        if column == scalars.count || (column < scalars.count && !isWord(scalars[column])), column > 0, isWord(scalars[column - 1]) { column -= 1 }
        guard column < scalars.count, isWord(scalars[column]) else { return nil }
        var start = column
        var end = column
        while start > 0, isWord(scalars[start - 1]) { start -= 1 }
        while end < scalars.count, isWord(scalars[end]) { end += 1 }
        let units = { (count: Int) in scalars.prefix(count).reduce(0) { $0 + $1.utf16.count } }
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        while text.hasSuffix(".") { text.removeLast() }
        return (text, EditorText.Position(line: position.line, character: units(start)), EditorText.Position(line: position.line, character: units(end)))
    }
}

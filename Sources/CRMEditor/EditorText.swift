/// The text of an open file and positions in it as the protocol counts them: 0-based lines,
/// and characters in UTF-16 code units (so `č` is one and an emoji two), converted to and from
/// crm's 1-based columns in Unicode scalars.
public struct EditorText: Sendable, Equatable {
    public private(set) var text: String

    public init(_ text: String) {
        self.text = text
    }

    /// A position in the protocol's terms.
    public struct Position: Sendable, Equatable {
        public var line: Int
        public var character: Int

        public init(line: Int, character: Int) {
            self.line = line
            self.character = character
        }
    }

    /// The lines, without their line breaks (`\r\n` or `\n`). Split by scalars: Swift sees
    /// `\r\n` as one character.
    public var lines: [Substring] {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var lineStart = scalars.startIndex
        var index = lineStart
        while index < scalars.endIndex {
            if scalars[index] == "\n" {
                var end = index
                if end > lineStart, scalars[scalars.index(before: end)] == "\r" { end = scalars.index(before: end) }
                result.append(text[lineStart..<end])
                lineStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        result.append(text[lineStart..<scalars.endIndex])
        return result
    }

    /// The line at 0-based `number`, or empty past the end.
    public func line(_ number: Int) -> Substring {
        let all = lines
        return all.indices.contains(number) ? all[number] : ""
    }

    /// The UTF-16 offset in `line` of the 1-based scalar column `column`.
    public static func character(ofColumn column: Int, in line: Substring) -> Int {
        line.unicodeScalars.prefix(max(0, column - 1)).reduce(0) { $0 + $1.utf16.count }
    }

    /// The 1-based scalar column of the UTF-16 offset `character` in `line` (inside a pair: the scalar it belongs to).
    public static func column(ofCharacter character: Int, in line: Substring) -> Int {
        var units = 0
        var column = 1
        for scalar in line.unicodeScalars {
            if units + scalar.utf16.count > character { break }
            units += scalar.utf16.count
            column += 1
        }
        return column
    }

    /// The string index of `position`, clamped to its line (a line past the end is the end).
    func index(of position: Position) -> String.Index {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var line = 0
        while line < position.line {
            guard index < scalars.endIndex else { return text.endIndex }
            if scalars[index] == "\n" { line += 1 }
            index = scalars.index(after: index)
        }
        var units = 0
        while index < scalars.endIndex, scalars[index] != "\n", scalars[index] != "\r", units < position.character {
            units += scalars[index].utf16.count
            index = scalars.index(after: index)
        }
        return index
    }

    /// Replaces the text between `start` and `end` (an incremental change), or all of it when `nil`.
    public mutating func replace(from start: Position?, to end: Position?, with replacement: String) {
        guard let start, let end else {
            text = replacement
            return
        }
        let (lower, upper) = (index(of: start), index(of: end))
        text.replaceSubrange(lower..<max(lower, upper), with: replacement)
    }
}

/// One full screen of text, and what a terminal must be sent to go from the last frame to
/// this one: only the lines that changed are written again, so a screen updated each second
/// does not flicker.
public struct ScreenFrame: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    /// Exactly `rows` lines, each fitted to `columns`.
    public let lines: [String]

    /// A frame of `lines`, cut or filled with empty lines to the screen's size.
    public init(lines: [String], columns: Int, rows: Int) {
        let columns = max(1, columns), rows = max(1, rows)
        let shown = lines.prefix(rows).map { StyledText.fitted($0, to: columns) }
        self.columns = columns
        self.rows = rows
        self.lines = shown + Array(repeating: String(repeating: " ", count: columns), count: rows - shown.count)
    }

    /// The bytes that draw this frame over `previous` (everything, after a clear, when there is
    /// none or its size differs). The cursor is left hidden.
    public func update(from previous: ScreenFrame?) -> String {
        var output = ""
        let redraw = previous.map { $0.columns != columns || $0.rows != rows } ?? true
        if redraw { output += "\u{1B}[0m\u{1B}[2J" }
        for (row, line) in lines.enumerated() where redraw || previous?.lines[row] != line {
            output += "\u{1B}[\(row + 1);1H" + line + "\u{1B}[0m"
        }
        return output
    }
}

/// An aligned table with a header, fitted to the terminal's width when there is one:
/// the widest columns give way first, and cut cells end in `…`.
public struct TableRenderer: Sendable {
    public var headers: [String]
    public var rows: [[String]]
    /// Columns whose cells align right (numbers, money).
    public var rightAligned: Set<Int> = []
    /// Columns never cut to fit (ids people copy); the first column unless told otherwise.
    public var uncut: Set<Int>

    public init(headers: [String], rows: [[String]], rightAligned: Set<Int> = [], uncut: Set<Int> = [0]) {
        self.headers = headers.map { TerminalText.escaped($0) }
        self.rows = rows.map { $0.map { TerminalText.escaped($0) } }
        self.rightAligned = rightAligned
        self.uncut = uncut
    }

    public func render(width: Int?, style: Style) -> String {
        let columns = headers.count
        var widths = (0..<columns).map { column in
            rows.reduce(TerminalText.width(headers[column])) { max($0, TerminalText.width($1[column])) }
        }
        if let width {
            let available = width - 2 * (columns - 1)
            while widths.reduce(0, +) > available {
                guard let widest = widths.indices.filter({ !uncut.contains($0) }).max(by: { widths[$0] < widths[$1] }),
                      widths[widest] > 6 else { break }
                widths[widest] -= 1
            }
        }
        func line(_ cells: [String], header: Bool) -> String {
            var parts: [String] = []
            for column in 0..<columns {
                let cell = TerminalText.truncated(cells[column], to: widths[column])
                let isLast = column == columns - 1
                var text = isLast && !rightAligned.contains(column)
                    ? cell : TerminalText.padded(cell, to: widths[column], right: rightAligned.contains(column))
                if header { text = style.bold(text) }
                parts.append(text)
            }
            var joined = parts.joined(separator: "  ")
            while joined.hasSuffix(" ") { joined.removeLast() }
            return joined + "\n"
        }
        var text = line(headers, header: true)
        for row in rows { text += line(row, header: false) }
        return text
    }
}

import CRMLocale
import CRMTerminal

/// An aligned table with a header, fitted to the terminal's width when there is one, by
/// priority. Ids give way first, each shortened to the shortest prefix that still tells the
/// rows apart (crm accepts a unique prefix for an id). Then long text (a name, a subject) is
/// cut at a word with `…`, to no fewer than 20 columns; then ids and the optional columns are
/// dropped, in that order, while long text would otherwise go below 12; then long text is cut
/// to 12. Short columns (dates, statuses, amounts) keep their words; only when nothing else is
/// left are long and then short text columns cut to 8, and then columns dropped from the right.
/// No line is wider than the terminal. Headings and cells are for people, in the run's language
/// (`Translation.current`): a field's name as the language heads it, dates and numbers as it
/// writes them.
public struct TableRenderer: Sendable {
    public var headers: [String]
    public var rows: [[String]]
    /// Columns whose cells align right (numbers, money).
    public var rightAligned: Set<Int> = []
    /// Columns of ids people copy: shortened to a unique prefix, never cut with `…`; by default
    /// the columns headed `id`.
    public var identifiers: Set<Int>
    /// Columns a narrow terminal may leave out, the first to go first (after the ids).
    public var optional: [Int]
    /// True where the ids are what a line opens (`crm ui`): shortened, but never left out.
    public var keepsIdentifiers = false

    /// Columns wider than this hold long text, which is cut before anything else.
    static let shortWidth = 16
    /// How far long text is cut before ids and optional columns are dropped.
    static let comfortableWidth = 20
    /// How far long text is cut before short columns give way.
    static let readableWidth = 12

    public init(headers: [String], rows: [[String]], rightAligned: Set<Int> = [], identifiers: Set<Int>? = nil,
                optional: [Int] = []) {
        let translation = Translation.current
        self.headers = headers.map { TerminalText.escaped(translation.heading($0)) }
        self.rows = rows.map { $0.map { TerminalText.escaped(translation.cell($0)) } }
        self.rightAligned = rightAligned
        self.identifiers = identifiers ?? Set(headers.indices.filter { headers[$0] == "id" })
        self.optional = optional
    }

    public func render(width: Int?, style: Style) -> String {
        let layout = width.map(fit) ?? Layout(widths: natural, shown: Array(headers.indices), prefixes: [:])
        func line(_ cells: [String], header: Bool) -> String {
            var parts: [String] = []
            for (position, column) in layout.shown.enumerated() {
                let width = layout.widths[column]
                var cell = cells[column]
                if !header, let prefix = layout.prefixes[column] { cell = String(cell.prefix(prefix)) }
                cell = TerminalText.truncated(cell, to: width, atWord: !identifiers.contains(column))
                let isLast = position == layout.shown.count - 1
                var text = isLast && !rightAligned.contains(column) ? cell : TerminalText.padded(cell, to: width, right: rightAligned.contains(column))
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

    /// Which columns are shown, how wide, and how many characters of each shortened id.
    struct Layout {
        var widths: [Int]
        var shown: [Int]
        var prefixes: [Int: Int]

        func total() -> Int { shown.reduce(0) { $0 + widths[$1] } + 2 * max(0, shown.count - 1) }
    }

    private var natural: [Int] {
        headers.indices.map { column in rows.reduce(TerminalText.width(headers[column])) { max($0, TerminalText.width($1[column])) } }
    }

    private func fit(_ width: Int) -> Layout {
        var layout = Layout(widths: natural, shown: Array(headers.indices), prefixes: [:])
        guard layout.total() > width else { return layout }
        for column in identifiers.sorted() {
            let prefix = uniquePrefix(column)
            if prefix < layout.widths[column] {
                layout.prefixes[column] = prefix
                layout.widths[column] = max(prefix, TerminalText.width(headers[column]))
            }
        }
        let long = headers.indices.filter { !identifiers.contains($0) && layout.widths[$0] > Self.shortWidth }
        shrink(&layout, columns: long, to: width, least: Self.comfortableWidth)
        var droppable = (keepsIdentifiers ? [] : identifiers.sorted()) + optional.filter { !identifiers.contains($0) }
        while !droppable.isEmpty, layout.shown.count > 1 {
            var narrowest = layout
            for column in long { narrowest.widths[column] = min(narrowest.widths[column], Self.readableWidth) }
            guard narrowest.total() > width else { break }
            let column = droppable.removeFirst()
            layout.shown.removeAll { $0 == column }
        }
        shrink(&layout, columns: long, to: width, least: Self.readableWidth)
        // The last resort: long text narrower still, then short text, then columns from the
        // right, then anything.
        shrink(&layout, columns: long, to: width, least: 8)
        let kept = keepsIdentifiers ? identifiers : []
        shrink(&layout, columns: layout.shown.filter { !rightAligned.contains($0) && !kept.contains($0) }, to: width, least: 8)
        while layout.total() > width && layout.shown.count > 1 { layout.shown.removeLast() }
        shrink(&layout, columns: layout.shown.filter { !kept.contains($0) }, to: width, least: 1)
        layout.widths[layout.shown[0]] = min(layout.widths[layout.shown[0]], width)
        return layout
    }

    /// Narrows the widest of `columns` one column at a time until the table fits `width` or
    /// each is at its `least` width.
    private func shrink(_ layout: inout Layout, columns: [Int], to width: Int, least: Int) {
        while layout.total() > width {
            guard let widest = columns.filter({ layout.shown.contains($0) && layout.widths[$0] > least })
                .max(by: { layout.widths[$0] < layout.widths[$1] }) else { return }
            layout.widths[widest] -= 1
        }
    }

    /// The fewest leading characters (at least 4) that tell the ids in `column` apart.
    private func uniquePrefix(_ column: Int) -> Int {
        let ids = Set(rows.map { $0[column] })
        let longest = ids.map(\.count).max() ?? 0
        var length = min(4, longest)
        while length < longest && Set(ids.map { $0.prefix(length) }).count < ids.count { length += 1 }
        return length
    }
}

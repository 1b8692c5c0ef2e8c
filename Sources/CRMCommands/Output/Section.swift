import CRMLocale
import CRMTerminal

/// A titled table in a report for people: `Open complaints (3) · 1 overdue`, then the table
/// indented under it.
struct Section {
    var title: String
    var table: TableRenderer
    var count: Int
    var summary: String?

    func render(width: Int?, style: Style) -> String {
        var heading = "\(title) (\(count))"
        if let summary { heading += " · " + summary }
        if let width { heading = TerminalText.truncated(heading, to: width, atWord: true) }
        var text = style.bold(heading) + "\n"
        guard !table.rows.isEmpty else { return text + "  " + tr("none") + "\n" }
        for line in table.render(width: width.map { $0 - 2 }, style: style).split(separator: "\n") { text += "  " + line + "\n" }
        return text
    }
}

/// The dashboard as one self-contained HTML page: inline CSS and SVG, no scripts and nothing
/// fetched, so it works offline, attached to an e-mail or opened from a USB stick; the layout
/// reflows from a laptop to a phone.
public struct DashboardPage {
    public let dashboard: Dashboard

    public init(_ dashboard: Dashboard) {
        self.dashboard = dashboard
    }

    static let style = """
        :root { color-scheme: light; --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --alarm: #b91c1c; --good: #15803d; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f8fafc; }
        header, main { max-width: 1180px; margin: 0 auto; padding: 16px; }
        header h1 { margin: 0; font-size: 1.5rem; }
        header p { margin: 4px 0 0; color: var(--muted); }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 12px; }
        .figure { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
        .figure .label { color: var(--muted); font-size: .85rem; }
        .figure .value { font-size: 1.6rem; font-weight: 650; margin: 2px 0; overflow-wrap: anywhere; }
        .figure .note { font-size: .85rem; color: var(--good); }
        .figure .note.alarm { color: var(--alarm); }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 12px; margin-top: 12px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; margin-top: 12px; }
        .charts section { margin-top: 0; }
        h2 { font-size: 1.05rem; margin: 0 0 8px; }
        svg.chart { width: 100%; height: auto; display: block; font-size: 12px; fill: var(--ink); }
        svg.chart .grid { stroke: var(--line); }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { color: var(--muted); font-weight: 600; white-space: nowrap; }
        td.number, th.number { text-align: right; white-space: nowrap; }
        p.more, p.empty { color: var(--muted); margin: 6px 0 0; font-size: .85rem; }
        footer { color: var(--muted); font-size: .8rem; text-align: center; padding: 16px; }
        """

    /// The whole page.
    public func render() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(dashboard.title)) · dashboard \(dashboard.today)</title>
            <style>
            \(Self.style)
            </style>
            </head>
            <body>
            <header>
            <h1>\(HTML.escape(dashboard.title))</h1>
            <p>Dashboard for \(dashboard.today), made by crm from the workspace's records.</p>
            </header>
            <main>

            """
        html += "<div class=\"figures\">\n"
        for figure in dashboard.figures {
            html += "<div class=\"figure\"><div class=\"label\">\(HTML.escape(figure.label))</div>"
                + "<div class=\"value\">\(HTML.escape(figure.value))</div>"
            if let note = figure.note {
                html += "<div class=\"note\(figure.alarming ? " alarm" : "")\">\(HTML.escape(note))</div>"
            }
            html += "</div>\n"
        }
        html += "</div>\n<div class=\"charts\">\n"
        for chart in dashboard.charts {
            html += "<section>\n<h2>\(HTML.escape(chart.title))</h2>\n\(SVGChart(chart: chart).render())\n</section>\n"
        }
        html += "</div>\n"
        for table in dashboard.tables { html += render(table) }
        html += "</main>\n<footer>crm · plain-text records, history in git</footer>\n</body>\n</html>\n"
        return html
    }

    private func render(_ table: Dashboard.Table) -> String {
        var html = "<section>\n<h2>\(HTML.escape(table.title)) (\(table.total))</h2>\n"
        guard !table.rows.isEmpty else { return html + "<p class=\"empty\">Nothing here.</p>\n</section>\n" }
        func cell(_ tag: String, _ text: String, _ column: Int) -> String {
            "<\(tag)\(table.numeric.contains(column) ? " class=\"number\"" : "")>\(HTML.escape(text))</\(tag)>"
        }
        html += "<div class=\"scroll\"><table>\n<thead><tr>"
            + table.headers.enumerated().map { cell("th", $0.element, $0.offset) }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.enumerated().map { cell("td", $0.element, $0.offset) }.joined() + "</tr>\n"
        }
        html += "</tbody>\n</table></div>\n"
        if table.total > table.rows.count {
            html += "<p class=\"more\">\(table.rows.count) of \(table.total) shown.</p>\n"
        }
        return html + "</section>\n"
    }
}

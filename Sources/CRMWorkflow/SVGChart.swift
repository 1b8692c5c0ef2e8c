import CRMWorkspace

/// A dashboard chart drawn as inline SVG: horizontal bars (long labels stay readable on a
/// phone) or lines over time, scaled by the viewBox to the width of the page.
struct SVGChart {
    let chart: Dashboard.Chart

    /// The colors of the series, in order.
    static let colors = ["#2563eb", "#dc2626", "#16a34a", "#9333ea"]

    func render() -> String {
        switch chart.style {
        case .bars: return bars()
        case .lines: return lines()
        }
    }

    private func format(_ value: Double) -> String {
        chart.money ? Money.format(value) : HTML.number(value)
    }

    private func bars() -> String {
        let values = chart.series.first?.values ?? []
        let rowHeight = 26.0
        let (labelWidth, barWidth, valueWidth) = (90.0, 180.0, 80.0)
        let width = labelWidth + barWidth + valueWidth
        let height = max(rowHeight, Double(values.count) * rowHeight)
        let largest = max(values.max() ?? 0, 1)
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(HTML.number(width)) \(HTML.number(height))\" role=\"img\" "
            + "aria-label=\"\(HTML.escape(chart.title))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        for (row, (label, value)) in zip(chart.labels, values).enumerated() {
            let y = Double(row) * rowHeight
            let length = max(value / largest * barWidth, value > 0 ? 2 : 0)
            svg += "<text x=\"\(HTML.number(labelWidth - 8))\" y=\"\(HTML.number(y + 18))\" text-anchor=\"end\">\(HTML.escape(label))</text>\n"
            svg += "<rect x=\"\(HTML.number(labelWidth))\" y=\"\(HTML.number(y + 5))\" width=\"\(HTML.number(length))\" height=\"18\" "
                + "rx=\"3\" fill=\"\(Self.colors[0])\"><title>\(HTML.escape(label)): \(format(value))</title></rect>\n"
            svg += "<text x=\"\(HTML.number(labelWidth + length + 6))\" y=\"\(HTML.number(y + 18))\">\(format(value))</text>\n"
        }
        return svg + "</svg>"
    }

    private func lines() -> String {
        let (width, height) = (360.0, 210.0)
        let (left, right, top, bottom) = (34.0, 24.0, 28.0, 30.0)
        let largest = max(chart.series.flatMap(\.values).max() ?? 0, 1)
        let axisTop = niceCeiling(largest)
        let count = max(chart.labels.count, 2)
        func x(_ index: Int) -> Double { left + (width - left - right) * Double(index) / Double(count - 1) }
        func y(_ value: Double) -> Double { top + (height - top - bottom) * (1 - value / axisTop) }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(HTML.number(width)) \(HTML.number(height))\" role=\"img\" "
            + "aria-label=\"\(HTML.escape(chart.title))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        for step in 0...4 {
            let value = axisTop * Double(step) / 4
            svg += "<line x1=\"\(HTML.number(left))\" x2=\"\(HTML.number(width - right))\" y1=\"\(HTML.number(y(value)))\" "
                + "y2=\"\(HTML.number(y(value)))\" class=\"grid\"/>\n"
            svg += "<text x=\"\(HTML.number(left - 6))\" y=\"\(HTML.number(y(value) + 4))\" text-anchor=\"end\">\(format(value))</text>\n"
        }
        let every = max(1, (chart.labels.count + 3) / 4)
        for (index, label) in chart.labels.enumerated() where (chart.labels.count - 1 - index) % every == 0 {
            svg += "<text x=\"\(HTML.number(x(index)))\" y=\"\(HTML.number(height - bottom + 18))\" text-anchor=\"middle\">"
                + "\(HTML.escape(label))</text>\n"
        }
        for (number, series) in chart.series.enumerated() {
            let color = Self.colors[number % Self.colors.count]
            let points = series.values.enumerated().map { "\(HTML.number(x($0.offset))),\(HTML.number(y($0.element)))" }
            svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\" points=\"\(points.joined(separator: " "))\"/>\n"
            for (index, value) in series.values.enumerated() {
                svg += "<circle cx=\"\(HTML.number(x(index)))\" cy=\"\(HTML.number(y(value)))\" r=\"3.5\" fill=\"\(color)\">"
                    + "<title>\(HTML.escape(series.name)) \(HTML.escape(chart.labels[index])): \(format(value))</title></circle>\n"
            }
            let legendX = left + Double(number) * 90
            svg += "<rect x=\"\(HTML.number(legendX))\" y=\"6\" width=\"12\" height=\"12\" rx=\"2\" fill=\"\(color)\"/>"
                + "<text x=\"\(HTML.number(legendX + 18))\" y=\"16\">\(HTML.escape(series.name))</text>\n"
        }
        return svg + "</svg>"
    }

    /// 1, 2 or 5 times a power of ten, at least `value`: a round top for the axis.
    private func niceCeiling(_ value: Double) -> Double {
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        for step in [1.0, 2, 5, 10] where step * power >= value { return step * power }
        return 10 * power
    }
}

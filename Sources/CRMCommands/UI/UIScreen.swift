import CRMLocale
import CRMTerminal

/// Lays out one frame of `crm ui`: a title bar, the page's lines with the selected one marked
/// (`▸`, and in reverse video where the terminal has it), a dialog over them, and a bar of keys,
/// the search being typed or what the last change said.
struct UIScreen {
    let columns: Int
    let rows: Int
    let style: Style
    let workspaceName: String

    /// The rows a page's lines get: all but the title bar and the key bar.
    var bodyRows: Int { max(1, rows - 2) }

    func frame(_ page: UIPage, state: UIState) -> ScreenFrame {
        let place = state.place
        var lines = [bar(" crm · " + workspaceName + " · " + page.title)]
        let shown = page.lines.indices.dropFirst(place.top).prefix(bodyRows)
        for line in shown {
            let text = page.lines[line]
            if line == place.selected && page.targets[line] != nil {
                lines.append(reverse("▸ " + StyledText.plain(text)))
            } else {
                lines.append("  " + text)
            }
        }
        lines += Array(repeating: "", count: bodyRows - shown.count)
        if let dialog = state.dialog {
            let box = dialog.lines(width: columns, rows: bodyRows, style: style)
            let first = max(1, 1 + bodyRows - box.count)
            for (offset, line) in box.enumerated() where first + offset < 1 + bodyRows {
                lines[first + offset] = " " + line
            }
        }
        lines.append(footer(state))
        return ScreenFrame(lines: lines, columns: columns, rows: rows)
    }

    private func footer(_ state: UIState) -> String {
        if let query = state.query { return bar("/" + query + "▏  " + tr("ui-search-hint")) }
        if let message = state.message { return bar(" " + message) }
        if state.dialog?.choices.isEmpty == false { return bar(" " + tr("ui-choice-hint")) }
        if state.dialog != nil { return bar(" " + tr("ui-form-hint")) }
        return bar(" " + tr("ui-hint"))
    }

    private func bar(_ text: String) -> String {
        reverse(TerminalText.escaped(text))
    }

    /// Reverse video does not need colors, but `NO_COLOR` and a dumb terminal get plain text.
    private func reverse(_ text: String) -> String {
        style.enabled ? "\u{1B}[7m" + StyledText.fitted(text, to: columns) + "\u{1B}[0m" : text
    }
}

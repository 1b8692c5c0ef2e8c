import CRMTerminal

/// A small window over a page of `crm ui`: a list to choose from (a field, an enum's values, a
/// complaint's next states) or a form of text fields (a call to log).
struct UIDialog: Sendable, Equatable {
    /// What the answer is for.
    enum Purpose: Sendable, Equatable {
        case logCall(customer: String)
        case chooseField(record: String)
        case setValue(record: String, field: String)
        case completeValue(record: String, field: String, value: String)
    }

    /// One text field of a form.
    struct Entry: Sendable, Equatable {
        var key: String
        var label: String
        var value: String
    }

    /// What a key did to the dialog.
    enum Outcome: Equatable {
        case editing
        case cancelled
        case chosen(String)
        case submitted([Entry])
    }

    var title: String
    var purpose: Purpose
    var choices: [String] = []
    var entries: [Entry] = []
    /// The choice or the entry in focus.
    var focus = 0

    static func choice(_ title: String, _ choices: [String], for purpose: Purpose, selecting current: String? = nil) -> UIDialog {
        UIDialog(title: title, purpose: purpose, choices: choices, focus: current.flatMap(choices.firstIndex) ?? 0)
    }

    static func form(_ title: String, _ entries: [Entry], for purpose: Purpose) -> UIDialog {
        UIDialog(title: title, purpose: purpose, entries: entries)
    }

    mutating func handle(_ key: Key) -> Outcome {
        if key == .escape || key == .control("c") { return .cancelled }
        if !choices.isEmpty { return choose(key) }
        switch key {
        case .enter:
            if focus == entries.count - 1 { return .submitted(entries) }
            focus += 1
        case .tab, .down:
            focus = (focus + 1) % max(1, entries.count)
        case .backTab, .up:
            focus = (focus + max(1, entries.count) - 1) % max(1, entries.count)
        case .backspace:
            if !entries[focus].value.isEmpty { entries[focus].value.removeLast() }
        case .control("u"):
            entries[focus].value = ""
        case .character(let character):
            entries[focus].value.append(character)
        default:
            break
        }
        return .editing
    }

    private mutating func choose(_ key: Key) -> Outcome {
        switch key {
        case .down, .character("j"), .tab: focus = min(focus + 1, choices.count - 1)
        case .up, .character("k"), .backTab: focus = max(focus - 1, 0)
        case .home, .character("g"): focus = 0
        case .end, .character("G"): focus = choices.count - 1
        case .enter: return .chosen(choices[focus])
        default: break
        }
        return .editing
    }

    /// The dialog's lines, a box `width` columns wide and `rows` high at most; a long list
    /// shows the part around its focus.
    func lines(width: Int, rows: Int, style: Style) -> [String] {
        let inner = max(10, min(width - 4, 70))
        var body: [String] = []
        if choices.isEmpty {
            let labelWidth = (entries.map { TerminalText.width($0.label) }.max() ?? 0) + 1
            for (position, entry) in entries.enumerated() {
                let cursor = position == focus ? "▏" : ""
                let value = TerminalText.escaped(entry.value) + cursor
                let line = TerminalText.padded(entry.label + ":", to: labelWidth + 1) + value
                body.append((position == focus ? "▸ " : "  ") + line)
            }
        } else {
            for (position, choice) in choices.enumerated() {
                body.append((position == focus ? "▸ " : "  ") + TerminalText.escaped(choice))
            }
        }
        let room = max(1, rows - 2)
        if body.count > room {
            let first = min(max(0, focus - room / 2), body.count - room)
            body = Array(body[first..<first + room])
        }
        let top = "┌─ " + TerminalText.truncated(title, to: inner - 2) + " "
        var lines = [style.bold(top + String(repeating: "─", count: max(0, inner + 3 - TerminalText.width(top))) + "┐")]
        for line in body {
            let fitted = StyledText.fitted(line, to: inner)
            lines.append("│ " + fitted + " │")
        }
        lines.append("└" + String(repeating: "─", count: inner + 2) + "┘")
        return lines
    }
}

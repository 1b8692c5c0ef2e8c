import CRMTerminal

/// Where a person is in `crm ui` and what a key does there: the pages opened (Escape goes
/// back), the selected line of each, the search being typed, the dialog open. Pure: the app
/// gives it keys and pages, and carries out the actions it returns.
struct UIState: Sendable {
    /// The keys, as `?` lists them: the keys, and the message that says what they do.
    static let keys: [(String, String)] = [
        ("↑ ↓  j k", "ui-key-move"),
        ("PgUp PgDn", "ui-key-page"),
        ("Home End  g G", "ui-key-ends"),
        ("Enter", "ui-key-open"),
        ("/", "ui-key-search"),
        ("a", "ui-key-agenda"),
        ("c", "ui-key-complaints"),
        ("r", "ui-key-reports"),
        ("e", "ui-key-edit"),
        ("l", "ui-key-log"),
        ("s", "ui-key-set"),
        ("d", "ui-key-done"),
        ("Esc", "ui-key-back"),
        ("q", "ui-key-quit"),
        ("?", "ui-key-keys"),
    ]

    /// An opened page, with its selected line and first line shown.
    struct Place: Sendable, Equatable {
        var kind: UIPage.Kind
        var selected = 0
        var top = 0
        /// What the selected line opens, to find it again after the page is rebuilt.
        var target: UIPage.Target?
    }

    /// What the app is to do after a key.
    enum Action: Equatable {
        case none
        case quit
        /// Build the current page again (a new page was opened, or a search changed).
        case show
        case edit(String)
        case logCall(String)
        case set(String)
        case done(String)
        case answer(UIDialog.Purpose, UIDialog.Outcome)
    }

    private(set) var places: [Place] = [Place(kind: .customers)]
    /// The search being typed after `/`, if any.
    var query: String?
    var dialog: UIDialog?
    /// What the last change said, shown until the next key.
    var message: String?

    var place: Place { places[places.count - 1] }

    /// Opens `kind` over the current page.
    mutating func open(_ kind: UIPage.Kind) {
        places.append(Place(kind: kind))
    }

    /// Follows a rebuilt page: the selection stays on what it stood for when that is still
    /// there, else on the nearest line that opens something; the shown lines follow it.
    mutating func follow(_ page: UIPage, rows: Int) {
        var current = place
        let selectable = page.selectable
        if let target = current.target, let line = page.targets.firstIndex(of: target) {
            current.selected = line
        } else if !selectable.isEmpty {
            current.selected = selectable.first { $0 >= current.selected } ?? selectable[selectable.count - 1]
        } else {
            current.selected = 0
        }
        current.target = page.targets.indices.contains(current.selected) ? page.targets[current.selected] : nil
        current.top = Self.top(current.top, selected: current.selected, rows: rows, count: page.lines.count)
        places[places.count - 1] = current
    }

    /// Handles one key on `page`, shown in `rows` lines.
    mutating func handle(_ key: Key, page: UIPage, rows: Int) -> Action {
        message = nil
        if var dialog {
            let outcome = dialog.handle(key)
            self.dialog = outcome == .editing ? dialog : nil
            return outcome == .editing ? .none : .answer(dialog.purpose, outcome)
        }
        if let query { return search(key, query: query) }
        let selected = place.target?.recordID
        switch key {
        case .character("q"):
            return back() ? .show : .quit
        case .escape:
            return back() ? .show : .none
        case .control("c"):
            return .quit
        case .down, .character("j"): move(page, by: 1, rows: rows)
        case .up, .character("k"): move(page, by: -1, rows: rows)
        case .pageDown, .control("f"): move(page, by: max(1, rows - 1), rows: rows)
        case .pageUp, .control("b"): move(page, by: -max(1, rows - 1), rows: rows)
        case .home, .character("g"): move(page, by: -page.lines.count, rows: rows)
        case .end, .character("G"): move(page, by: page.lines.count, rows: rows)
        case .enter:
            switch place.target {
            case .record(let id)?:
                guard place.kind != .record(id) else { return .none }
                open(.record(id))
            case .report(let name)?: open(.report(name))
            case nil: return .none
            }
            return .show
        case .character("/"):
            query = ""
            return .none
        case .character("a"): return openTop(.agenda)
        case .character("c"): return openTop(.complaints)
        case .character("r"): return openTop(.reports)
        case .character("?"): return openTop(.keys)
        case .character("e"): return selected.map(Action.edit) ?? .none
        case .character("l"): return selected.map(Action.logCall) ?? .none
        case .character("s"): return selected.map(Action.set) ?? .none
        case .character("d"): return selected.map(Action.done) ?? .none
        default: break
        }
        return .none
    }

    /// Typing a search: each key changes the results at once; Enter keeps them, Escape drops them.
    private mutating func search(_ key: Key, query: String) -> Action {
        var text = query
        switch key {
        case .escape, .control("c"):
            self.query = nil
            if case .search = place.kind { _ = back() }
            return .show
        case .enter:
            self.query = nil
            return .none
        case .backspace:
            guard !text.isEmpty else { return .none }
            text.removeLast()
        case .control("u"):
            text = ""
        case .character(let character):
            text.append(character)
        case .down, .up:
            self.query = nil
            return .none
        default:
            return .none
        }
        self.query = text
        let words = text.split(whereSeparator: \.isWhitespace)
        if case .search = place.kind { _ = back() }
        if !words.isEmpty { open(.search(text)) }
        return .show
    }

    /// Opens a page of the top row (agenda, complaints, reports, keys) unless it is open already.
    private mutating func openTop(_ kind: UIPage.Kind) -> Action {
        guard place.kind != kind else { return .none }
        open(kind)
        return .show
    }

    /// Goes back a page; false on the first page.
    private mutating func back() -> Bool {
        guard places.count > 1 else { return false }
        places.removeLast()
        return true
    }

    /// Moves the selection by `offset` lines, over lines that open nothing.
    private mutating func move(_ page: UIPage, by offset: Int, rows: Int) {
        let selectable = page.selectable
        var current = place
        if selectable.isEmpty {
            // A page of text: the keys scroll it.
            current.top = max(0, min(current.top + offset, page.lines.count - rows))
        } else {
            let position = selectable.firstIndex { $0 >= current.selected } ?? 0
            let next = max(0, min(selectable.count - 1, position + offset))
            current.selected = selectable[next]
            current.target = page.targets[current.selected]
            current.top = Self.top(current.top, selected: current.selected, rows: rows, count: page.lines.count)
            if next == 0 { current.top = 0 }
        }
        places[places.count - 1] = current
    }

    /// The first line to show so that `selected` is in view.
    private static func top(_ top: Int, selected: Int, rows: Int, count: Int) -> Int {
        let rows = max(1, rows)
        var top = min(top, max(0, count - rows))
        if selected < top { top = selected }
        if selected >= top + rows { top = selected - rows + 1 }
        return max(0, top)
    }
}

import Testing
import CRMLocale
import CRMTerminal
@testable import CRMCommands

@Suite struct UIStateTests {
    /// A list of three customers under a heading, as the first page shows them.
    static let customers = UIPage(kind: .customers, title: "Customers", lines: ["id  name", "acme  Acme", "beta  Beta", "", "gama  Gama"],
                                  targets: [nil, .record("acme"), .record("beta"), nil, .record("gama")])

    static func started() -> UIState {
        var state = UIState()
        state.follow(customers, rows: 10)
        return state
    }

    @Test func theSelectionStartsOnTheFirstRecordAndSkipsHeadings() {
        var state = Self.started()
        #expect(state.place.selected == 1)
        #expect(state.handle(.character("j"), page: Self.customers, rows: 10) == .none)
        #expect(state.place.target == .record("beta"))
        _ = state.handle(.down, page: Self.customers, rows: 10)
        #expect(state.place.target == .record("gama"))
        _ = state.handle(.down, page: Self.customers, rows: 10)
        #expect(state.place.target == .record("gama"))
        _ = state.handle(.character("g"), page: Self.customers, rows: 10)
        #expect(state.place.target == .record("acme"))
        _ = state.handle(.end, page: Self.customers, rows: 10)
        #expect(state.place.target == .record("gama"))
        _ = state.handle(.pageUp, page: Self.customers, rows: 10)
        #expect(state.place.target == .record("acme"))
    }

    @Test func enterOpensEscapeAndQGoBackAndQQuitsFromTheTop() {
        var state = Self.started()
        #expect(state.handle(.enter, page: Self.customers, rows: 10) == .show)
        #expect(state.place.kind == .record("acme"))
        #expect(state.handle(.escape, page: Self.customers, rows: 10) == .show)
        #expect(state.place.kind == .customers)
        #expect(state.handle(.escape, page: Self.customers, rows: 10) == .none)
        _ = state.handle(.character("a"), page: Self.customers, rows: 10)
        #expect(state.place.kind == .agenda)
        #expect(state.handle(.character("a"), page: Self.customers, rows: 10) == .none)
        #expect(state.handle(.character("q"), page: Self.customers, rows: 10) == .show)
        #expect(state.handle(.character("q"), page: Self.customers, rows: 10) == .quit)
        #expect(state.handle(.control("c"), page: Self.customers, rows: 10) == .quit)
    }

    @Test func aSearchChangesAsItIsTyped() {
        var state = Self.started()
        _ = state.handle(.character("/"), page: Self.customers, rows: 10)
        #expect(state.query == "")
        #expect(state.handle(.character("p"), page: Self.customers, rows: 10) == .show)
        #expect(state.place.kind == .search("p"))
        _ = state.handle(.character("l"), page: Self.customers, rows: 10)
        #expect(state.place.kind == .search("pl"))
        _ = state.handle(.backspace, page: Self.customers, rows: 10)
        #expect(state.place.kind == .search("p"))
        // "q" is typed into the search, not taken as quit.
        _ = state.handle(.character("q"), page: Self.customers, rows: 10)
        #expect(state.place.kind == .search("pq"))
        _ = state.handle(.enter, page: Self.customers, rows: 10)
        #expect(state.query == nil)
        #expect(state.place.kind == .search("pq"))
        #expect(state.handle(.escape, page: Self.customers, rows: 10) == .show)
        #expect(state.place.kind == .customers)
    }

    @Test func theSelectionStaysOnItsRecordWhenThePageChanges() {
        var state = Self.started()
        _ = state.handle(.down, page: Self.customers, rows: 10)
        let changed = UIPage(kind: .customers, title: "Customers", lines: ["id  name", "aaa  New", "acme  Acme", "beta  Beta"],
                             targets: [nil, .record("aaa"), .record("acme"), .record("beta")])
        state.follow(changed, rows: 10)
        #expect(state.place.selected == 3)
        let gone = UIPage(kind: .customers, title: "Customers", lines: ["id  name", "acme  Acme"], targets: [nil, .record("acme")])
        state.follow(gone, rows: 10)
        #expect(state.place.target == .record("acme"))
    }

    @Test func changesApplyToTheSelectedRecord() {
        var state = Self.started()
        #expect(state.handle(.character("e"), page: Self.customers, rows: 10) == .edit("acme"))
        #expect(state.handle(.character("l"), page: Self.customers, rows: 10) == .logCall("acme"))
        #expect(state.handle(.character("s"), page: Self.customers, rows: 10) == .set("acme"))
        #expect(state.handle(.character("d"), page: Self.customers, rows: 10) == .done("acme"))
    }

    @Test func aDialogTakesTheKeysUntilItCloses() {
        var state = Self.started()
        state.dialog = .form("Log a call", [UIDialog.Entry(key: "subject", label: "subject", value: ""),
                                            UIDialog.Entry(key: "follow-up", label: "follow-up", value: "")], for: .logCall(customer: "acme"))
        for character in "Cena" { #expect(state.handle(.character(character), page: Self.customers, rows: 10) == .none) }
        _ = state.handle(.backspace, page: Self.customers, rows: 10)
        _ = state.handle(.tab, page: Self.customers, rows: 10)
        for character in "+7d" { _ = state.handle(.character(character), page: Self.customers, rows: 10) }
        let action = state.handle(.enter, page: Self.customers, rows: 10)
        #expect(action == .answer(.logCall(customer: "acme"), .submitted([UIDialog.Entry(key: "subject", label: "subject", value: "Cen"),
                                                                         UIDialog.Entry(key: "follow-up", label: "follow-up", value: "+7d")])))
        #expect(state.dialog == nil)
        state.dialog = .choice("Set status", ["open", "resolved"], for: .setValue(record: "acme", field: "status"), selecting: "resolved")
        _ = state.handle(.up, page: Self.customers, rows: 10)
        #expect(state.handle(.enter, page: Self.customers, rows: 10) == .answer(.setValue(record: "acme", field: "status"), .chosen("open")))
        state.dialog = .choice("Set status", ["open"], for: .setValue(record: "acme", field: "status"))
        #expect(state.handle(.escape, page: Self.customers, rows: 10) == .answer(.setValue(record: "acme", field: "status"), .cancelled))
        #expect(state.place.kind == .customers)
    }

    static let prefixes: [(String, [String], String?)] = [
        ("acme", ["acme", "acme-cz"], "acme"),
        ("acme-", ["acme", "acme-cz"], "acme-cz"),
        ("ac", ["acme", "acme-cz"], nil),
        ("beta", ["acme"], nil),
        ("2026-11-1", ["2026-11-16-x", "2026-11-20-y"], "2026-11-16-x"),
    ]

    @Test(arguments: prefixes)
    func linesNameRecordsByTheirShortenedIds(word: String, ids: [String], id: String?) {
        #expect(UIPage.id(word, in: ids.sorted()) == id)
    }

    /// The key bar leaves a blank before it and must not be cut at 80 columns, in any language.
    @Test(arguments: Language.allCases)
    func theKeyBarFitsEightyColumns(language: Language) {
        for key in ["ui-hint", "ui-search-hint", "ui-choice-hint", "ui-form-hint"] {
            let text = Translation.of(language).text(key)
            #expect(TerminalText.width(text) <= 79, "\(language) \(key) takes \(TerminalText.width(text)) columns: \(text)")
        }
    }
}

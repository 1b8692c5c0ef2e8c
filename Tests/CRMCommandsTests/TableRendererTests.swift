import CRMCommands
import Testing
import CRMTerminal

/// How a table gives way on a narrow terminal, column by column.
@Suite("Table fitting")
struct TableRendererTests {
    static let table = TableRenderer(
        headers: ["id", "due", "status", "customer", "subject", "amount"],
        rows: [
            ["2026-10-06-skoda-transport-8i4a", "2026-11-05", "in-progress", "Škoda Transport a.s.", "Pozdní příjezd servisního technika", "225 060.00"],
            ["2026-10-30-sklarna-novy-bor-soc9", "2026-11-09", "open", "Sklárna Nový Bor s.r.o.", "Chybně účtovaná doprava na faktuře", "49 888.30"],
        ],
        rightAligned: [5])

    static func lines(_ width: Int?) -> [String] {
        table.render(width: width, style: Style(enabled: false)).split(separator: "\n").map(String.init)
    }

    @Test("Every line fits, whatever the width", arguments: [140, 120, 100, 90, 80, 70, 60, 50, 40, 30, 20, 12])
    func fits(_ width: Int) {
        #expect(Self.lines(width).allSatisfy { TerminalText.width($0) <= width })
    }

    @Test("Without a width nothing is cut")
    func natural() {
        #expect(Self.lines(nil)[1] == "2026-10-06-skoda-transport-8i4a   2026-11-05  in-progress  Škoda Transport a.s.     "
                + "Pozdní příjezd servisního technika  225 060.00")
    }

    @Test("Ids give way first, to a prefix that tells the rows apart")
    func prefix() {
        let lines = Self.lines(110)
        #expect(lines[1].hasPrefix("2026-10-0  2026-11-05  in-progress  Škoda Transport a.s."))
        #expect(lines[2].hasPrefix("2026-10-3  2026-11-09"))
        #expect(!lines.joined().contains("…"))
    }

    @Test("Then long text is cut at a word, then ids go; short columns keep their words")
    func priorities() {
        let lines = Self.lines(80)
        #expect(lines[1].contains("2026-11-05  in-progress"))
        #expect(lines[1].contains("225 060.00"))
        #expect(lines[1].contains("Pozdní příjezd…"))
        let narrow = Self.lines(60)
        #expect(!narrow[0].hasPrefix("id"))
        #expect(narrow[1].hasPrefix("2026-11-05  in-progress  Škoda"))
        #expect(narrow[2].hasSuffix("49 888.30"))
    }

    @Test("Optional columns go before long text is cut short")
    func optional() {
        var table = Self.table
        table.optional = [1]
        let lines = table.render(width: 60, style: Style(enabled: false)).split(separator: "\n").map(String.init)
        #expect(!lines[0].contains("due"))
        #expect(lines[1].hasPrefix("in-progress  Škoda Transport…  Pozdní příjezd…"))
        // With room for it, the optional column stays.
        #expect(table.render(width: 70, style: Style(enabled: false)).hasPrefix("due"))
    }

    @Test("Words wrap at spaces; a word longer than the line is broken", arguments: [
        ("Prefers e-mail. Invoices go to the accounting office", 20, ["Prefers e-mail.", "Invoices go to the", "accounting office"]),
        ("short", 20, ["short"]),
        ("complaints/2026-10-06-skoda-transport.yaml", 16, ["complaints/2026-", "10-06-skoda-tran", "sport.yaml"]),
    ])
    func wrapping(_ text: String, _ width: Int, _ lines: [String]) {
        #expect(TerminalText.wrapped(text, to: width) == lines)
    }

    @Test("A cut at a word keeps at least half the width", arguments: [
        ("Pozdní příjezd servisního technika", 20, "Pozdní příjezd…"),
        ("Škoda Transport a.s.", 14, "Škoda Transpo…"),
        ("Kovoobrábění Horák", 12, "Kovoobráběn…"),
        ("Jednání o ceně", 10, "Jednání o…"),
    ])
    func cutAtWord(_ text: String, _ width: Int, _ cut: String) {
        #expect(TerminalText.truncated(text, to: width, atWord: true) == cut)
    }
}

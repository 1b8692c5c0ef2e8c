import Testing
import CRMLocale
import CRMWorkspace

@Suite struct FormatTests {
    static let cells: [(String, String, String)] = [
        // as crm writes it, in Czech, in Slovak
        ("2026-11-22", "22. 11. 2026", "22. 11. 2026"),
        ("2026-01-05", "5. 1. 2026", "5. 1. 2026"),
        ("2026-11-22T09:30", "22. 11. 2026 09:30", "22. 11. 2026 09:30"),
        ("2026-11-22T09:30+01:00", "2026-11-22T09:30+01:00", "2026-11-22T09:30+01:00"),
        ("15 899.40 CZK", "15 899,40 Kč", "15 899,40 Kč"),
        ("1 200.00 EUR", "1 200,00 €", "1 200,00 €"),
        ("-350.00 CZK", "-350,00 Kč", "-350,00 Kč"),
        ("99.00 USD", "99,00 USD", "99,00 USD"),
        ("3.5", "3,5", "3,5"),
        ("42", "42", "42"),
        ("2026-13-40", "2026-13-40", "2026-13-40"),
        ("acme-sro", "acme-sro", "acme-sro"),
        ("1.2.3", "1.2.3", "1.2.3"),
        ("12 CZK offer", "12 CZK offer", "12 CZK offer"),
        ("", "", ""),
    ]

    @Test(arguments: cells)
    func cellsForPeople(written: String, czech: String, slovak: String) {
        #expect(Translation.czech.cell(written) == czech)
        #expect(Translation.slovak.cell(written) == slovak)
        #expect(Translation.english.cell(written) == written)
    }

    @Test func datesAndMoney() throws {
        let date = try #require(CivilDate("2026-11-22"))
        #expect(Translation.czech.date(date) == "22. 11. 2026")
        #expect(Translation.english.date(date) == "2026-11-22")
        #expect(Translation.czech.money("15 899.40", currency: "CZK") == "15 899,40 Kč")
        #expect(Translation.english.money("15 899.40", currency: "CZK") == "15 899.40 CZK")
        #expect(Translation.slovak.money("10.00", currency: "EUR") == "10,00 €")
    }
}

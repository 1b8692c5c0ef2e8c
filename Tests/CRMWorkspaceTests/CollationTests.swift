import CRMTestSupport
import Testing
@testable import CRMWorkspace

/// Text sorted as the workspace's language orders it.
@Suite("Collation")
struct CollationTests {
    @Test("Czech and Slovak alphabets, English without diacritics", arguments: [
        (Language.czech, ["Žák", "Zeman", "Chmel", "Hora", "Cibulka", "Čech", "Šustr", "Svoboda", "Řezník", "Rybář", "Ábel", "Adam"],
         ["Ábel", "Adam", "Cibulka", "Čech", "Hora", "Chmel", "Rybář", "Řezník", "Svoboda", "Šustr", "Zeman", "Žák"]),
        (.slovak, ["Ôsmy", "Oto", "Ärger", "Azúr", "chata", "hrad"], ["Azúr", "Ärger", "hrad", "chata", "Oto", "Ôsmy"]),
        (.english, ["Žák", "Zeman", "Chmel", "Hora", "Čech", "Cibulka"], ["Čech", "Chmel", "Cibulka", "Hora", "Žák", "Zeman"]),
        (.czech, ["dělník", "delta", "Delta", "déle"], ["déle", "dělník", "delta", "Delta"]),
        (.czech, ["10", "2", "a", "A", "Straße"], ["10", "2", "a", "A", "Straße"]),
    ])
    func order(_ language: Language, _ words: [String], _ sorted: [String]) {
        let result = language == .english ? words.sorted { (TextFold.fold($0), $0) < (TextFold.fold($1), $1) }
            : words.sorted { language.sortKey($0) < language.sortKey($1) }
        #expect(result == sorted)
    }

    @Test("The language of a locale", arguments: [
        ("cs_CZ.UTF-8", Language.czech), ("sk_SK", .slovak), ("en_US.UTF-8", .english), ("C.UTF-8", .english), ("", .english),
    ])
    func locale(_ locale: String, _ language: Language) {
        #expect(Language.from(locale: locale) == language)
    }

    @Test("language: in config.yaml, and a wrong one reported")
    func config() throws {
        let fixture = try TemporaryWorkspace()
        try fixture.write(".crm/config.yaml", "name: x\nlanguage: sk\n")
        #expect(fixture.workspace.schema.language == .slovak)
        try fixture.write(".crm/config.yaml", "name: x\nlanguage: de\n")
        #expect(fixture.workspace.problems.map(\.message) == ["language is one of en, cs, sk"])
        #expect(fixture.workspace.schema.language == .english)
    }
}

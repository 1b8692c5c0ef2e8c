import Testing
import CRMLocale

@Suite struct LanguageTests {
    static let environments: [([String: String], Language)] = [
        ([:], .english),
        (["LANG": "cs_CZ.UTF-8"], .czech),
        (["LANG": "sk_SK.UTF-8"], .slovak),
        (["LANG": "cs"], .czech),
        (["LANG": "sk_SK"], .slovak),
        (["LANG": "C"], .english),
        (["LANG": "POSIX"], .english),
        (["LANG": "C.UTF-8"], .english),
        (["LANG": "de_DE.UTF-8"], .english),
        (["LANG": "en_US.UTF-8"], .english),
        (["LC_ALL": "sk_SK.UTF-8", "LANG": "cs_CZ.UTF-8"], .slovak),
        (["LC_MESSAGES": "cs_CZ.UTF-8", "LANG": "en_US.UTF-8"], .czech),
        (["LC_ALL": "C", "LANG": "cs_CZ.UTF-8"], .english),
        (["LC_ALL": "", "LC_MESSAGES": "", "LANG": "sk_SK.UTF-8"], .slovak),
        (["LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "cs_CZ.UTF-8"], .english),
    ]

    @Test(arguments: environments)
    func languageFromTheEnvironment(environment: [String: String], language: Language) {
        #expect(Language(environment: environment) == language)
    }

    static let plurals: [(Int, PluralCategory, PluralCategory)] = [
        // count, Czech and Slovak, English
        (0, .other, .other), (1, .one, .one), (2, .few, .other), (3, .few, .other), (4, .few, .other),
        (5, .other, .other), (11, .other, .other), (12, .other, .other), (21, .other, .other),
        (22, .other, .other), (100, .other, .other), (-1, .one, .one), (-3, .few, .other),
    ]

    @Test(arguments: plurals)
    func pluralForms(count: Int, west: PluralCategory, english: PluralCategory) {
        #expect(Language.czech.pluralCategory(count) == west)
        #expect(Language.slovak.pluralCategory(count) == west)
        #expect(Language.english.pluralCategory(count) == english)
    }

    @Test func countedMessagesTakeTheirForm() {
        #expect(Translation.czech.count("day", 1) == "1 den")
        #expect(Translation.czech.count("day", 3) == "3 dny")
        #expect(Translation.czech.count("day", 5) == "5 dní")
        #expect(Translation.english.count("day", 1) == "1 day")
        #expect(Translation.english.count("day", 2) == "2 days")
    }

    @Test func anUnknownKeyShowsItselfAndPlaceholdersAreFilled() {
        #expect(Translation.czech.text("no-such-message-anywhere") == "no-such-message-anywhere")
        #expect(Translation.english.text("no-records", ["type": "deal"]) == "no deal records")
        #expect(Placeholders.fill("{a} and {b}", ["a": "1"]) == "1 and {b}")
        #expect(Placeholders.fill("open { brace", ["a": "1"]) == "open { brace")
        #expect(Placeholders.names(in: "{b} {a} {b}") == ["a", "b"])
    }

    @Test func theRunsLanguageIsBoundPerTask() {
        #expect(tr("contacts") == "Contacts")
        Translation.$current.withValue(.czech) {
            #expect(tr("contacts") == "Kontakty")
            #expect(tr("day", count: 2) == "2 dny")
        }
        Translation.$current.withValue(.slovak) {
            #expect(tr("contacts") == "Kontakty")
            #expect(tr("open-complaints") == "Otvorené reklamácie")
        }
    }
}

import CRMPrivacy
import CRMWorkspace
import Testing

@Suite("A person named in text: found and scrubbed")
struct PersonMentionTests {
    static let jana = PersonMention(names: ["Jana Nováková"], emails: ["jana.novakova@firma.cz"], phones: ["+420 601 123 456"])

    @Test("Mentions are replaced wherever and however they are written", arguments: [
        ("Volala Jana Nováková, chce slevu.", "Volala [erased], chce slevu."),
        ("jana nováková: reklamace", "[erased]: reklamace"),
        ("Mail z JANA.NOVAKOVA@firma.cz.", "Mail z [erased]."),
        ("tel. 601 123 456, jindy +420601123456", "tel. [erased], jindy [erased]"),
        ("call 601-123-456 or 601.123.456 or 00420 601 123 456", "call [erased] or [erased] or [erased]"),
        ("Jana Nováková <jana.novakova@firma.cz>", "[erased] <[erased]>"),
    ])
    func scrubbed(text: String, expected: String) {
        #expect(Self.jana.scrubbed(text) == expected)
    }

    @Test("Text that does not name the person is left alone", arguments: [
        "Jana Novákovácová volala",
        "xjana.novakova@firma.cz.uk",
        "objednávka 1601123456789",
        "Petr Novák, 602 123 456",
        "",
    ])
    func untouched(text: String) {
        #expect(Self.jana.scrubbed(text) == nil)
        #expect(!Self.jana.isMentioned(in: text))
    }

    @Test("Short or empty identifiers identify no one")
    func empty() {
        let nobody = PersonMention(names: ["", "Al"], emails: ["not-an-address"], phones: ["123"])
        #expect(nobody.isEmpty)
        #expect(nobody.scrubbed("Al at 123, not-an-address") == nil)
    }
}

@Suite("How long ago: --older-than")
struct StaleCutoffTests {
    @Test("Lengths in days, weeks, months and years", arguments: [
        ("30d", "2026-11-03"), ("2w", "2026-11-19"), ("18m", "2025-06-03"), ("3y", "2023-12-03"),
    ])
    func cutoff(age: String, expected: String) {
        #expect(StalePeople.cutoff(age, today: CivilDate("2026-12-03")!)?.description == expected)
    }

    @Test("Anything else is refused", arguments: ["", "3", "y", "-3y", "0d", "3x", "1.5y", "99999d"])
    func refused(age: String) {
        #expect(StalePeople.cutoff(age, today: CivilDate("2026-12-03")!) == nil)
    }
}

import Testing
@testable import CRMWorkspace

@Suite("Text folding, suggestions and ids")
struct TextTests {
    @Test("Folds case and diacritics", arguments: [
        ("Plzeň", "plzen"), ("ŠKODA Transport", "skoda transport"), ("Žluťoučký kůň úpěl ďábelské ódy", "zlutoucky kun upel dabelske ody"),
        ("Straße", "strasse"), ("Œuvre", "oeuvre"), ("Łódź", "lodz"), ("ASCII only", "ascii only"), ("e\u{301}", "e"),
        ("ΑΘΗΝΑ", "αθηνα"),
    ])
    func folding(_ text: String, _ folded: String) {
        #expect(TextFold.fold(text) == folded)
    }

    @Test("Suggests close names")
    func suggestions() {
        #expect(Suggestions.closest(to: "folow-up", in: ["follow-up", "subject", "summary"]) == "follow-up")
        #expect(Suggestions.closest(to: "stauts", in: ["status", "segment"]) == "status")
        #expect(Suggestions.closest(to: "cust", in: ["customer", "contact"]) == "customer")
        #expect(Suggestions.closest(to: "xyz", in: ["customer", "contact"]) == nil)
        #expect(Suggestions.closest(to: "skoda", in: ["skoda-transport", "novak", "skoda-auto"], limit: 3)
                    == ["skoda-auto", "skoda-transport"])
    }

    @Test("Valid ids", arguments: ["acme", "skoda-transport", "2026-11-20-acme-7k2f", "a", String(repeating: "a", count: 100)])
    func validIDs(_ id: String) {
        #expect(RecordID.isValid(id))
    }

    @Test("Invalid ids", arguments: [
        ("Acme", "an id is lowercase: 'A' is uppercase"), ("-acme", "an id cannot start or end with '-'"),
        ("acme-", "an id cannot start or end with '-'"), ("ac--me", "an id cannot contain '--'"), ("ac me", "' ' is not allowed; an id holds only lowercase ASCII letters a-z, digits 0-9 and single hyphens, at most 100 characters"),
        ("škoda", "'š' (U+0161) is not ASCII; an id holds only lowercase ASCII letters a-z, digits 0-9 and single hyphens, at most 100 characters"), ("", "an id cannot be empty"),
        ("../etc", "an id cannot start with '.'; an id holds only lowercase ASCII letters a-z, digits 0-9 and single hyphens, at most 100 characters"), ("con", "'con' is a device name Windows reserves (con, prn, aux, nul, "
            + "com0-com9, lpt0-lpt9); a file con.yaml cannot be checked out there"),
        (String(repeating: "a", count: 101), "an id is at most 100 characters; this one has 101"),
    ])
    func invalidIDs(_ id: String, _ problem: String) {
        #expect(RecordID.problem(with: id) == problem)
    }

    @Test("Slugs", arguments: [
        ("Škoda Transport", "skoda-transport"), ("Jana Dvořáková", "jana-dvorakova"), ("  A & B  ", "a-b"), ("!!!", nil),
    ])
    func slugs(_ text: String, _ slug: String?) {
        #expect(RecordID.slug(text) == slug)
    }
}

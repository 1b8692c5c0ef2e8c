import Testing
@testable import CRMMerge

typealias Candidate = DuplicateFinder.Candidate

/// Two records and whether they are the same customer or person.
struct DuplicateCase: CustomTestStringConvertible, Sendable {
    let name: String
    let a: Candidate
    let b: Candidate
    let duplicate: Bool

    var testDescription: String { name }
}

private func company(_ id: String, _ name: String, email: String? = nil, phone: String? = nil, reg: String? = nil) -> Candidate {
    Candidate(id: id, name: name, emails: email.map { [$0] } ?? [], phones: phone.map { [$0] } ?? [], registration: reg)
}

private func person(_ id: String, _ name: String, at owner: String? = nil, email: String? = nil, phone: String? = nil) -> Candidate {
    Candidate(id: id, name: name, emails: email.map { [$0] } ?? [], phones: phone.map { [$0] } ?? [], owner: owner, isPerson: true)
}

let duplicateCases: [DuplicateCase] = [
    // Companies: the same.
    DuplicateCase(name: "legal suffix s.r.o. missing", a: company("a", "Acme Trading s.r.o."), b: company("b", "Acme Trading"), duplicate: true),
    DuplicateCase(name: "a.s. against a. s.", a: company("a", "Škoda Transport a.s."), b: company("b", "Skoda Transport, a. s."), duplicate: true),
    DuplicateCase(name: "spol. s r.o.", a: company("a", "Kovo Horák spol. s r.o."), b: company("b", "KOVO HORÁK"), duplicate: true),
    DuplicateCase(name: "GmbH", a: company("a", "Kompressoren Müller GmbH"), b: company("b", "Kompressoren Muller"), duplicate: true),
    DuplicateCase(name: "Ltd.", a: company("a", "Baker & Sons Ltd."), b: company("b", "Baker Sons"), duplicate: true),
    DuplicateCase(name: "word order", a: company("a", "Pekárna Dvořák"), b: company("b", "Dvořák pekárna"), duplicate: true),
    DuplicateCase(name: "a typo in the name", a: company("a", "Sklárna Nový Bor"), b: company("b", "Sklarna Novy Bro"), duplicate: true),
    DuplicateCase(name: "same registration number, other names", a: company("a", "Acme", reg: "12345678"),
                  b: company("b", "ACME Holding", reg: "1234 5678"), duplicate: true),
    DuplicateCase(name: "registration number with and without leading zeros", a: company("a", "Mlýn", reg: "00123456"),
                  b: company("b", "Mlýn Hodonín", reg: "123456"), duplicate: true),
    DuplicateCase(name: "same e-mail, different case", a: company("a", "Elektro Veselý", email: "info@vesely.cz"),
                  b: company("b", "Veselý elektro", email: "Info@Vesely.CZ"), duplicate: true),
    DuplicateCase(name: "same phone with and without +420", a: company("a", "Stavby Procházka", phone: "+420 601 111 222"),
                  b: company("b", "Procházka stavby s.r.o.", phone: "601111222"), duplicate: true),
    DuplicateCase(name: "same phone as 00420", a: company("a", "Mlékárna", phone: "00420 601 111 222"),
                  b: company("b", "Jihočeské mlékárny", phone: "+420601111222"), duplicate: true),
    DuplicateCase(name: "same e-mail, names differ", a: company("a", "JM a.s.", email: "obchod@jm.cz"),
                  b: company("b", "Jihočeské mlékárny", email: "obchod@jm.cz"), duplicate: true),
    // Companies: different.
    DuplicateCase(name: "similar names, different companies", a: company("a", "Strojírny Novák"), b: company("b", "Strojírny Nováček"), duplicate: false),
    DuplicateCase(name: "one shared word", a: company("a", "Kovo Horák"), b: company("b", "Kovo Brno"), duplicate: false),
    DuplicateCase(name: "different registration numbers, shared word", a: company("a", "Elektro Veselý", reg: "11111111"),
                  b: company("b", "Elektro Malý", reg: "22222222"), duplicate: false),
    DuplicateCase(name: "different phones, different names", a: company("a", "Pekárna Dvořák", phone: "601111222"),
                  b: company("b", "Pekárna U Mostu", phone: "602222333"), duplicate: false),
    DuplicateCase(name: "nothing in common", a: company("a", "Acme"), b: company("b", "Beta"), duplicate: false),
    DuplicateCase(name: "same city word only", a: company("a", "Sklárna Nový Bor"), b: company("b", "Pivovar Nový Bor"), duplicate: false),
    DuplicateCase(name: "numbers in names differ", a: company("a", "Kompresor 22 kW servis"), b: company("b", "Kompresor 37 kW servis"), duplicate: false),
    DuplicateCase(name: "short phone numbers are ignored", a: company("a", "Alfa", phone: "112"), b: company("b", "Omega", phone: "112"), duplicate: false),
    // People: the same.
    DuplicateCase(name: "same e-mail", a: person("a", "Jan Novák", at: "acme", email: "jan.novak@acme.cz"),
                  b: person("b", "Honza Novák", at: "acme", email: "Jan.Novak@acme.cz"), duplicate: true),
    DuplicateCase(name: "same name at the same customer", a: person("a", "Jana Dvořáková", at: "acme"),
                  b: person("b", "Dvořáková Jana", at: "acme"), duplicate: true),
    DuplicateCase(name: "same mobile", a: person("a", "Petr Malý", phone: "+420 777 123 456"),
                  b: person("b", "P. Malý", phone: "777123456"), duplicate: true),
    DuplicateCase(name: "diacritics and case", a: person("a", "Jiří Černý", at: "beta"), b: person("b", "JIRI CERNY", at: "beta"), duplicate: true),
    DuplicateCase(name: "same e-mail, no customer on one", a: person("a", "Eva Malá", at: "acme", email: "eva@mala.cz"),
                  b: person("b", "Eva Malá", email: "eva@mala.cz"), duplicate: true),
    DuplicateCase(name: "typo at the same customer", a: person("a", "Lucie Pokorná", at: "acme"), b: person("b", "Lucie Pokorna", at: "acme"), duplicate: true),
    // People: different.
    DuplicateCase(name: "same common name, no other evidence", a: person("a", "Jan Novák"), b: person("b", "Jan Novák"), duplicate: false),
    DuplicateCase(name: "same name at different customers", a: person("a", "Jan Novák", at: "acme"), b: person("b", "Jan Novák", at: "beta"), duplicate: false),
    DuplicateCase(name: "same surname at one customer", a: person("a", "Jan Novák", at: "acme"), b: person("b", "Eva Nováková", at: "acme"), duplicate: false),
    DuplicateCase(name: "different e-mails, same first name", a: person("a", "Petr Malý", email: "petr@a.cz"),
                  b: person("b", "Petr Veselý", email: "petr@b.cz"), duplicate: false),
    DuplicateCase(name: "a shared switchboard at different customers", a: person("a", "Jan Dvořák", at: "acme", phone: "+420 222 333 444"),
                  b: person("b", "Eva Malá", at: "beta", phone: "222333444"), duplicate: false),
    DuplicateCase(name: "father and son", a: person("a", "Karel Horák st.", at: "kovo"), b: person("b", "Karel Horák ml.", at: "kovo"), duplicate: false),
]

@Suite("Finding duplicates")
struct DuplicateFinderTests {
    @Test("Each pair is judged right", arguments: duplicateCases)
    func judged(_ example: DuplicateCase) {
        let pairs = DuplicateFinder().pairs(in: [example.a, example.b])
        #expect(!pairs.isEmpty == example.duplicate, "\(pairs)")
    }

    @Test("Normal forms", arguments: [
        ("name", "Škoda Transport, a.s.", "skoda transport"), ("name", "Novák Jan", "jan novak"),
        ("name", "Acme Trading spol. s r.o.", "acme trading"), ("name", "A.S. Holding a.s.", "a holding s"),
        ("name", "s.r.o.", "o r s"), ("phone", "+420 601 111 222", "+420601111222"), ("phone", "601 111 222", "+420601111222"),
        ("phone", "00420601111222", "+420601111222"), ("phone", "+49 30 1234567", "+49301234567"), ("phone", "420601111222", "+420601111222"),
        ("email", " Jan.Novak@Acme.CZ ", "jan.novak@acme.cz"), ("registration", "0012 3456", "00123456"), ("registration", "123456", "00123456"),
    ])
    func normalForms(kind: String, text: String, expected: String) {
        switch kind {
        case "name": #expect(MatchKeys.name(text) == expected)
        case "phone": #expect(MatchKeys.phone(text) == expected)
        case "email": #expect(MatchKeys.email(text) == expected)
        default: #expect(MatchKeys.registration(text) == expected)
        }
    }

    @Test("Pairs carry their evidence and score, best first")
    func evidence() {
        let pairs = DuplicateFinder().pairs(in: [
            company("acme", "Acme Trading s.r.o.", email: "info@acme.cz", reg: "12345678"),
            company("acme-2", "ACME TRADING", email: "info@acme.cz"),
            company("acme-3", "Acme Trading a.s.", reg: "12345678"),
            company("beta", "Beta"),
        ])
        #expect(pairs == [
            .init(first: "acme", second: "acme-3", score: 0.99, evidence: ["same registration number 12345678", "same name 'acme trading'"]),
            .init(first: "acme", second: "acme-2", score: 0.98, evidence: ["same e-mail info@acme.cz", "same name 'acme trading'"]),
            .init(first: "acme-2", second: "acme-3", score: 0.75, evidence: ["same name 'acme trading'"]),
        ])
    }
}

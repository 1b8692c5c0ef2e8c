import CRMTestSupport
import Testing
@testable import CRMQuery
@testable import CRMWorkspace

/// Phone numbers are found whatever their spacing; what was typed stays as it is.
@Suite("Phone numbers in queries and search")
struct PhoneTests {
    static func index() throws -> (WorkspaceIndex, TemporaryWorkspace) {
        let fixture = try TemporaryWorkspace(files: [
            "customers/acme.yaml": "name: Acme\n",
            "contacts/jan.yaml": "name: Jan\ncustomer: acme\nphone: +420 777 000 111\n",
            "contacts/eva.yaml": "name: Eva\ncustomer: acme\nphone: 602-123-456\n",
            "contacts/ota.yaml": "name: Ota\ncustomer: acme\nphone: +421 905 123 456\nnotes: Volat po 17:00, číslo 777000111 je staré\n",
        ])
        return (WorkspaceIndex(workspace: fixture.workspace), fixture)
    }

    @Test("A query matches the number's digits", arguments: [
        ("phone = 777000111", ["jan"]),
        ("phone = +420777000111", ["jan"]),
        ("phone = 00420777000111", ["jan"]),
        ("phone = '777 000 111'", ["jan"]),
        ("phone = 777 000 111", ["jan"]),
        ("phone in (602123456, 905123456)", ["eva"]),
        ("phone = +421905123456", ["ota"]),
        ("phone != 777000111", ["eva", "ota"]),
        ("phone contains 123456", ["eva", "ota"]),
        ("phone contains '123 456'", ["eva", "ota"]),
        ("777000111", ["jan", "ota"]),
        ("+420777000111", ["jan"]),
        ("602123456", ["eva"]),
    ])
    func query(_ text: String, _ ids: [String]) throws {
        let (index, fixture) = try Self.index()
        let contact = try #require(index.schema.type(named: "contact"))
        let query = try RecordQuery(text, type: contact, schema: index.schema, today: QueryFixture.today)
        #expect(query.select(in: index).map(\.id).sorted() == ids)
        withExtendedLifetime(fixture) {}
    }

    @Test("Full-text search finds a number typed without its spaces", arguments: [
        ("777000111", ["jan", "ota"]), ("+420777000111", ["jan"]), ("905123456", ["ota"]), ("000111", ["jan"]),
    ])
    func search(_ word: String, _ ids: [String]) throws {
        let (index, fixture) = try Self.index()
        let hits = FullTextSearch.search(word, in: index.records, titles: ["contact": "name"])
        #expect(hits.map { index.records[$0.record].id }.sorted() == ids)
        withExtendedLifetime(fixture) {}
    }

    @Test("A number's normal form", arguments: [
        ("777 000 111", "+420777000111"), ("+420 777-000-111", "+420777000111"), ("00420777000111", "+420777000111"),
        ("+421 905 123 456", "+421905123456"), ("0905 123 456", "0905123456"), ("12345", nil),
    ] as [(String, String?)])
    func normalForm(_ text: String, _ normal: String?) {
        #expect(PhoneNumber.normalized(text) == normal)
    }
}

import CRMTestSupport
import Testing
@testable import CRMQuery
@testable import CRMWorkspace

/// Values written as people type them, `me`, and `^field` inside aggregates.
let literalCases: [QueryCase] = [
    // Thousands spaces, no-break spaces, decimal commas: every number form `crm set` reads.
    QueryCase("invoice", "amount > 10 000", ["i1", "i3"]),
    QueryCase("invoice", "amount >= 5 000,5", ["i1", "i2", "i3"]),
    QueryCase("invoice", "amount >= 5000,5", ["i1", "i2", "i3"]),
    QueryCase("invoice", "amount = 12\u{A0}000", ["i1"]),
    QueryCase("invoice", "amount in (12000,20000)", ["i1", "i3"]),
    QueryCase("invoice", "amount in (12 000, 20 000)", ["i1", "i3"]),
    QueryCase("invoice", "amount > 10 000 and currency = CZK", []),
    QueryCase("invoice", "amount > 10 000 and not has paid", ["i1"]),
    // Dates and times in every form `crm set` reads, a space between date and time.
    QueryCase("invoice", "due < 22.11.2026", ["i1", "i3", "i4"]),
    QueryCase("invoice", "due <= 30. 11. 2026", ["i1", "i2", "i3", "i4"]),
    QueryCase("call", "at > 2026-11-20 09:00", ["c1", "c6"]),
    QueryCase("call", "at > 2026-11-20 9:00", ["c1", "c6"]),
    QueryCase("call", "at >= 20.11.2026 10:00", ["c1", "c6"]),
    QueryCase("call", "at > 2026-11-20 10:00 and channel = chat", ["c6"]),
    QueryCase("call", "at in dnes", ["c6"]),
    // A value's continuation only when it starts like a number: other words stay search terms.
    QueryCase("call", "channel = phone faktura", ["c1"]),
    // `^field`: a field of the record the aggregate belongs to.
    QueryCase("customer", "count(calls where by = ^owner) = 0", ["eva", "gama"]),
    QueryCase("customer", "count(calls where by != ^owner) > 0", ["acme"]),
    QueryCase("customer", "count(calls where by = owner) = 0", ["acme", "beta", "delta", "eva", "gama"]),
    QueryCase("contact", "count(calls where customer = ^customer) >= 1", ["jan", "pavla", "ota"]),
    QueryCase("customer", "count(invoices where due < ^created) > 0", ["beta"]),
    QueryCase("customer", "count(invoices where issued > ^created) = 1", ["delta"]),
    // `^` starting a regular expression is an anchor, not a field.
    QueryCase("customer", "name ~ ^acme", ["acme"]),
]

let rejectedLiterals: [RejectedQuery] = [
    RejectedQuery("invoice", "amount > 10 0000", 10, "'10 0000' is not a number"),
    RejectedQuery("invoice", "amount > 1000 2026", 10, "'1000 2026' is not a number"),
    RejectedQuery("call", "at > 2026-11-20 25:00", 6, "'2026-11-20 25:00' is not a date"),
    RejectedQuery("call", "at > 32.11.2026", 6, "'32.11.2026' is not a date"),
    RejectedQuery("customer", "owner = ^owner", 9, "'^owner' names a field of the record an aggregate belongs to"),
    RejectedQuery("customer", "count(calls where by = ^ownr) = 0", 25, "unknown field 'ownr' for a customer"),
    RejectedQuery("customer", "count(calls where at < ^owner) = 0", 24, "'<' compares dates or numbers, and owner is text"),
]

@Suite("Query values as people type them")
struct LiteralTests {
    @Test("Selects the expected records", arguments: literalCases)
    func selects(_ example: QueryCase) throws {
        let (index, fixture) = try QueryTests.index()
        let type = try #require(index.schema.type(named: example.type))
        let query = try RecordQuery(example.query, type: type, schema: index.schema, today: QueryFixture.today)
        #expect(query.select(in: index).map(\.id).sorted() == example.ids.sorted())
        withExtendedLifetime(fixture) {}
    }

    @Test("Refuses with the column and a message", arguments: rejectedLiterals)
    func refuses(_ example: RejectedQuery) throws {
        try example.expectRefused { try RecordQuery($0, type: $1, schema: $2, today: QueryFixture.today) }
    }

    @Test("me is the person running the query, by any of their names", arguments: [
        ("owner = me", ["jana"], ["acme", "gama"]),
        ("owner = ME", ["Jana"], ["acme", "gama"]),
        ("owner = me", ["jana.dvorak", "jana"], ["acme", "gama"]),
        ("owner != me", ["jana"], ["beta", "delta", "eva"]),
        ("owner in (me, martin)", ["jana"], ["acme", "delta", "gama"]),
        ("owner = \"me\"", ["jana"], []),
        ("count(calls where by = me) > 0", ["petr"], ["acme", "beta"]),
    ])
    func me(_ text: String, _ names: [String], _ ids: [String]) throws {
        let (index, fixture) = try QueryTests.index()
        let type = try #require(index.schema.type(named: "customer"))
        let query = try RecordQuery(text, type: type, schema: index.schema, today: QueryFixture.today, me: names)
        #expect(query.select(in: index).map(\.id).sorted() == ids)
        withExtendedLifetime(fixture) {}
    }

    @Test("me without a known person: refused when run, no match when only checked")
    func unknownMe() throws {
        let (index, fixture) = try QueryTests.index()
        let type = try #require(index.schema.type(named: "customer"))
        #expect(throws: QueryError.self) {
            try RecordQuery("owner = me", type: type, schema: index.schema, today: QueryFixture.today, me: [])
        }
        let checked = try RecordQuery("owner = me", type: type, schema: index.schema, today: QueryFixture.today)
        #expect(checked.select(in: index).isEmpty)
        withExtendedLifetime(fixture) {}
    }
}

import CRMTestSupport
import Testing
@testable import CRMQuery
@testable import CRMWorkspace

/// Money is never added across currencies: aggregates, sorting and reports keep them apart.
@Suite("Money in several currencies")
struct MoneyTests {
    /// The query fixture with one more invoice of acme's, in EUR.
    static func index() throws -> (WorkspaceIndex, TemporaryWorkspace) {
        var files = QueryFixture.files
        files["invoices/i5.yaml"] = "number: FV-5\ncustomer: acme\nissued: 2026-11-05\ndue: 2026-11-19\namount: 800\ncurrency: EUR\n"
        let fixture = try TemporaryWorkspace(files: files)
        return (WorkspaceIndex(workspace: fixture.workspace), fixture)
    }

    @Test("An aggregate of money gives one value per currency", arguments: [
        ("sum(invoices.amount)", "acme", ["17000.5 CZK", "800 EUR"]),
        ("sum(invoices.amount)", "delta", ["1500 EUR"]),
        ("sum(invoices.amount)", "gama", ["0 CZK"]),
        ("avg(invoices.amount)", "acme", ["8500.25 CZK", "800 EUR"]),
        ("max(invoices.amount)", "acme", ["12000 CZK", "800 EUR"]),
        ("sum(invoices.amount where currency = EUR)", "acme", ["800 EUR"]),
        ("count(invoices)", "acme", ["3"]),
    ])
    func aggregate(_ column: String, _ id: String, _ values: [String]) throws {
        let (index, fixture) = try Self.index()
        let customer = try #require(index.schema.type(named: "customer"))
        let spec = try ColumnSpec(column, type: customer, schema: index.schema, today: QueryFixture.today)
        #expect(spec.values(of: try #require(index.record(id)), in: index) == values)
        withExtendedLifetime(fixture) {}
    }

    @Test("A condition on a money aggregate holds when one currency's value does", arguments: [
        ("sum(invoices.amount) > 10000", ["acme", "beta"]),
        ("sum(invoices.amount) < 1000", ["acme", "eva", "gama"]),
        ("sum(invoices.amount where currency = EUR) >= 1500", ["delta"]),
        ("sum(invoices.amount) = 0", ["eva", "gama"]),
    ])
    func condition(_ text: String, _ ids: [String]) throws {
        let (index, fixture) = try Self.index()
        let customer = try #require(index.schema.type(named: "customer"))
        let query = try RecordQuery(text, type: customer, schema: index.schema, today: QueryFixture.today)
        #expect(query.select(in: index).map(\.id).sorted() == ids)
        withExtendedLifetime(fixture) {}
    }

    @Test("Sorting by money keeps each currency together")
    func sorting() throws {
        let (index, fixture) = try Self.index()
        let invoice = try #require(index.schema.type(named: "invoice"))
        let sorter = try RecordSorter("amount", type: invoice, schema: index.schema, today: QueryFixture.today)
        #expect(sorter.sorted(index.records(ofType: "invoice"), index: index).map(\.id) == ["i2", "i1", "i3", "i5", "i4"])
        let customer = try #require(index.schema.type(named: "customer"))
        let bySum = try RecordSorter("-sum(invoices.amount),name", type: customer, schema: index.schema, today: QueryFixture.today)
        #expect(bySum.sorted(index.records(ofType: "customer"), index: index).map(\.id) == ["beta", "acme", "eva", "gama", "delta"])
        withExtendedLifetime(fixture) {}
    }

    @Test("The currency of a record: its own, else the workspace's")
    func currency() throws {
        let (index, fixture) = try Self.index()
        #expect(Currency.of(try #require(index.record("i1")), default: index.schema.currency) == "CZK")
        #expect(Currency.of(try #require(index.record("i5")), default: "USD") == "EUR")
        #expect(Currency.of(try #require(index.record("i1")), default: "USD") == "USD")
        #expect(MoneyAmount("12000.5 CZK") == MoneyAmount(amount: 12000.5, currency: "CZK"))
        #expect(MoneyAmount("12000.5") == nil)
        #expect(MoneyAmount(amount: 800, currency: "EUR").text == "800 EUR")
        withExtendedLifetime(fixture) {}
    }

    @Test("Amounts written with a fixed number of decimals", arguments: [
        (225060.0, 2, "225 060.00"), (49888.3, 2, "49 888.30"), (-1234567.891, 2, "-1 234 567.89"), (0.004, 2, "0.00"),
        (999.5, 0, "1 000"), (12.5, 1, "12.5"), (-0.001, 0, "0"),
    ])
    func fixedDecimals(_ amount: Double, _ decimals: Int, _ text: String) {
        #expect(Money.format(amount, decimals: decimals) == text)
    }
}

@Suite("Report periods")
struct PeriodTests {
    @Test("Every period between two dates, the empty ones too", arguments: [
        (Report.Period.month, "2026-01-31", "2026-04-02", ["2026-01", "2026-02", "2026-03", "2026-04"]),
        (.week, "2026-11-01", "2026-11-22", ["2026-W44", "2026-W45", "2026-W46", "2026-W47"]),
        (.quarter, "2025-12-31", "2026-07-01", ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]),
        (.year, "2024-06-01", "2026-01-01", ["2024", "2025", "2026"]),
        (.day, "2026-02-27", "2026-03-01", ["2026-02-27", "2026-02-28", "2026-03-01"]),
        (.month, "2026-05-10", "2026-05-20", ["2026-05"]),
    ])
    func labels(_ period: Report.Period, _ first: String, _ last: String, _ labels: [String]) {
        #expect(period.labels(from: CivilDate(first)!, to: CivilDate(last)!) == labels)
    }
}

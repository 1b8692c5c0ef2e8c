import CRMTestSupport
import Testing
@testable import CRMQuery
@testable import CRMWorkspace

/// A query on one type of the fixture and the ids it must select.
struct QueryCase: CustomTestStringConvertible, Sendable {
    let type: String
    let query: String
    let ids: [String]

    init(_ type: String, _ query: String, _ ids: [String]) {
        self.type = type
        self.query = query
        self.ids = ids
    }

    var testDescription: String { "\(type): \(query)" }
}

let queryCases: [QueryCase] = [
    // Enum comparisons follow the schema's order; values ignore case.
    QueryCase("customer", "status = active", ["acme", "gama"]),
    QueryCase("customer", "status != active", ["beta", "delta", "eva"]),
    QueryCase("customer", "status in (active, prospect)", ["acme", "beta", "gama"]),
    QueryCase("customer", "status not in (active, prospect)", ["delta", "eva"]),
    QueryCase("customer", "status > prospect", ["acme", "delta", "gama"]),
    QueryCase("customer", "status <= prospect", ["beta", "eva"]),
    QueryCase("customer", "status >= inactive", ["delta"]),
    QueryCase("customer", "status = ACTIVE", ["acme", "gama"]),
    QueryCase("customer", "kind = person", ["eva"]),
    // Text without regard to case or diacritics; maps and their entries.
    QueryCase("customer", "segment = enterprise", ["acme", "delta"]),
    QueryCase("customer", "segment = ENTERPRISE", ["acme", "delta"]),
    QueryCase("customer", "city = plzen", ["acme", "eva"]),
    QueryCase("customer", "address.city = Plzeň", ["acme", "eva"]),
    QueryCase("customer", "address.city != plzen", ["beta", "delta", "gama"]),
    QueryCase("customer", "name < c", ["acme", "beta"]),
    // Lists match when any item does.
    QueryCase("customer", "tags = vip", ["acme", "delta"]),
    QueryCase("customer", "tags != vip", ["beta", "eva", "gama"]),
    QueryCase("customer", "tags in (partner)", ["acme", "beta"]),
    QueryCase("customer", "has tags", ["acme", "beta", "delta"]),
    QueryCase("customer", "not has tags", ["eva", "gama"]),
    QueryCase("customer", "tags = \"\"", ["eva", "gama"]),
    QueryCase("customer", "tags != \"\"", ["acme", "beta", "delta"]),
    QueryCase("customer", "opt-outs = all", ["delta"]),
    QueryCase("customer", "reg-no = \"\"", ["acme", "beta", "delta", "eva", "gama"]),
    // Regular expressions and contains.
    QueryCase("customer", "name ~ \"^a\"", ["acme"]),
    QueryCase("customer", "name ~ \"s\\.r\\.o\\.\"", ["acme"]),
    QueryCase("customer", "name contains brno", ["beta"]),
    QueryCase("customer", "name contains nov", ["eva"]),
    QueryCase("customer", "email ~ @acme", ["acme"]),
    QueryCase("customer", "id = acme", ["acme"]),
    QueryCase("customer", "id ~ \"^(acme|beta)$\"", ["acme", "beta"]),
    // Dates: absolute, relative, periods.
    QueryCase("customer", "created < 2021-01-01", ["acme", "delta"]),
    QueryCase("customer", "created >= 2026-01-01", ["beta", "eva"]),
    QueryCase("customer", "created in this-month", ["eva"]),
    QueryCase("customer", "created in last-month", ["beta"]),
    QueryCase("customer", "created = 2026-11-20", ["eva"]),
    QueryCase("customer", "created > -30d", ["eva"]),
    QueryCase("customer", "created in 2025", ["gama"]),
    QueryCase("customer", "created in 2026-10", ["beta"]),
    QueryCase("customer", "created < -1y", ["acme", "delta", "gama"]),
    QueryCase("customer", "created in this-year", ["beta", "eva"]),
    QueryCase("customer", "created in 2026-Q4", ["beta", "eva"]),
    QueryCase("customer", "created <= 2026-10", ["acme", "beta", "delta", "gama"]),
    QueryCase("customer", "created > 2026-10", ["eva"]),
    // Aggregates over records that refer to this one.
    QueryCase("customer", "count(calls) = 0", ["eva", "gama"]),
    QueryCase("customer", "count(calls) > 1", ["acme", "beta"]),
    QueryCase("customer", "count(calls where channel = phone) >= 1", ["acme", "delta"]),
    QueryCase("customer", "last(calls.at) < -90d", ["delta"]),
    QueryCase("customer", "last(calls.at) >= this-week", ["acme"]),
    QueryCase("customer", "first(calls.at) < 2026-01-01", ["beta"]),
    QueryCase("customer", "count(complaints where status = open) > 0", ["acme", "delta"]),
    QueryCase("customer", "count(complaints where status in (open, in-progress)) = 1", ["acme", "beta", "delta"]),
    QueryCase("customer", "sum(invoices.amount where not has paid) > 10000", ["acme"]),
    QueryCase("customer", "sum(invoices.amount where paid = \"\") > 10000", ["acme"]),
    QueryCase("customer", "sum(invoices.amount) = 0", ["eva", "gama"]),
    QueryCase("customer", "avg(invoices.amount) > 10000", ["beta"]),
    QueryCase("customer", "max(invoices.amount) >= 20000", ["beta"]),
    QueryCase("customer", "count(contacts) = 2", ["acme"]),
    QueryCase("customer", "status = active and (count(calls) = 0 or last(calls.at) < -90d)", ["gama"]),
    // and, or, not, parentheses.
    QueryCase("customer", "status = active and segment = enterprise", ["acme"]),
    QueryCase("customer", "status = active or segment = enterprise", ["acme", "delta", "gama"]),
    QueryCase("customer", "not status = active", ["beta", "delta", "eva"]),
    QueryCase("customer", "not (status = active or kind = person)", ["beta", "delta"]),
    QueryCase("customer", "(status = active or status = lead) and city = plzen", ["acme", "eva"]),
    QueryCase("customer", "status = active and not has tags", ["gama"]),
    QueryCase("customer", "owner = jana and status = active", ["acme", "gama"]),
    QueryCase("customer", "status = lead or status = active and segment = smb", ["eva", "gama"]),
    // Bare words are full-text terms.
    QueryCase("customer", "plzen", ["acme", "eva"]),
    QueryCase("customer", "PLZEŇ", ["acme", "eva"]),
    QueryCase("customer", "vip and enterprise", ["acme", "delta"]),
    QueryCase("customer", "partner", ["acme", "beta"]),
    QueryCase("customer", "vip praha", ["delta"]),
    // Paths follow references.
    QueryCase("contact", "customer = acme", ["jan", "pavla"]),
    QueryCase("contact", "customer = \"Acme Plzeň s.r.o.\"", ["jan", "pavla"]),
    QueryCase("contact", "customer != acme", ["ota"]),
    QueryCase("contact", "customer.city = brno", ["ota"]),
    QueryCase("contact", "customer.segment = enterprise", ["jan", "pavla"]),
    QueryCase("contact", "role ~ \"ředitel\"", ["jan"]),
    QueryCase("contact", "role contains reditel", ["jan"]),
    QueryCase("contact", "customer.status = prospect", ["ota"]),
    QueryCase("contact", "count(calls) >= 2", ["jan"]),
    // Calls: datetimes against dates and periods, numbers.
    QueryCase("call", "channel = phone", ["c1", "c4"]),
    QueryCase("call", "channel in (email, sms)", ["c2", "c5"]),
    QueryCase("call", "at in this-week", ["c1", "c6"]),
    QueryCase("call", "at in last-month", ["c2"]),
    QueryCase("call", "at >= 2026-11-01", ["c1", "c3", "c6"]),
    QueryCase("call", "at < 2026-01-01", ["c5"]),
    QueryCase("call", "at = 2026-11-20", ["c1"]),
    QueryCase("call", "at in 2026-11", ["c1", "c3", "c6"]),
    QueryCase("call", "at > 2026-11-20T09:00", ["c1", "c6"]),
    QueryCase("call", "at < 2026-11-20T10:00", ["c2", "c3", "c4", "c5"]),
    QueryCase("call", "at in today", ["c6"]),
    QueryCase("call", "at in yesterday", []),
    QueryCase("call", "duration >= 10", ["c1", "c3"]),
    QueryCase("call", "duration < 10", ["c4", "c6"]),
    QueryCase("call", "duration = 60", ["c3"]),
    QueryCase("call", "has follow-up", ["c1", "c3"]),
    QueryCase("call", "follow-up < today", ["c3"]),
    QueryCase("call", "follow-up in next-week", ["c1"]),
    QueryCase("call", "follow-up in tomorrow", []),
    QueryCase("call", "by = petr and channel != phone", ["c2", "c3", "c5"]),
    QueryCase("call", "faktur", ["c1", "c2"]),
    QueryCase("call", "faktura and channel = phone", ["c1"]),
    QueryCase("call", "customer.segment = enterprise", ["c1", "c2", "c4", "c6"]),
    QueryCase("call", "customer.segment = enterprise and at >= -60d", ["c1", "c2", "c6"]),
    QueryCase("call", "contact.role ~ \"ředitel\"", ["c1", "c6"]),
    QueryCase("call", "direction = inbound", ["c1", "c4", "c6"]),
    QueryCase("call", "contact.customer.owner = jana", ["c1", "c2", "c6"]),
    // Complaints.
    QueryCase("complaint", "severity >= high", ["x1", "x3"]),
    QueryCase("complaint", "severity < normal", ["x4"]),
    QueryCase("complaint", "status = open and opened < -14d", ["x5"]),
    QueryCase("complaint", "status in (open, in-progress) and customer.segment = enterprise", ["x1", "x5"]),
    QueryCase("complaint", "due < today and status != resolved", ["x3"]),
    QueryCase("complaint", "count(calls) = 1", ["x1"]),
    QueryCase("complaint", "has closed", ["x2", "x4"]),
    QueryCase("complaint", "customer.tags = vip", ["x1", "x2", "x4", "x5"]),
    QueryCase("complaint", "subject ~ oleje", ["x1"]),
    // Invoices: money, empty values.
    QueryCase("invoice", "not has paid", ["i1", "i2", "i4"]),
    QueryCase("invoice", "amount > 10000", ["i1", "i3"]),
    QueryCase("invoice", "amount >= 5000.5", ["i1", "i2", "i3"]),
    QueryCase("invoice", "amount >= \"5000,5\"", ["i1", "i2", "i3"]),
    QueryCase("invoice", "currency = EUR", ["i4"]),
    QueryCase("invoice", "due < today and not has paid", ["i1", "i4"]),
    QueryCase("invoice", "customer.status = active", ["i1", "i2"]),
    QueryCase("invoice", "paid < due", ["i3"]),
    QueryCase("invoice", "paid >= due", []),
    QueryCase("complaint", "closed >= opened", ["x2", "x4"]),
    QueryCase("complaint", "due > opened and status = open", ["x1"]),
    QueryCase("complaint", "due = opened", []),
    QueryCase("complaint", "not closed <= due", ["x1", "x2", "x3", "x4", "x5"]),
]

/// A query that must be refused: the column and the message.
struct RejectedQuery: CustomTestStringConvertible, Sendable {
    let type: String
    let query: String
    let column: Int
    let message: String

    init(_ type: String, _ query: String, _ column: Int, _ message: String) {
        self.type = type
        self.query = query
        self.column = column
        self.message = message
    }

    var testDescription: String { "\(type): \(query)" }
}

let rejectedQueries: [RejectedQuery] = [
    RejectedQuery("customer", "stauts = open", 1, "unknown field 'stauts' for a customer"),
    RejectedQuery("customer", "status = actve", 10, "'actve' is not one of the values of this field"),
    RejectedQuery("customer", "created > soon", 11, "'soon' is not a date"),
    RejectedQuery("customer", "count(calls) > many", 16, "'many' is not a number"),
    RejectedQuery("customer", "(status = active", 1, "unbalanced '(': it is never closed"),
    RejectedQuery("customer", "status = active)", 16, "unbalanced ')'"),
    RejectedQuery("customer", "status =", 9, "expected a value after '='"),
    RejectedQuery("customer", "status in active, lead", 17, "expected 'and' or 'or' before ','"),
    RejectedQuery("customer", "status in (active, lead", 11, "unbalanced '(' in the list: it is never closed"),
    RejectedQuery("customer", "and status = active", 1, "expected a condition, found 'and'"),
    RejectedQuery("customer", "status = active and", 20, "expected a condition at the end"),
    RejectedQuery("customer", "status = active or or kind = person", 20, "expected a condition, found 'or'"),
    RejectedQuery("customer", "name = \"Acme", 8, "the quoted value is not closed"),
    RejectedQuery("customer", "count(calls", 1, "unbalanced '(' in count(...): it is never closed"),
    RejectedQuery("customer", "count(cals) = 0", 7, "no related records called 'cals'"),
    RejectedQuery("customer", "sum(calls) > 5", 1, "sum(...) needs a number or money field"),
    RejectedQuery("customer", "sum(calls.subject) > 5", 1, "sum(...) needs a number or money field"),
    RejectedQuery("customer", "last(calls) < today", 1, "last(...) needs a field"),
    RejectedQuery("customer", "count(calls.at) = 1", 1, "count(...) counts records, not a field"),
    RejectedQuery("customer", "last(calls.att) < today", 12, "unknown field 'att' for a call"),
    RejectedQuery("customer", "count(calls where chanel = phone) > 0", 19, "unknown field 'chanel' for a call"),
    RejectedQuery("contact", "customer.nmae = x", 10, "unknown field 'nmae' for a customer"),
    RejectedQuery("contact", "name.first = x", 6, "'name' is text, not a reference or map; it has no 'first'"),
    RejectedQuery("customer", "address.cty = Brno", 9, "'address' has no entry 'cty'"),
    RejectedQuery("customer", "has", 4, "expected a field after 'has'"),
    RejectedQuery("customer", "status ~ \"[a-\"", 10, "'[a-' is not a regular expression"),
    RejectedQuery("contact", "customer < acme", 12, "'<' does not fit a reference"),
    RejectedQuery("customer", "has follow-up = x", 15, "expected 'and' or 'or' before '='"),
    RejectedQuery("customer", "status != ", 11, "expected a value after '!='"),
    RejectedQuery("customer", "status ! = x", 8, "'!' on its own"),
    RejectedQuery("customer", "count(calls) = 0 = 1", 18, "expected 'and' or 'or' before '='"),
    RejectedQuery("call", "at > 2026-13-01", 6, "'2026-13-01' is not a date"),
    RejectedQuery("call", "duration > ten", 12, "'ten' is not a number"),
    RejectedQuery("customer", "status < \"\"", 10, "\"\" (empty) can only be compared with = or !="),
    RejectedQuery("call", "count(invoices) > 0", 7, "invoices do not refer to a call"),
    RejectedQuery("customer", "not", 4, "expected a condition at the end"),
    RejectedQuery("customer", "()", 2, "expected a condition, found ')'"),
    RejectedQuery("customer", "", 1, "the expression is empty"),
    RejectedQuery("customer", "kind = true", 8, "'true' is not one of the values of this field"),
    RejectedQuery("complaint", "closed > status", 10, "'status' is enum; it cannot be compared with date"),
]

extension RejectedQuery {
    /// Expects `read` to refuse the text, for the fixture's type, with this column and message.
    func expectRefused(by read: (String, RecordType, Schema) throws -> Any) throws {
        let (index, fixture) = try QueryTests.index()
        let type = try #require(index.schema.type(named: self.type))
        #expect {
            _ = try read(query, type, index.schema)
        } throws: { error in
            guard let error = error as? QueryError else { return false }
            #expect(error.column == column)
            #expect(error.message == message)
            return true
        }
        withExtendedLifetime(fixture) {}
    }
}

@Suite("Query language")
struct QueryTests {
    static func index() throws -> (WorkspaceIndex, TemporaryWorkspace) {
        let fixture = try TemporaryWorkspace(files: QueryFixture.files)
        return (WorkspaceIndex(workspace: fixture.workspace), fixture)
    }

    @Test("Selects the expected records", arguments: queryCases)
    func selects(_ example: QueryCase) throws {
        let (index, fixture) = try Self.index()
        #expect(index.problems.isEmpty)
        let type = try #require(index.schema.type(named: example.type))
        let query = try RecordQuery(example.query, type: type, schema: index.schema, today: QueryFixture.today)
        #expect(query.select(in: index).map(\.id).sorted() == example.ids.sorted())
        withExtendedLifetime(fixture) {}
    }

    @Test("Refuses with the column and a message", arguments: rejectedQueries)
    func refuses(_ example: RejectedQuery) throws {
        try example.expectRefused { try RecordQuery($0, type: $1, schema: $2, today: QueryFixture.today) }
    }

    @Test("Hints name the close field and list enum values")
    func hints() throws {
        let (index, fixture) = try Self.index()
        let type = try #require(index.schema.type(named: "customer"))
        func hint(_ text: String) -> String? {
            do {
                _ = try RecordQuery(text, type: type, schema: index.schema, today: QueryFixture.today)
                return nil
            } catch {
                return error.hint
            }
        }
        #expect(hint("stauts = open") == "did you mean 'status'?")
        #expect(hint("status = actve") == "did you mean 'active'? the values are: lead, prospect, active, inactive, churned")
        #expect(hint("count(cals) = 0") == "did you mean 'calls'?")
        withExtendedLifetime(fixture) {}
    }

    @Test("Periods", arguments: [
        ("this-week", "2026-11-16", "2026-11-22"), ("last-week", "2026-11-09", "2026-11-15"), ("next-week", "2026-11-23", "2026-11-29"),
        ("this-month", "2026-11-01", "2026-11-30"), ("last-month", "2026-10-01", "2026-10-31"), ("this-quarter", "2026-10-01", "2026-12-31"),
        ("last-year", "2025-01-01", "2025-12-31"), ("2026-02", "2026-02-01", "2026-02-28"), ("2024-Q1", "2024-01-01", "2024-03-31"),
        ("-30d", "2026-10-23", "2026-10-23"), ("+2w", "2026-12-06", "2026-12-06"), ("-3m", "2026-08-22", "2026-08-22"),
    ])
    func periods(_ text: String, _ first: String, _ last: String) throws {
        let range = try #require(DateRange.parse(text, today: QueryFixture.today))
        #expect(range.start == CivilDate(first)!.dayNumber * 86_400)
        #expect(range.end == (CivilDate(last)!.dayNumber + 1) * 86_400)
    }

    @Test("Columns take paths and aggregates; reports group and measure")
    func columnsAndReports() throws {
        let (index, fixture) = try Self.index()
        let schema = index.schema
        let customer = try #require(schema.type(named: "customer"))
        let acme = try #require(index.record("acme"))
        #expect(try ColumnSpec("count(calls)", type: customer, schema: schema, today: QueryFixture.today).values(of: acme, in: index) == ["3"])
        #expect(try ColumnSpec("last(calls.at)", type: customer, schema: schema, today: QueryFixture.today).values(of: acme, in: index)
                    == ["2026-11-22T08:15"])
        let sorter = try RecordSorter("-count(calls),name", type: customer, schema: schema, today: QueryFixture.today)
        #expect(sorter.sorted(index.records(ofType: "customer"), index: index).map(\.id) == ["acme", "beta", "delta", "eva", "gama"])
        let complaint = try #require(schema.type(named: "complaint"))
        let report = Report(groups: [try ColumnSpec("status", type: complaint, schema: schema, today: QueryFixture.today)],
                            period: nil, measures: [.count])
        let table = report.run(index.positions(ofType: "complaint"), index: index)
        #expect(table.rows.map(\.keys) == [["open"], ["in-progress"], ["resolved"], ["rejected"]])
        #expect(table.rows.map(\.values) == [[2], [1], [1], [1]])
        let call = try #require(schema.type(named: "call"))
        let monthly = Report(groups: [], period: (.month, try ColumnSpec("at", type: call, schema: schema, today: QueryFixture.today)),
                             measures: [.count, try Measure("sum(duration)", type: call, schema: schema, today: QueryFixture.today)])
        let months = monthly.run(index.positions(ofType: "call"), index: index)
        // Every month from the first to the last, the empty ones too.
        #expect(months.rows.map(\.keys) == ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07",
                                             "2026-08", "2026-09", "2026-10", "2026-11"].map { [$0] })
        #expect(months.rows.filter { $0.values != [0, 0] }.map(\.values) == [[1, 0], [1, 5], [1, 0], [3, 75]])
        #expect(months.total == [6, 80])
        #expect(Report.Period.week.label(CivilDate("2026-11-22")!) == "2026-W47")
        #expect(Report.Period.week.label(CivilDate("2027-01-01")!) == "2026-W53")
        withExtendedLifetime(fixture) {}
    }
}

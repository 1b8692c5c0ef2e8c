import Foundation
import CRMTestSupport
import Testing
@testable import CRMQuery
@testable import CRMWorkspace

/// A report measure and its value over every record of the type in `QueryFixture`.
struct MeasureCase: CustomTestStringConvertible, Sendable {
    let type: String
    let measure: String
    let value: Double?
    let title: String

    init(_ type: String, _ measure: String, _ value: Double?, title: String? = nil) {
        self.type = type
        self.measure = measure
        self.value = value
        self.title = title ?? measure
    }

    var testDescription: String { "\(type): \(measure)" }
}

let measureCases: [MeasureCase] = [
    MeasureCase("complaint", "count", 5),
    MeasureCase("complaint", "count(where status = open)", 2),
    MeasureCase("complaint", "percent(status = open)", 40),
    // percent of a comparison of two fields counts only the records that have both.
    MeasureCase("complaint", "percent(closed <= due)", nil),
    MeasureCase("complaint", "percent(due > opened)", 100),
    MeasureCase("complaint", "percent(status = open)", 40),
    MeasureCase("complaint", "median(days(opened, closed))", 4.5),
    MeasureCase("complaint", "min(days(opened, closed))", 4),
    MeasureCase("complaint", "max(days(opened, closed)) as longest", 5, title: "longest"),
    MeasureCase("complaint", "avg(days(opened, closed)) as avg days", 4.5, title: "avg days"),
    MeasureCase("complaint", "avg(days(opened, due) where status = open)", 3),
    MeasureCase("call", "sum(duration)", 80),
    MeasureCase("call", "sum(duration where channel = phone)", 17),
    MeasureCase("call", "avg(duration)", 20),
    MeasureCase("call", "median(duration)", 8.5),
    MeasureCase("call", "sum(duration * 2 + 1)", 164),
    MeasureCase("call", "sum((duration + 1) * 2)", 168),
    MeasureCase("call", "sum(duration / 0)", 0),
    MeasureCase("call", "avg(duration where channel = sms)", nil),
    MeasureCase("invoice", "sum(amount)", 38500.5),
    MeasureCase("invoice", "sum(amount where not has paid)", 18500.5),
    MeasureCase("invoice", "percent(paid < due)", 100),
    MeasureCase("invoice", "percent(has paid)", 25),
    MeasureCase("invoice", "count(where due < today and not has paid) as overdue", 2, title: "overdue"),
    MeasureCase("invoice", "sum(amount * 1.21 where currency = EUR)", 1815),
    MeasureCase("customer", "percent(count(calls) > 0)", 60),
]

let rejectedMeasures: [RejectedQuery] = [
    RejectedQuery("customer", "sum(name)", 5, "'name' is text, not a number or money field"),
    RejectedQuery("customer", "cnt", 1, "unknown measure 'cnt'"),
    RejectedQuery("call", "count(duration)", 1, "count counts records; it takes no field"),
    RejectedQuery("call", "percent", 1, "percent needs a condition"),
    RejectedQuery("call", "sum", 1, "sum needs a number"),
    RejectedQuery("call", "sum(duration * )", 16, "expected a field, a number or days(FROM, TO), found ')'"),
    RejectedQuery("complaint", "median(days(opened))", 19, "expected ',' between the two dates of days(FROM, TO)"),
    RejectedQuery("complaint", "median(days(opened, subject))", 21, "'subject' is text, not a date"),
    RejectedQuery("call", "sum(duration", 1, "unbalanced '(': it is never closed"),
    RejectedQuery("call", "sum(duration) as", 15, "expected a title after 'as'"),
    RejectedQuery("call", "sum(duration) extra", 15, "unexpected 'extra' in the measure"),
    RejectedQuery("call", "sum(duraton)", 5, "unknown field 'duraton' for a call"),
    RejectedQuery("call", "count(where chanel = phone)", 13, "unknown field 'chanel' for a call"),
]

@Suite("Report measures and saved reports")
struct MeasureTests {
    @Test("A measure computes the expected value", arguments: measureCases)
    func computes(_ example: MeasureCase) throws {
        let (index, fixture) = try QueryTests.index()
        let type = try #require(index.schema.type(named: example.type))
        let measure = try Measure(example.measure, type: type, schema: index.schema, today: QueryFixture.today)
        #expect(measure.compute(index.positions(ofType: example.type), index: index) == example.value)
        #expect(measure.title == example.title)
        withExtendedLifetime(fixture) {}
    }

    @Test("A bad measure is refused with the column and a message", arguments: rejectedMeasures)
    func refuses(_ example: RejectedQuery) throws {
        try example.expectRefused { try Measure($0, type: $1, schema: $2, today: QueryFixture.today) }
    }

    @Test("Money measures say so; counts and sums add up")
    func kinds() throws {
        let (index, fixture) = try QueryTests.index()
        let invoice = try #require(index.schema.type(named: "invoice"))
        func measure(_ text: String) throws -> Measure { try Measure(text, type: invoice, schema: index.schema, today: QueryFixture.today) }
        #expect(try measure("sum(amount)").isMoney)
        #expect(try !measure("count").isMoney)
        #expect(try !measure("percent(has paid)").isMoney)
        #expect(try measure("sum(amount)").isAdditive)
        #expect(try !measure("median(amount)").isAdditive)
        withExtendedLifetime(fixture) {}
    }

    @Test("A saved report groups, filters by --from and --to, and measures")
    func savedReport() throws {
        let (index, fixture) = try QueryTests.index()
        let report = SavedReport(name: "owed", title: "Owed", type: "invoice", groups: ["customer", "currency"],
                                 measures: ["count", "sum(amount)"], condition: "not has paid", dateField: "issued")
        let all = try report.compile(schema: index.schema, today: QueryFixture.today).run(in: index)
        #expect(all.columns == ["customer", "currency", "count", "sum(amount)"])
        // An invoice without a currency is in the workspace's; no total adds CZK to EUR.
        #expect(all.rows.map(\.keys) == [["acme", "CZK"], ["delta", "EUR"]])
        #expect(all.total == [3, nil])
        #expect(all.totals == [Report.Row(keys: ["CZK"], values: [2, 17000.5]), Report.Row(keys: ["EUR"], values: [1, 1500])])
        let recent = try report.compile(schema: index.schema, today: QueryFixture.today, from: "2026-10", to: "2026-10").run(in: index)
        #expect(recent.total == [1, 12000])
        // Money is grouped by currency even when the report does not ask for it.
        let bySum = SavedReport(name: "sums", title: "Sums", type: "invoice", groups: ["customer.segment"], measures: ["sum(amount)"])
        let sums = try bySum.compile(schema: index.schema, today: QueryFixture.today).run(in: index)
        #expect(sums.columns == ["customer.segment", "currency", "sum(amount)"])
        #expect(sums.rows == [Report.Row(keys: ["enterprise", "CZK"], values: [17000.5]), Report.Row(keys: ["enterprise", "EUR"], values: [1500]),
                              Report.Row(keys: ["smb", "CZK"], values: [20000])])
        #expect(sums.totals.map(\.values) == [[37000.5], [1500]])
        let yearly = SavedReport(name: "calls", title: "Calls", type: "call", groups: [], per: "year at")
        #expect(try yearly.compile(schema: index.schema, today: QueryFixture.today).run(in: index).rows.map(\.keys) == [["2025"], ["2026"]])
        withExtendedLifetime(fixture) {}
    }

    @Test("A saved report that does not fit the schema names the key", arguments: [
        (SavedReport(name: "r", title: "r", type: "invoices", groups: ["customer"]), "type", "unknown type 'invoices'"),
        (SavedReport(name: "r", title: "r", type: "invoice", groups: []), "by", "nothing to group by"),
        (SavedReport(name: "r", title: "r", type: "invoice", groups: ["custmer"]), "by", "unknown field 'custmer' for an invoice"),
        (SavedReport(name: "r", title: "r", type: "invoice", groups: [], per: "fortnight issued"), "per", "'fortnight issued' is not PERIOD FIELD"),
        (SavedReport(name: "r", title: "r", type: "invoice", groups: [], per: "month number"), "per", "'number' is text, not a date"),
        (SavedReport(name: "r", title: "r", type: "invoice", groups: ["currency"], measures: ["count", "sum(number)"]), "measures[2]",
         "'number' is text, not a number or money field"),
        (SavedReport(name: "r", title: "r", type: "invoice", groups: ["currency"], condition: "paid = soon"), "where", "'soon' is not a date"),
        (SavedReport(name: "r", title: "r", type: "invoice", groups: ["currency"], from: "someday"), "from", "'someday' is not a date"),
        (SavedReport(name: "r", title: "r", type: "invoice", groups: ["currency"], dateField: "amount", from: "2026"), "date",
         "'amount' is money, not a date"),
    ])
    func savedReportProblems(_ report: SavedReport, _ key: String, _ message: String) throws {
        let (index, fixture) = try QueryTests.index()
        #expect {
            _ = try report.compile(schema: index.schema, today: QueryFixture.today)
        } throws: { error in
            guard let error = error as? ReportError else { return false }
            #expect(error.key == key)
            #expect(error.error.message == message)
            return true
        }
        withExtendedLifetime(fixture) {}
    }

    @Test("The built-in reports fit the built-in and sample types")
    func builtinReports() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-workspace")
        let workspace = Workspace(root: sample.path)
        let (reports, problems) = SavedReport.all(in: workspace)
        #expect(problems.isEmpty)
        #expect(reports.map(\.name).sorted() == BuiltinReports.files.map(\.name).sorted())
        for report in reports {
            #expect(report.problems(schema: workspace.schema, today: QueryFixture.today).isEmpty, "\(report.name)")
            let file = try String(contentsOf: sample.appendingPathComponent(".crm/reports/\(report.name).yaml"), encoding: .utf8)
            #expect(BuiltinReports.files.first { $0.name == report.name }?.text == file, "\(report.name).yaml differs from BuiltinReports")
        }
    }
}

import CRMTestSupport
import Testing
@testable import CRMQuery
@testable import CRMWorkspace

/// Inputs the libFuzzer targets in Fuzz/ found mishandled, kept here so the bugs stay fixed.
@Suite("Query fuzz regressions")
struct QueryFuzzRegressionTests {
    /// fuzz-query: an aggregate whose related records are empty or start with '.' (`last(.)`)
    /// crashed the parser with an index out of range, from --where, --fields, --sort and reports.
    @Test("An aggregate without related records is refused, not a crash", arguments: [
        ("last(.) < today", 6),
        ("count(.) = 0", 7),
        ("count(.calls) > 1", 7),
        ("status = active and sum(.amount) > 0", 25),
    ])
    func emptyRelation(_ query: String, _ column: Int) throws {
        let (index, fixture) = try QueryTests.index()
        let type = try #require(index.schema.type(named: "customer"))
        let error = #expect(throws: QueryError.self) {
            try RecordQuery(query, type: type, schema: index.schema, today: QueryFixture.today)
        }
        #expect(error?.column == column)
        #expect(error?.message.hasPrefix("expected the related records in ") == true)
        #expect(throws: QueryError.self) { try ColumnSpec("last(.)", type: type, schema: index.schema, today: QueryFixture.today) }
        #expect(throws: QueryError.self) { try RecordSorter("-last(.)", type: type, schema: index.schema, today: QueryFixture.today) }
        withExtendedLifetime(fixture) {}
    }

    /// Found next to the parser bug: a type file with `columns: [.]` or `columns: [""]` crashed
    /// the schema loader with an index out of range. It is a problem in the type file now.
    @Test("A column that is '.' or empty is a problem of the type file", arguments: [".", "\"\"", ".name"])
    func emptyColumn(_ column: String) throws {
        let fixture = try TemporaryWorkspace(files: [
            ".crm/types/thing.yaml": "type:\n  folder: things\n  columns: [name, \(column)]\nname:\n  kind: text\n",
        ])
        let problem = try #require(fixture.workspace.problems.first)
        #expect(problem.path == ".crm/types/thing.yaml")
        #expect(problem.message.hasPrefix("column '"))
        #expect(problem.message.hasSuffix("' is not a field of the type"))
    }

    /// fuzz-query: a relative date far outside years 1 to 9999 (`-4611686018427387894d`, and
    /// `+99999999999m`) overflowed the date arithmetic and crashed, in queries and in field
    /// input. It names no date now: the query is refused, the input is not a date.
    @Test("A relative date beyond year 9999 or before year 1 is no date", arguments: [
        "-4611686018427387894d", "+9223372036854775807d", "-9223372036854775808d", "+1317624576693539401w",
        "+99999999999m", "-768614336404564651y", "+7975y", "-2026y", "-24313m", "+3000000d", "-740000d",
    ])
    func farRelativeDate(_ text: String) throws {
        let today = QueryFixture.today
        #expect(ValueInput.relativeDate(text, from: today) == nil)
        #expect(DateRange.parse(text, today: today) == nil)
        let (index, fixture) = try QueryTests.index()
        let type = try #require(index.schema.type(named: "customer"))
        let error = #expect(throws: QueryError.self) {
            try RecordQuery("created > \(text)", type: type, schema: index.schema, today: today)
        }
        #expect(error?.message == "'\(text)' is not a date")
        withExtendedLifetime(fixture) {}
    }

    @Test("Relative dates up to the ends of the calendar still work", arguments: [
        ("+7973y", "9999-11-22"), ("-2025y", "0001-11-22"), ("+95676m", "9999-11-22"), ("-24300m", "0001-11-22"),
        ("-30d", "2026-10-23"), ("+2w", "2026-12-06"),
    ])
    func nearRelativeDate(_ text: String, _ expected: String) {
        #expect(ValueInput.relativeDate(text, from: QueryFixture.today) == CivilDate(expected))
    }
}

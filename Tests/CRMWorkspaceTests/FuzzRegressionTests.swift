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
}

import CRMTestSupport
import Testing
@testable import CRMQuery
@testable import CRMWorkspace

/// `next-contact` in queries, columns and sort keys, as of 2026-11-22: the day the cadence
/// rule of the agenda makes a customer or contact due.
@Suite("next-contact: the cadence rule in queries")
struct NextContactTests {
    static let today = CivilDate("2026-11-22")!
    static let files = CadenceFixture.files.merging(["contacts/petr-novy.yaml": "name: Petr Nový\ncustomer: beta\n"]) { $1 }

    static func index() throws -> (WorkspaceIndex, TemporaryWorkspace) {
        let fixture = try TemporaryWorkspace(files: files)
        #expect(fixture.workspace.problems.isEmpty, "\(fixture.workspace.problems)")
        return (WorkspaceIndex(workspace: fixture.workspace), fixture)
    }

    @Test("Conditions on the day", arguments: [
        ("customer", "next-contact <= today", ["gama"]),
        ("customer", "next-contact <= +7d", ["beta", "gama"]),
        ("customer", "next-contact > 2026-12", ["epsilon"]),
        ("customer", "not has next-contact", ["delta"]),
        ("contact", "next-contact < today", ["jana-mala"]),
        ("contact", "next-contact >= 2026-11-22", ["petr-novy"]),
    ])
    func conditions(type name: String, _ text: String, _ ids: [String]) throws {
        let (index, fixture) = try Self.index()
        let type = try #require(index.schema.type(named: name))
        let query = try RecordQuery(text, type: type, schema: index.schema, today: Self.today)
        #expect(query.select(in: index).map(\.id).sorted() == ids)
        #expect(query.relatedTypes.contains("call"))
        withExtendedLifetime(fixture) {}
    }

    @Test("A column and a sort key; records without a cadence sort last")
    func columnsAndSorting() throws {
        let (index, fixture) = try Self.index()
        let customer = try #require(index.schema.type(named: "customer"))
        let column = try ColumnSpec("next-contact", type: customer, schema: index.schema, today: Self.today)
        #expect(column.kind == .date)
        #expect(column.values(of: try #require(index.record("alfa")), in: index) == ["2026-12-01"])
        #expect(column.values(of: try #require(index.record("delta")), in: index) == [])
        let sorter = try RecordSorter("next-contact", type: customer, schema: index.schema, today: Self.today)
        #expect(sorter.sorted(index.records(ofType: "customer"), index: index).map(\.id) == ["gama", "beta", "alfa", "epsilon", "delta"])
        withExtendedLifetime(fixture) {}
    }

    @Test("Other types have no next-contact; a type with such a field keeps its own")
    func otherTypes() throws {
        let (index, fixture) = try Self.index()
        let call = try #require(index.schema.type(named: "call"))
        let error = #expect(throws: QueryError.self) {
            try RecordQuery("next-contact < today", type: call, schema: index.schema, today: Self.today)
        }
        #expect(error?.message == "'next-contact' is the day a customer or contact is due for contact; a call has none")
        #expect(error?.column == 1)
        let own = try TemporaryWorkspace(files: [
            ".crm/types/visit.yaml": "type:\n  folder: visits\nnext-contact:\n  kind: date\n",
            "visits/v1.yaml": "next-contact: 2026-11-01\n",
        ])
        let visits = WorkspaceIndex(workspace: own.workspace)
        let visit = try #require(visits.schema.type(named: "visit"))
        let query = try RecordQuery("next-contact < today", type: visit, schema: visits.schema, today: Self.today)
        #expect(query.select(in: visits).map(\.id) == ["v1"])
        withExtendedLifetime((fixture, own)) {}
    }
}

import CRMTestSupport
import Testing
@testable import CRMQuery
@testable import CRMWorkspace
import CRMSyntax

@Suite("Field paths and sorting")
struct PathTests {
    static func fixture() throws -> TemporaryWorkspace {
        try TemporaryWorkspace(files: [
            "customers/acme.yaml": "name: Acme Plzeň\nstatus: active\naddress:\n  city: Plzeň\n",
            "contacts/jan.yaml": "name: Jan Novák\ncustomer: acme\nrole: ředitel\n",
            "calls/2026/11/c1.yaml": "customer: acme\ncontact: jan\nat: 2026-11-20T10:00\nsubject: Faktura za servis\n",
        ])
    }

    @Test("Field paths through maps and references")
    func paths() throws {
        let fixture = try Self.fixture()
        let workspace = fixture.workspace
        let index = WorkspaceIndex(workspace: workspace)
        let contact = try #require(workspace.schema.type(named: "contact"))
        let call = try #require(workspace.schema.type(named: "call"))
        let jan = try #require(index.record("jan"))
        #expect(try FieldPath("customer.name", in: contact, schema: workspace.schema).values(of: jan, in: index) == ["Acme Plzeň"])
        #expect(try FieldPath("customer.city", in: contact, schema: workspace.schema).values(of: jan, in: index) == ["Plzeň"])
        #expect(try FieldPath("customer.address.city", in: contact, schema: workspace.schema).values(of: jan, in: index) == ["Plzeň"])
        let c1 = try #require(index.record("c1"))
        #expect(try FieldPath("contact.customer.status", in: call, schema: workspace.schema).values(of: c1, in: index) == ["active"])
        #expect(throws: PathError.self) { try FieldPath("customer.nmae", in: contact, schema: workspace.schema) }
        do {
            _ = try FieldPath("customer.nmae", in: contact, schema: workspace.schema)
        } catch {
            #expect(error.message == "unknown field 'nmae' for a customer")
            #expect(error.hint == "did you mean 'name'?")
            #expect(error.offset == 9)
        }
        #expect(throws: PathError.self) { try FieldPath("name.first", in: contact, schema: workspace.schema) }
    }

    @Test("Sorting follows the field's kind")
    func sorting() throws {
        let type = RecordType(name: "thing", folder: "things", title: "name", columns: [], fields: [
            FieldDefinition(key: "name", kind: .text), FieldDefinition(key: "size", kind: .number),
            FieldDefinition(key: "level", kind: .enumeration(["low", "high", "critical"])),
            FieldDefinition(key: "when", kind: .date),
        ], path: "")
        let schema = Schema(types: [type])
        let records = [
            ("a", "Žofie", "10", "high", "2026-01-02"), ("b", "adam", "9", "critical", ""), ("c", "Čeněk", "100", "low", "2025-12-31"),
        ].map { Record(id: $0.0, type: "thing", path: "things/\($0.0).yaml", fields: [
            Field(key: "name", value: .string($0.1)), Field(key: "size", value: .string($0.2)),
            Field(key: "level", value: .string($0.3)), Field(key: "when", value: .string($0.4)),
        ]) }
        func order(_ spec: String) throws -> [String] {
            try RecordSorter(spec, type: type, schema: schema, today: CivilDate("2026-11-22")!).sorted(records, index: nil).map(\.id)
        }
        #expect(try order("name") == ["b", "c", "a"])
        #expect(try order("size") == ["b", "a", "c"])
        #expect(try order("-size") == ["c", "a", "b"])
        #expect(try order("level") == ["c", "a", "b"])
        #expect(try order("-level") == ["b", "a", "c"])
        #expect(try order("when") == ["c", "a", "b"])
        #expect(try order("-when") == ["a", "c", "b"])
    }
}

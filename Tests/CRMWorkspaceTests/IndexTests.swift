import CRMTestSupport
import Testing
@testable import CRMWorkspace
import CRMSyntax

@Suite("Index")
struct IndexTests {
    static func fixture() throws -> TemporaryWorkspace {
        try TemporaryWorkspace(files: [
            "customers/acme.yaml": "name: Acme Plzeň\nstatus: active\naddress:\n  city: Plzeň\n",
            "customers/beta.yaml": "name: Beta\nstatus: lead\n",
            "contacts/jan.yaml": "name: Jan Novák\ncustomer: acme\nrole: ředitel\n",
            "calls/2026/11/c1.yaml": "customer: acme\ncontact: jan\nat: 2026-11-20T10:00\nsubject: Faktura za servis\n",
            "calls/2026/10/c2.yaml": "customer: beta\nat: 2026-10-01T09:00\nsubject: Nabídka\nsummary: Poslat fakturu\n",
            "complaints/x1.yaml": "customer: acme\nopened: 2026-11-21\nsubject: Late delivery\ncalls: [c1]\n",
            "customers/broken.yaml": "name: [unclosed\n",
        ])
    }

    @Test("Records by id, by type and by reference in both directions; a broken file is reported")
    func references() throws {
        let fixture = try Self.fixture()
        let index = WorkspaceIndex(workspace: fixture.workspace)
        #expect(index.records.count == 6)
        #expect(index.problems.map(\.path) == ["customers/broken.yaml"])
        let acme = try #require(index.record("acme"))
        #expect(index.referrers(of: acme).map(\.id) == ["c1", "x1", "jan"])
        #expect(index.referrers(of: acme, type: "call").map(\.id) == ["c1"])
        #expect(index.referrers(of: try #require(index.record("c1"))).map(\.id) == ["x1"])
        #expect(index.records(ofType: "customer").map(\.id) == ["acme", "beta"])
        #expect(index.title(of: try #require(index.record("c1"))) == "Faktura za servis")
        #expect(index.closestIDs(to: "acm") == ["acme"])
    }

    @Test("Only the asked types are loaded")
    func partialLoad() throws {
        let fixture = try Self.fixture()
        let workspace = fixture.workspace
        let index = WorkspaceIndex(workspace: workspace, types: [workspace.schema.type(named: "call")!])
        #expect(index.records.map(\.id) == ["c2", "c1"])
        #expect(index.problems.isEmpty)
    }

    @Test("A file deleted between listing and reading (another process removed the record) is left out, not an error")
    func vanishedFile() throws {
        let fixture = try TemporaryWorkspace(files: ["customers/acme.yaml": "name: Acme\n"])
        let files = [RecordFile(path: "customers/acme.yaml", type: "customer"), RecordFile(path: "customers/gone.yaml", type: "customer")]
        let result = RecordLoader.load(files, root: fixture.root)
        #expect(result.records.map(\.id) == ["acme"])
        #expect(result.problems.isEmpty)
    }

    @Test("Full-text search ignores case and diacritics and matches word starts")
    func fullText() throws {
        let fixture = try Self.fixture()
        let index = WorkspaceIndex(workspace: fixture.workspace)
        let titles = Dictionary(uniqueKeysWithValues: index.schema.types.map { ($0.name, $0.title) })
        let search = { (query: String) in FullTextSearch.search(query, in: index.records, titles: titles) }
        let ids = { (query: String) in search(query).map { index.records[$0.record].id } }
        #expect(ids("plzen") == ["acme"])
        #expect(ids("FAKTUR") == ["c1", "c2"])
        #expect(ids("faktur servis") == ["c1"])
        #expect(ids("reditel") == ["jan"])
        #expect(ids("nothing-here").isEmpty)
        #expect(search("servis").first?.field == "subject")
    }
}

import CRMTestSupport
import Testing
@testable import CRMWorkspace

/// A record named by its id, its title or a unique start of its id.
@Suite("Records by name")
struct RecordNamingTests {
    static func index() throws -> (WorkspaceIndex, TemporaryWorkspace) {
        let fixture = try TemporaryWorkspace(files: [
            "customers/strojirny-novak.yaml": "name: Strojírny Novák s.r.o.\n",
            "customers/novak-servis.yaml": "name: Novák servis\n",
            "customers/acme.yaml": "name: Acme\n",
            "customers/acme-2.yaml": "name: Acme\n",
            "contacts/jan-novak.yaml": "name: Jan Novák\ncustomer: strojirny-novak\n",
        ])
        return (WorkspaceIndex(workspace: fixture.workspace), fixture)
    }

    @Test("What a word names", arguments: [
        ("strojirny-novak", nil, "strojirny-novak"),
        ("Strojírny Novák s.r.o.", nil, "strojirny-novak"),
        ("STROJIRNY NOVAK S.R.O.", "customer", "strojirny-novak"),
        ("stroj", nil, "strojirny-novak"),
        ("jan novak", "contact", "jan-novak"),
        ("novak-s", nil, "novak-servis"),
    ] as [(String, String?, String)])
    func found(_ word: String, _ type: String?, _ id: String) throws {
        let (index, fixture) = try Self.index()
        guard case .found(let record) = RecordNaming.find(word, in: index, type: type) else {
            Issue.record("'\(word)' found nothing")
            return
        }
        #expect(record.id == id)
        withExtendedLifetime(fixture) {}
    }

    @Test("A name several records have names none of them")
    func ambiguous() throws {
        let (index, fixture) = try Self.index()
        guard case .ambiguous(let records) = RecordNaming.find("ACME", in: index) else {
            Issue.record("acme was not ambiguous")
            return
        }
        #expect(records.map(\.id).sorted() == ["acme", "acme-2"])
        guard case .found(let exact) = RecordNaming.find("acme-2", in: index) else { return }
        #expect(exact.id == "acme-2")
        withExtendedLifetime(fixture) {}
    }

    @Test("No match suggests the records holding the word, shortest id first")
    func suggestions() throws {
        let (index, fixture) = try Self.index()
        guard case .none(let suggestions) = RecordNaming.find("Novák", in: index) else {
            Issue.record("Novák matched")
            return
        }
        #expect(suggestions.map(\.id) == ["jan-novak", "novak-servis", "strojirny-novak"])
        guard case .none(let typed) = RecordNaming.find("ovak", in: index, type: "customer") else { return }
        #expect(typed.map(\.id) == ["novak-servis", "strojirny-novak"])
        // A short word is no id prefix.
        guard case .none = RecordNaming.find("str", in: index, type: "contact") else {
            Issue.record("str matched")
            return
        }
        withExtendedLifetime(fixture) {}
    }
}

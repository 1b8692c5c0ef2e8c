import CRMTestSupport
import Testing
@testable import CRMWorkflow
@testable import CRMWorkspace

/// Keeping in touch, as of 2026-11-22: a record's own cadence, the settings' by segment and
/// tag, the default, and the latest call resetting it.
@Suite("Keeping in touch: contact cadences")
struct ContactCadenceTests {
    static let today = CivilDate("2026-11-22")!
    static let files = CadenceFixture.files

    static func cadence(_ extra: [String: String] = [:]) throws -> (ContactCadence, WorkspaceIndex, TemporaryWorkspace) {
        let fixture = try TemporaryWorkspace(files: files.merging(extra) { $1 })
        #expect(fixture.workspace.problems.isEmpty, "\(fixture.workspace.problems)")
        return (ContactCadence(schema: fixture.workspace.schema), WorkspaceIndex(workspace: fixture.workspace), fixture)
    }

    @Test("Own cadence, then the shortest of segment and tags, then the default; churned customers never", arguments: [
        ("alfa", "30d", "2026-12-01"), ("beta", "2w", "2026-11-26"), ("gama", "3m", "2026-08-01"),
        ("epsilon", "6m", "2027-04-01"), ("jana-mala", "1w", "2026-11-08"),
    ])
    func due(id: String, cadence expected: String, due: String) throws {
        let (cadence, index, fixture) = try Self.cadence()
        let found = try #require(cadence.due(at: index.position(of: id)!, in: index, today: Self.today))
        #expect(found.cadence.description == expected)
        #expect(found.due.description == due)
        #expect(cadence.due(at: index.position(of: "delta")!, in: index, today: Self.today) == nil)
        withExtendedLifetime(fixture) {}
    }

    @Test("The agenda lists who is due, with the owner (a contact's is its customer's); a new call resets it")
    func agenda() throws {
        let (_, index, fixture) = try Self.cadence()
        let agenda = Agenda(index: index, today: Self.today, days: 7)
        let contacts = agenda.items.filter { $0.kind == .contact }
        #expect(contacts.map(\.record.id) == ["gama", "jana-mala", "beta"])
        #expect(contacts.map(\.owner) == ["jana", "jana", "petr"])
        #expect(contacts.map(\.promise) == ["every 3m · never called", "every 1w · last call 21 days ago",
                                            "every 2w · last call 10 days ago"])
        let (_, later, laterFixture) = try Self.cadence(
            ["calls/2026/11/2026-11-20-gama-g1g1.yaml": "customer: gama\nat: 2026-11-20T09:00\nsubject: Schůzka\n"])
        #expect(!Agenda(index: later, today: Self.today, days: 7).items.contains { $0.record.id == "gama" })
        withExtendedLifetime((fixture, laterFixture)) {}
    }

    @Test("A bad cadence in the settings is reported with its place")
    func badSetting() throws {
        let fixture = try TemporaryWorkspace(files: [".crm/config.yaml": "name: test\ncadence:\n  smb: monthly\n"])
        let problem = try #require(fixture.workspace.problems.first)
        #expect(problem.message == "cadence of 'smb': 'monthly' is not a length")
        #expect(problem.location?.line == 3)
        #expect(problem.hint == CalendarLength.hint)
    }

    @Test("Lengths", arguments: [("30d", 30), ("6w", 42), ("3m", 90), ("1y", 365)])
    func lengths(text: String, days: Int) {
        #expect(CalendarLength(text)?.approximateDays == days)
        #expect(CalendarLength(text)?.description == text)
    }
}

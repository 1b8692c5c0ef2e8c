import CRMTestSupport
import Testing
@testable import CRMWorkflow
@testable import CRMWorkspace

/// The agenda and campaigns on `QueryFixture`, as of its Sunday 2026-11-22.
@Suite("Agenda and campaigns")
struct WorkflowTests {
    static func index(_ extra: [String: String] = [:]) throws -> (WorkspaceIndex, TemporaryWorkspace) {
        let fixture = try TemporaryWorkspace(files: QueryFixture.files.merging(extra) { $1 })
        return (WorkspaceIndex(workspace: fixture.workspace), fixture)
    }

    @Test("Overdue first, then today, then the coming days; done follow-ups and closed complaints left out")
    func agenda() throws {
        let (index, fixture) = try Self.index()
        let agenda = Agenda(index: index, today: QueryFixture.today, days: 7)
        // gama, active and never called since it was created on 2025-06-30, is 90 days past due for contact.
        #expect(agenda.overdue.map(\.record.id) == ["gama", "x3", "c3", "x5"])
        #expect(agenda.overdue.map(\.daysLate) == [420, 16, 12, 11])
        #expect(agenda.dueToday.isEmpty)
        #expect(agenda.upcoming.map(\.record.id) == ["x1"])
        #expect(agenda.items.map(\.kind) == [.contact, .deadline, .followUp, .deadline, .deadline])
        #expect(agenda.overdue.first?.promise == "every 90d · never called")
        let c3 = try #require(agenda.overdue.first { $0.record.id == "c3" })
        #expect(c3.promise == "Prohlídka provozu")
        #expect(c3.owner == "petr")
        #expect(c3.customer == "beta")
        let x5 = try #require(agenda.overdue.first { $0.record.id == "x5" })
        #expect(x5.due == CivilDate("2026-11-11"))
        withExtendedLifetime(fixture) {}
    }

    @Test("The window and the owner narrow the agenda")
    func narrowing() throws {
        let (index, fixture) = try Self.index()
        #expect(Agenda(index: index, today: QueryFixture.today, days: 1).items.map(\.record.id) == ["gama", "x3", "c3", "x5"])
        #expect(Agenda(index: index, today: QueryFixture.today, days: 7, owner: { $0 == "petr" }).items.map(\.record.id) == ["x3", "c3"])
        withExtendedLifetime(fixture) {}
    }

    @Test("Only a later call to the same customer settles a follow-up", arguments: [
        ("customer: beta\nat: 2026-11-02T10:00\nchannel: phone\nby: petr\nsubject: Později\n", true),
        ("customer: beta\nat: 2026-11-01T09:00\nchannel: phone\nby: petr\nsubject: Dříve\n", false),
        ("customer: beta\nat: 2026-11-02T09:00\nchannel: phone\nby: petr\nsubject: Zároveň\n", false),
        ("customer: acme\nat: 2026-11-05T09:00\nchannel: phone\nby: petr\nsubject: Jiný zákazník\n", false),
    ])
    func laterCall(other: String, settles: Bool) throws {
        let (index, fixture) = try Self.index(["calls/2026/11/c9.yaml": other])
        let call = try #require(index.record("c3"))
        #expect(Agenda.followUpIsPending(call, in: index) == !settles)
        #expect(Agenda(index: index, today: QueryFixture.today, days: 7).items.contains { $0.record.id == "c3" } == !settles)
        withExtendedLifetime(fixture) {}
    }

    @Test("A follow-up is done by follow-up-done or a later call to the customer")
    func followUpDone() throws {
        let done = "customer: beta\ncontact: ota\nat: 2026-11-02T09:00\nchannel: meeting\nby: petr\nsubject: Prohlídka provozu\n"
            + "follow-up: 2026-11-10\nfollow-up-done: 2026-11-09\n"
        let (marked, fixture) = try Self.index(["calls/2026/11/c3.yaml": done])
        #expect(!Agenda(index: marked, today: QueryFixture.today, days: 7).items.contains { $0.record.id == "c3" })
        let later = "customer: beta\nat: 2026-11-03T09:00\nchannel: phone\nby: petr\nsubject: Nabídka odeslána\n"
        let (called, other) = try Self.index(["calls/2026/11/c8.yaml": later])
        let pending = try #require(called.record("c3"))
        #expect(!Agenda.followUpIsPending(pending, in: called))
        #expect(!Agenda(index: called, today: QueryFixture.today, days: 7).items.contains { $0.record.id == "c3" })
        withExtendedLifetime((fixture, other)) {}
    }

    @Test("A campaign leaves out opt-outs of the offer and of everything, and offers declined on a call", arguments: [
        ("newsletter", ["beta/ota", "eva/-"], ["acme: opted out of newsletter", "delta: opted out of all contact",
                                                 "gama: declined newsletter on a call on 2026-11-21"]),
        ("NEWSLETTER", ["beta/ota", "eva/-"], ["acme: opted out of NEWSLETTER", "delta: opted out of all contact",
                                                 "gama: declined NEWSLETTER on a call on 2026-11-21"]),
        ("servis", ["acme/jan", "acme/pavla", "beta/ota", "eva/-", "gama/-"], ["delta: opted out of all contact"]),
    ])
    func campaign(_ offer: String, _ recipients: [String], _ exclusions: [String]) throws {
        let declined = "customer: gama\nat: 2026-11-21T10:00\nchannel: phone\nby: jana\nsubject: Newsletter\noutcome: declined:Newsletter\n"
        let (index, fixture) = try Self.index(["calls/2026/11/c7.yaml": declined])
        let campaign = Campaign(offer: offer, positions: index.positions(ofType: "customer"), index: index)
        #expect(campaign.recipients.map { "\($0.customer.id)/\($0.contact?.id ?? "-")" } == recipients)
        #expect(campaign.exclusions.map { "\($0.customer.id): \($0.reason)" } == exclusions)
        #expect(campaign.customers == Set(recipients.map { $0.split(separator: "/")[0] }).count)
        withExtendedLifetime(fixture) {}
    }

    @Test("A recipient's e-mail and phone are the contact's, else the customer's")
    func recipientDetails() throws {
        let (index, fixture) = try Self.index()
        let campaign = Campaign(offer: "servis", positions: index.positions(ofType: "customer"), index: index)
        let jan = try #require(campaign.recipients.first { $0.contact?.id == "jan" })
        #expect(jan.name == "Jan Novák")
        #expect(jan.email == "jan@acme.cz")
        let eva = try #require(campaign.recipients.first { $0.customer.id == "eva" })
        #expect(eva.name == "Eva Nováková")
        #expect(Campaign.declinedOffer(in: " declined: overdraft ") == "overdraft")
        #expect(Campaign.declinedOffer(in: "declined") == nil)
        withExtendedLifetime(fixture) {}
    }
}

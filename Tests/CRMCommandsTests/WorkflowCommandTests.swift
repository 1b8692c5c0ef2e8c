import Foundation
import Testing

/// The CRM's daily workflows through the command line, in a git repository: a complaint's life,
/// logging calls, follow-ups done, opt-outs, and what `crm commit` lets through.
@Suite("Workflows on the command line", .serialized)
struct WorkflowCommandTests {
    static let files = [
        "customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\nowner: jana\n",
        "customers/beta.yaml": "name: Beta a.s.\nstatus: active\nowner: petr\n",
        "contacts/jan.yaml": "name: Jan Novák\ncustomer: acme\n",
        "contacts/ota.yaml": "name: Ota Beran\ncustomer: beta\n",
        "calls/2026/11/c1.yaml": "customer: acme\nat: 2026-11-10T09:00\nby: jana\nsubject: Ceník\nfollow-up: 2026-11-20\n",
    ]

    @Test("A complaint goes open → in-progress → resolved with a resolution, and can be reopened")
    func complaintLife() throws {
        let fixture = try GitFixture(files: Self.files)
        let id = fixture.crm(["new", "complaint", "customer=acme", "subject=Leak", "severity=critical"]).output
            .trimmingCharacters(in: .newlines)
        #expect(try fixture.read("complaints/\(id).yaml").hasSuffix("subject: Leak\ndue: 2026-11-23\n"))
        let skipped = fixture.crm(["set", id, "status=resolved", "resolution=Fixed"])
        #expect(skipped.status == 2)
        #expect(skipped.errors == "crm: error: a complaint cannot go from open to resolved\nhint: from open it can go to in-progress or rejected\n")
        #expect(fixture.crm(["set", id, "status=in-progress"]).status == 0)
        let unexplained = fixture.crm(["set", id, "status=resolved"])
        #expect(unexplained.errors == "crm: error: a resolved complaint needs 'resolution'\nhint: give resolution=... with the change\n")
        let resolved = fixture.crm(["set", id, "status=resolved", "resolution=Seal replaced"])
        #expect(resolved.output == "\(id): status: in-progress → resolved\n\(id): + resolution: Seal replaced\n\(id): + closed: 2026-11-22\n")
        #expect(try fixture.git("log", "-1", "--format=%s") == "crm: set \(id) status=resolved resolution=Seal replaced\n")
        let reopened = fixture.crm(["set", id, "status=open"], extra: ["CRM_TODAY": "2026-11-25"])
        #expect(reopened.output == "\(id): status: resolved → open\n\(id): due: 2026-11-23 → 2026-11-26\n\(id): - closed: 2026-11-22\n")
        #expect(fixture.crm(["set", id, "status=rejected"]).errors.contains("a rejected complaint needs 'resolution'") == false)
        #expect(try fixture.git("status", "--porcelain") == "")
    }

    @Test("crm edit checks the workflow, and stamps closed when the edit resolves the complaint")
    func editorEdit() throws {
        let fixture = try GitFixture(files: Self.files.merging([
            "complaints/x1.yaml": "customer: acme\nopened: 2026-11-20\nstatus: in-progress\nseverity: high\nsubject: Leak\ndue: 2026-11-23\n",
        ]) { $1 })
        let skipped = fixture.crm(["edit", "x1"], input: ["d"], extra: ["EDITOR": "sed -i 's/status: in-progress/status: resolved/'"])
        #expect(skipped.status == 2)
        #expect(skipped.errors.hasPrefix("complaints/x1.yaml:3:9: error: a resolved complaint needs 'resolution'\n"))
        let resolved = fixture.crm(["edit", "x1"], extra: ["EDITOR": "sed -i 's/status: in-progress/status: resolved\\nresolution: Fixed/'"])
        #expect(resolved.status == 0)
        #expect(try fixture.read("complaints/x1.yaml").contains("status: resolved\nresolution: Fixed\nclosed: 2026-11-22\n"))
        #expect(resolved.output.contains("x1: + closed: 2026-11-22\n"))
    }

    @Test("crm commit refuses a hand edit that skips a step of the workflow")
    func handEdit() throws {
        let fixture = try GitFixture(files: Self.files.merging([
            "complaints/x1.yaml": "customer: acme\nopened: 2026-11-20\nstatus: open\nseverity: high\nsubject: Leak\ndue: 2026-11-23\n",
        ]) { $1 })
        try fixture.write("complaints/x1.yaml", "customer: acme\nopened: 2026-11-20\nstatus: resolved\nseverity: high\nsubject: Leak\n"
                          + "due: 2026-11-23\nresolution: Fixed\nclosed: 2026-11-21\n")
        let refused = fixture.crm(["commit", "-m", "by hand"])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("complaints/x1.yaml:3:9: error: a complaint cannot go from open to resolved"))
        try fixture.write("complaints/x1.yaml", "customer: acme\nopened: 2026-11-20\nstatus: in-progress\nseverity: high\nsubject: Leak\ndue: 2026-11-23\n")
        #expect(fixture.crm(["commit", "-m", "by hand"]).status == 0)
    }

    @Test("log-call records a call as you, now; declined:OFFER adds the opt-out in the same commit")
    func logCall() throws {
        let fixture = try GitFixture(files: Self.files)
        let logged = fixture.crm(["log-call", "acme", "--contact", "jan", "--subject", "Newsletter?", "--outcome", "declined:newsletter",
                                  "--follow-up", "+7d"], extra: ["CRM_USER": "lucie"])
        #expect(logged.status == 0)
        let id = logged.output.trimmingCharacters(in: .newlines)
        #expect(logged.errors == "acme: + opt-outs: newsletter\nc1: + follow-up-done: 2026-11-22\n")
        #expect(try fixture.read("calls/2026/11/\(id).yaml") == "customer: acme\ncontact: jan\nat: 2026-11-22T10:00\nchannel: phone\nby: lucie\n"
                    + "subject: Newsletter?\noutcome: declined:newsletter\nfollow-up: 2026-11-29\n")
        #expect(try fixture.read("customers/acme.yaml") == "name: Acme s.r.o.\nstatus: active\nowner: jana\nopt-outs: [newsletter]\n")
        #expect(try fixture.git("show", "--stat", "--format=%s", "HEAD").hasPrefix("crm: log-call acme \(id)\n\n calls/2026/11/\(id).yaml"))
        #expect(try fixture.git("show", "--stat", "--format=", "HEAD").contains("3 files changed"))
        #expect(try fixture.read("calls/2026/11/c1.yaml").hasSuffix("follow-up: 2026-11-20\nfollow-up-done: 2026-11-22\n"))
        let campaign = fixture.crm(["campaign", "select", "--offer", "Newsletter", "--format", "csv"])
        #expect(campaign.output == "customer,customer-name,contact,name,email,phone\r\nbeta,Beta a.s.,ota,Ota Beran,,\r\n")
        #expect(campaign.errors.hasPrefix("1 customer, 1 recipient for Newsletter; 1 excluded: 1 opted out of Newsletter\n"))
        let wrongContact = fixture.crm(["log-call", "acme", "--contact", "ota"])
        #expect(wrongContact.status == 2)
        #expect(wrongContact.errors.hasPrefix("crm: error: contact ota is a contact of beta, not of acme\n"))
    }

    @Test("The later call did the earlier follow-up; crm done marks one done by hand")
    func followUps() throws {
        let fixture = try GitFixture(files: Self.files.merging([
            "calls/2026/11/c2.yaml": "customer: beta\nat: 2026-11-12T09:00\nby: petr\nsubject: Servis\nfollow-up: 2026-11-24\n",
        ]) { $1 })
        #expect(fixture.crm(["agenda", "--format", "json"]).output.contains("\"id\": \"c1\""))
        try fixture.write("calls/2026/11/c3.yaml", "customer: acme\nat: 2026-11-21T09:00\nby: jana\nsubject: Ceník poslán\n")
        #expect(!fixture.crm(["agenda", "--format", "json"]).output.contains("\"id\": \"c1\""),
                "a later call written by hand does the follow-up too")
        try fixture.git("checkout", "--", ".")
        try FileManager.default.removeItem(atPath: fixture.root + "/calls/2026/11/c3.yaml")
        #expect(fixture.crm(["log-call", "acme", "--subject", "Ceník poslán"]).errors == "c1: + follow-up-done: 2026-11-22\n")
        #expect(!fixture.crm(["agenda", "--format", "json"]).output.contains("\"id\": \"c1\""))
        #expect(fixture.crm(["done", "c2"]).output == "c2: + follow-up-done: 2026-11-22\n")
        #expect(try fixture.read("calls/2026/11/c2.yaml").hasSuffix("follow-up: 2026-11-24\nfollow-up-done: 2026-11-22\n"))
        #expect(fixture.crm(["agenda"]).output == "Nothing due in the next 7 days.\n")
        #expect(fixture.crm(["done", "c2"]).errors == "c2: nothing changed\n")
        #expect(fixture.crm(["done", "beta"]).errors.hasPrefix("crm: error: a customer has no follow-up to mark done"))
    }

    @Test("--opt-out adds to a customer's opt-outs once")
    func optOut() throws {
        let fixture = try GitFixture(files: Self.files)
        #expect(fixture.crm(["set", "beta", "--opt-out", "newsletter", "--opt-out", "all"]).output == "beta: + opt-outs: [newsletter, all]\n")
        #expect(fixture.crm(["set", "beta", "--opt-out", "NEWSLETTER"]).errors == "beta: nothing changed\n")
        #expect(fixture.crm(["set", "jan", "--opt-out", "newsletter"]).errors.hasPrefix("crm: error: a contact has no opt-outs list"))
        #expect(fixture.crm(["set", "beta"]).status == 64)
    }
}

import Foundation
import Testing
@testable import CRMCommands

@Suite("Editing and history through libgit2, checked with the git CLI", .serialized)
struct GitTests {
    static let acme = "name: Acme Trading s.r.o.   # legal name\nstatus: active\ntags: [vip]\n"

    @Test("crm set commits exactly its file, as the git user, and leaves the user's work alone")
    func setCommits() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme, "customers/beta.yaml": "name: Beta\n"])
        try fixture.write("notes.txt", "mine\n")
        try fixture.git("add", "notes.txt")
        try fixture.write("notes.txt", "mine, changed again\n")
        try fixture.write("customers/beta.yaml", "name: Beta edited by hand\n")
        let before = try fixture.git("status", "--porcelain")
        let result = fixture.crm(["set", "acme", "status=churned"])
        #expect(result.status == 0)
        #expect(result.output == "acme: status: active → churned\n")
        #expect(try fixture.git("log", "-1", "--format=%an <%ae> %s") == "Jana Tester <jana@example.cz> crm: set acme status=churned\n")
        #expect(try fixture.git("show", "--stat", "--format=", "HEAD") == " customers/acme.yaml | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n")
        #expect(try fixture.git("status", "--porcelain") == before)
        #expect(try fixture.git("diff", "--cached", "--name-only") == "notes.txt\n")
        #expect(try fixture.read("customers/acme.yaml") == "name: Acme Trading s.r.o.   # legal name\nstatus: churned\ntags: [vip]\n")
        #expect(try fixture.git("show", "HEAD:customers/acme.yaml") == (try fixture.read("customers/acme.yaml")))
    }

    @Test("new, add, remove, unset, mv and rm each make one commit")
    func mutatingCommands() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        let created = fixture.crm(["new", "contact", "name=Jan Novák", "customer=acme", "role=nákupčí", "email=jan@acme.cz"])
        #expect(created.status == 0)
        #expect(created.output == "jan-novak\n")
        #expect(try fixture.read("contacts/jan-novak.yaml") == "name: Jan Novák\ncustomer: acme\nrole: nákupčí\nemail: jan@acme.cz\n")
        #expect(fixture.crm(["new", "contact", "name=Jan Novák"]).output == "jan-novak-2\n")
        #expect(fixture.crm(["add", "acme", "tags", "partner"]).output == "acme: + tags: partner\n")
        #expect(fixture.crm(["remove", "acme", "tags", "vip"]).output == "acme: - tags: vip\n")
        #expect(fixture.crm(["set", "acme", "address.city=Brno", "address.zip=602 00"]).status == 0)
        #expect(fixture.crm(["unset", "acme", "address.zip"]).status == 0)
        #expect(try fixture.read("customers/acme.yaml")
                    == "name: Acme Trading s.r.o.   # legal name\nstatus: active\naddress:\n  city: Brno\ntags: [partner]\n")
        let moved = fixture.crm(["mv", "acme", "acme-trading"])
        #expect(moved.output == "renamed customer acme to acme-trading; updated 1 reference\n")
        #expect(try fixture.read("contacts/jan-novak.yaml").contains("customer: acme-trading\n"))
        #expect(try fixture.git("show", "--stat", "--format=%s", "HEAD").contains("2 files changed"))
        let refused = fixture.crm(["rm", "acme-trading"])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("1 record refers to acme-trading:\n  contact jan-novak"))
        #expect(fixture.crm(["rm", "jan-novak-2"]).output == "deleted contact jan-novak-2\n")
        let subjects = try fixture.git("log", "--format=%s").split(separator: "\n")
        #expect(subjects == ["crm: rm contact jan-novak-2", "crm: mv acme acme-trading", "crm: unset acme address.zip",
                             "crm: set acme address.city=Brno address.zip=602 00", "crm: remove acme tags vip",
                             "crm: add acme tags partner", "crm: new contact jan-novak-2", "crm: new contact jan-novak",
                             "fixture", "crm: init"])
        #expect(try fixture.git("status", "--porcelain") == "")
    }

    @Test("New calls are dated and filed by month; complaints get their defaults")
    func datedIDs() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        let call = fixture.crm(["new", "call", "customer=acme", "subject=Ceník", "follow-up=+7d"])
        #expect(call.status == 0)
        let id = call.output.trimmingCharacters(in: .newlines)
        #expect(id.hasPrefix("2026-11-22-acme-") && id.count == "2026-11-22-acme-".count + 4)
        #expect(try fixture.read("calls/2026/11/\(id).yaml") == "customer: acme\nat: 2026-11-22T10:00\nchannel: phone\nsubject: Ceník\nfollow-up: 2026-11-29\n")
        let complaint = fixture.crm(["new", "complaint", "customer=acme", "subject=Late"]).output.trimmingCharacters(in: .newlines)
        #expect(try fixture.read("complaints/\(complaint).yaml")
                    == "customer: acme\nopened: 2026-11-22\nstatus: open\nseverity: normal\nsubject: Late\ndue: 2026-12-02\n")
    }

    @Test("Values are checked against their field's kind before anything is written", arguments: [
        (["set", "acme", "status=actve"], "status: 'actve' is not one of: lead, prospect, active, inactive, churned", "did you mean 'active'?"),
        (["set", "acme", "stauts=active"], "unknown field 'stauts' for a customer", "did you mean 'status'?"),
        (["set", "acme", "created=31.2.2026"], "created: '31.2.2026' is not a date", "write YYYY-MM-DD, today, tomorrow, yesterday, or +7d, -2w, +1m, +1y"),
        (["set", "acme", "email=jan"], "email: 'jan' is not an e-mail address", "write name@example.cz"),
        (["set", "acme", "reg-no=123"], "reg-no: '123' does not match the pattern '[0-9]{8}'", "IČO, the Czech company registration number"),
        (["set", "acme", "address=Brno"], "'address' is a map; set its entries", "for example address.street=..."),
        (["set", "acme", "name="], "'name' is required for a customer and cannot be empty", nil),
        (["new", "contact", "name=Eva", "customer=acne"], "customer: no customer 'acne'", "did you mean 'acme' (Acme Trading s.r.o.)?"),
        (["new", "call", "customer=acme", "at=soon"], "at: 'soon' is not a date and time", "write YYYY-MM-DDTHH:MM, or now"),
        (["new", "customer", "status=lead"], "a customer needs 'name'", "give name=..., or use --edit"),
        (["set", "nobody", "status=lead"], "no record 'nobody'", "`crm search WORDS` finds records by their content"),
        (["unset", "acme", "name"], "'name' is required for a customer and cannot be removed", nil),
        (["remove", "acme", "tags", "gold"], "tags of acme does not hold 'gold'", "it holds: vip"),
        (["mv", "acme", "Acme Corp"], "invalid id 'Acme Corp': an id is lowercase: 'A' is uppercase", "for example acme-corp"),
    ] as [([String], String, String?)])
    func refusedValues(_ arguments: [String], _ message: String, _ hint: String?) throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        let commits = try fixture.git("rev-list", "--count", "HEAD")
        let result = fixture.crm(arguments)
        #expect(result.status == (message.hasPrefix("unknown field") || message.contains("is a map") ? 64 : 2))
        #expect(result.errors == "crm: error: \(message)\n" + (hint.map { "hint: \($0)\n" } ?? ""))
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
        #expect(try fixture.git("rev-list", "--count", "HEAD") == commits)
        #expect(try fixture.git("status", "--porcelain") == "")
    }

    @Test("A record that does not parse is never rewritten")
    func unparsableRecord() throws {
        let broken = "name: Broken\nstatus: [active\n"
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        try fixture.write("customers/broken.yaml", broken)
        for arguments in [["set", "broken", "status=lead"], ["unset", "broken", "status"], ["add", "broken", "tags", "x"]] {
            let result = fixture.crm(arguments)
            #expect(result.status == 2)
            #expect(result.errors.hasPrefix("crm: error: customers/broken.yaml does not parse, so crm will not change it:\n"))
            #expect(try fixture.read("customers/broken.yaml") == broken)
        }
        let moved = fixture.crm(["mv", "acme", "acme-2"])
        #expect(moved.status == 2)
        #expect(moved.errors.contains("1 record do not parse: customers/broken.yaml"))
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/customers/acme.yaml"))
    }

    @Test("Without git, writing works and history commands say how to start one")
    func withoutGit() throws {
        let folder = try CLIHarness.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(CLIHarness.run(["init", "ws"], in: folder).status == 0)
        let created = CLIHarness.run(["new", "customer", "name=Acme"], in: folder + "/ws")
        #expect(created.status == 0)
        for command in [["log"], ["blame", "acme"], ["diff"], ["status"]] {
            let result = CLIHarness.run(command, in: folder + "/ws")
            #expect(result.status == 2)
            #expect(result.errors == """
                crm: error: the workspace is not in a git repository, so it has no history
                hint: start one with `crm init --git` in \(folder)/ws

                """)
        }
        let identity = ["GIT_AUTHOR_NAME": "Jana Tester", "GIT_AUTHOR_EMAIL": "jana@example.cz",
                        "GIT_COMMITTER_NAME": "Jana Tester", "GIT_COMMITTER_EMAIL": "jana@example.cz"]
        #expect(CLIHarness.run(["init", "--git"], in: folder + "/ws", environment: identity).status == 0)
        #expect(CLIHarness.run(["log", "--format", "json"], in: folder + "/ws").status == 0)
    }

    @Test("--no-commit and auto-commit: false change files only; crm status and crm commit take it from there")
    func commitLater() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        #expect(fixture.crm(["set", "acme", "status=lead", "--no-commit"]).status == 0)
        try fixture.write("customers/new-one.yaml", "name: New one\nstatus: bogus\n")
        let status = fixture.crm(["status"])
        #expect(status.output == """
            change    type      id       check
            modified  customer  acme     valid
            added     customer  new-one  1 problem

            1 record with problems; `crm check` shows them

            """)
        let refused = fixture.crm(["commit"])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("customers/new-one.yaml:2:9: error: 'bogus' is not one of"))
        #expect(refused.errors.contains("crm: error: not committed: 1 problem in the changes"))
        try fixture.write("customers/new-one.yaml", "name: New one\nstatus: lead\n")
        #expect(fixture.crm(["commit", "-m", "by hand"]).output.hasPrefix("committed 2 records as "))
        #expect(try fixture.git("show", "--stat", "--format=%s", "HEAD").contains("by hand"))
        #expect(fixture.crm(["status"]).output == "no changes since the last commit\n")
        try fixture.write(".crm/config.yaml", "name: test\nauto-commit: false\n")
        try fixture.git("commit", "-qam", "auto-commit off")
        #expect(fixture.crm(["set", "acme", "status=active"]).status == 0)
        #expect(try fixture.git("status", "--porcelain") == " M customers/acme.yaml\n")
    }

    @Test("A failed commit puts every file back")
    func failedCommitRollsBack() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        let head = try fixture.git("rev-parse", "HEAD")
        let ref = try fixture.git("symbolic-ref", "HEAD").trimmingCharacters(in: .newlines)
        try Data().write(to: URL(fileURLWithPath: fixture.root + "/.git/" + ref + ".lock"))
        let result = fixture.crm(["set", "acme", "status=churned"])
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("crm: error: the change was not made: cannot move \(ref)"), "\(result.errors)")
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
        #expect(try fixture.git("rev-parse", "HEAD") == head)
    }

    @Test("show and list read the workspace as it was at a revision or date")
    func atRevision() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        fixture.crm(["set", "acme", "status=churned"])
        fixture.crm(["new", "customer", "name=Beta"])
        #expect(fixture.crm(["list", "customer", "--format", "ids", "--at", "HEAD~1"]).output == "acme\n")
        #expect(fixture.crm(["list", "customer", "--format", "ids"]).output == "acme\nbeta\n")
        #expect(fixture.crm(["show", "acme", "--at", "HEAD~2", "--format", "yaml"]).output == Self.acme)
        #expect(fixture.crm(["show", "acme", "--at", "HEAD", "--format", "json"]).output.contains("\"status\": \"churned\""))
        let tooEarly = fixture.crm(["list", "customer", "--at", "2020-01-01"])
        #expect(tooEarly.errors.contains("there is no commit before then"))
        #expect(fixture.crm(["list", "customer", "--format", "ids", "--at", "2030-01-01"]).output == "acme\nbeta\n")
    }
}

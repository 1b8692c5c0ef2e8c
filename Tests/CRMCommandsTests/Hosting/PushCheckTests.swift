import Foundation
import Testing

/// The server's check against its kept copy of the last tip that passed: a push is checked as a
/// change, a refused push leaves the copy as it was, and a missing or damaged copy is written
/// out again, with the same answers as a check of the whole tip.
@Suite("Pushes checked as changes against the last tip that passed", .serialized)
struct PushCheckTests {
    static let files = [
        "customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\n",
        "customers/beta.yaml": "name: Beta a.s.\nstatus: active\n",
        "complaints/2026/2026-11-20-late.yaml":
            "subject: Late delivery\ncustomer: acme\nopened: 2026-11-20\nstatus: open\nseverity: normal\n",
    ]

    /// A workspace pushed once into a bare repository with crm's server hook.
    struct Server {
        let fixture: GitFixture
        let bare: String

        init() throws {
            fixture = try GitFixture(files: PushCheckTests.files)
            bare = fixture.root + "-server.git"
            #expect(try GitFixture.shell(["git", "init", "-q", "--bare", bare]).status == 0)
            #expect(try GitFixture.shell([GitFixture.executable, "setup-git", "--server", bare]).status == 0)
            _ = try git(["remote", "add", "origin", bare])
            #expect(try push().status == 0)
        }

        func git(_ arguments: [String]) throws -> CLIHarness.Result {
            try HookTests.git(arguments, in: fixture)
        }

        func push() throws -> CLIHarness.Result {
            try git(["push", "origin", "HEAD:refs/heads/main"])
        }

        /// Commits everything as it is in the workspace, without the local hook's say.
        func commit(_ message: String) throws {
            #expect(try git(["add", "-A"]).status == 0)
            #expect(try git(["commit", "-qm", message, "--no-verify"]).status == 0)
        }

        var checked: String { bare + "/crm/checked" }

        /// The commit the kept copy holds, as the hook wrote it.
        func checkedCommit() -> String? {
            (try? String(contentsOfFile: checked + "/commit", encoding: .utf8))?.split(separator: "\n").first.map(String.init)
        }

        func head(_ revision: String = "HEAD") throws -> String {
            try git(["rev-parse", revision]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: bare)
        }
    }

    @Test("The first push writes the copy; a deleted record still referred to is refused and the copy keeps the last good tip")
    func refusedChange() throws {
        let server = try Server()
        defer { server.remove() }
        #expect(server.checkedCommit() == (try server.head()))
        let good = try server.head()
        try FileManager.default.removeItem(atPath: server.fixture.root + "/customers/acme.yaml")
        try server.commit("acme gone")
        let refused = try server.push()
        #expect(refused.status != 0)
        #expect(refused.errors.contains("remote: complaints/2026/2026-11-20-late.yaml:2:11: error:"), "\(refused.errors)")
        #expect(refused.errors.contains("refers to acme"), "\(refused.errors)")
        #expect(server.checkedCommit() == good)
        #expect(FileManager.default.fileExists(atPath: server.checked + "/tree/customers/acme.yaml"))
        try server.fixture.write("complaints/2026/2026-11-20-late.yaml",
                                 "subject: Late delivery\ncustomer: beta\nopened: 2026-11-20\nstatus: open\nseverity: normal\n")
        try server.commit("the complaint is Beta's")
        let fixed = try server.push()
        #expect(fixed.status == 0, "\(fixed.errors)")
        #expect(server.checkedCommit() == (try server.head()))
        #expect(!FileManager.default.fileExists(atPath: server.checked + "/tree/customers/acme.yaml"))
    }

    @Test("A push of several commits is judged by its tip: a record moved two allowed steps passes")
    func stepsBetween() throws {
        let server = try Server()
        defer { server.remove() }
        let path = "complaints/2026/2026-11-20-late.yaml"
        try server.fixture.write(path, "subject: Late delivery\ncustomer: acme\nopened: 2026-11-20\nstatus: in-progress\nseverity: normal\n")
        try server.commit("working on it")
        try server.fixture.write(path, "subject: Late delivery\ncustomer: acme\nopened: 2026-11-20\nstatus: resolved\nseverity: normal\n"
                                     + "resolution: Sent again\nclosed: 2026-11-22\n")
        try server.commit("resolved")
        let pushed = try server.push()
        #expect(pushed.status == 0, "\(pushed.errors)")
        #expect(server.checkedCommit() == (try server.head()))
    }

    @Test("A changed type is a change to everything: records it breaks are refused although the push did not touch them")
    func changedSchema() throws {
        let server = try Server()
        defer { server.remove() }
        let type = try String(contentsOfFile: server.fixture.root + "/.crm/types/customer.yaml", encoding: .utf8)
        let narrowed = type.replacing("values: [lead, prospect, active, inactive, churned]", with: "values: [lead, prospect, inactive, churned]")
        #expect(narrowed != type, "the customer type's statuses moved; update this test")
        try server.fixture.write(".crm/types/customer.yaml", narrowed)
        try server.commit("no more active customers")
        let refused = try server.push()
        #expect(refused.status != 0)
        #expect(refused.errors.contains("remote: customers/acme.yaml:2:9: error:"), "\(refused.errors)")
        #expect(refused.errors.contains("remote: customers/beta.yaml:2:9: error:"), "\(refused.errors)")
    }

    @Test("A missing, damaged or foreign copy is written out again and the whole tip checked", arguments: ["missing", "damaged", "gone"])
    func rebuilt(damage: String) throws {
        let server = try Server()
        defer { server.remove() }
        switch damage {
        case "missing": try FileManager.default.removeItem(atPath: server.checked)
        case "damaged": try "not a commit\n".write(toFile: server.checked + "/commit", atomically: true, encoding: .utf8)
        default: try "\(String(repeating: "a", count: 40))\n\n".write(toFile: server.checked + "/commit", atomically: true, encoding: .utf8)
        }
        try FileManager.default.removeItem(atPath: server.fixture.root + "/customers/acme.yaml")
        try server.commit("acme gone")
        let refused = try server.push()
        #expect(refused.status != 0)
        #expect(refused.errors.contains("remote: complaints/2026/2026-11-20-late.yaml:2:11: error:"), "\(refused.errors)")
        let good = try server.head("HEAD~1")
        #expect(server.checkedCommit() == nil || server.checkedCommit() == good)
        _ = try server.git(["reset", "-q", "--hard", "HEAD~1"])
        try server.fixture.write("customers/gamma.yaml", "name: Gamma k.s.\nstatus: lead\n")
        try server.commit("gamma")
        #expect(try server.push().status == 0)
        #expect(server.checkedCommit() == (try server.head()))
    }
}

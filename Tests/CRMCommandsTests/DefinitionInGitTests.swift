import Foundation
import Testing
@testable import CRMCommands

/// The workspace's definition (settings, types, saved queries and reports, .gitignore,
/// .gitattributes) is part of the workspace in git, as its records are: `crm init` in a
/// repository commits it, `crm status` and `crm commit` see it, `crm sync` needs it committed.
@Suite("The workspace definition in git", .serialized)
struct DefinitionInGitTests {
    static let identity = ["GIT_AUTHOR_NAME": "Jana Tester", "GIT_AUTHOR_EMAIL": "jana@example.cz",
                           "GIT_COMMITTER_NAME": "Jana Tester", "GIT_COMMITTER_EMAIL": "jana@example.cz"]

    static func git(_ arguments: [String], in folder: String) throws -> CLIHarness.Result {
        try GitFixture.shell(["git", "-C", folder] + arguments, environment: identity)
    }

    @Test("git init, crm init, records, crm commit: a teammate's clone is the same workspace")
    func initThenClone() throws {
        let folder = try CLIHarness.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repository = folder + "/team"
        #expect(try GitFixture.shell(["git", "init", "-q", "-b", "main", repository]).status == 0)
        let initialized = CLIHarness.run(["init", "--name", "team"], in: repository, environment: Self.identity)
        #expect(initialized.status == 0, "\(initialized.errors)")
        #expect(initialized.output.contains("git merges records with `crm merge-file %O %A %B --path %P` in this clone"))
        #expect(initialized.output.contains("Committed 14 files as "), "\(initialized.output)")
        #expect(try Self.git(["status", "--porcelain", "--untracked-files=all"], in: repository).output == "")
        let tracked = try Self.git(["ls-files"], in: repository).output
        for file in [".crm/config.yaml", ".crm/types/customer.yaml", ".crm/reports/complaints.yaml", ".gitignore", ".gitattributes"] {
            #expect(tracked.contains(file + "\n"), "\(tracked)")
        }
        #expect(CLIHarness.run(["new", "customer", "name=Acme s.r.o."], in: repository, environment: Self.identity).status == 0)
        let clone = folder + "/clone"
        #expect(try GitFixture.shell(["git", "clone", "-q", repository, clone]).status == 0)
        #expect(CLIHarness.run(["list", "customer", "--format", "ids"], in: clone).output == "acme\n")
        #expect(CLIHarness.run(["check"], in: clone).status == 0)
    }

    @Test("crm init --no-commit in a repository leaves the definition for crm status and crm commit")
    func initWithoutCommit() throws {
        let folder = try CLIHarness.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try GitFixture.shell(["git", "init", "-q", "-b", "main", folder]).status == 0)
        let initialized = CLIHarness.run(["init", "--no-commit"], in: folder, environment: Self.identity)
        #expect(initialized.output.contains("Left 14 files uncommitted (--no-commit); `crm commit` commits them"), "\(initialized.output)")
        let status = CLIHarness.run(["status", "--format", "csv"], in: folder)
        #expect(status.status == 0)
        #expect(status.output.contains("\n,,settings,.crm/config.yaml,added,true,\r\n") || status.output.contains(",settings,.crm/config.yaml,added,true"),
                "\(status.output)")
        #expect(status.output.contains("type,.crm/types/call.yaml,added,true"), "\(status.output)")
        #expect(status.output.contains("git,.gitattributes,added,true"), "\(status.output)")
        let committed = CLIHarness.run(["commit", "-m", "the workspace"], in: folder, environment: Self.identity)
        #expect(committed.output.hasPrefix("committed 14 files as "), "\(committed.output)\(committed.errors)")
        #expect(try Self.git(["status", "--porcelain", "--untracked-files=all"], in: folder).output == "")
    }

    @Test("A type file and the settings edited by hand show in crm status and are committed; a broken type file is refused")
    func handEditedDefinition() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": "name: Acme\n"])
        let type = try fixture.read(".crm/types/customer.yaml")
        try fixture.write(".crm/types/customer.yaml", type + "\nrating:\n  kind: number\n")
        try fixture.write(".crm/config.yaml", try fixture.read(".crm/config.yaml").replacing("currency: CZK", with: "currency: EUR"))
        let status = fixture.crm(["status"])
        #expect(status.output == """
            change    type      id                        check
            modified  settings  .crm/config.yaml          valid
            modified  type      .crm/types/customer.yaml  valid

            """, "\(status.output)")
        let committed = fixture.crm(["commit"])
        #expect(committed.output.hasPrefix("committed 2 files as "), "\(committed.errors)")
        #expect(try fixture.git("show", "--name-only", "--format=%s", "HEAD") == "crm: commit 2 files (.crm/config.yaml, .crm/types/customer.yaml)\n\n.crm/config.yaml\n.crm/types/customer.yaml\n")
        try fixture.write(".crm/types/customer.yaml", type + "\nrating:\n  kind: numbr\n")
        let broken = fixture.crm(["status"])
        #expect(broken.status == 1)
        #expect(broken.output.contains("modified  type  .crm/types/customer.yaml  1 problem"), "\(broken.output)")
        let refused = fixture.crm(["commit"])
        #expect(refused.status == 2)
        #expect(refused.errors.contains(".crm/types/customer.yaml:"), "\(refused.errors)")
        #expect(refused.errors.contains("crm: error: not committed: "), "\(refused.errors)")
        let remote = fixture.root + ".remote"
        defer { try? FileManager.default.removeItem(atPath: remote) }
        #expect(try GitFixture.shell(["git", "init", "-q", "--bare", remote]).status == 0)
        try fixture.git("remote", "add", "origin", remote)
        let sync = fixture.crm(["sync"])
        #expect(sync.status == 2)
        #expect(sync.errors.contains("  modified: .crm/types/customer.yaml"), "\(sync.errors)")
    }

    @Test("A record deleted by hand while others refer to it is a problem for crm status and crm commit")
    func deletedWhileReferred() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": "name: Acme\n",
                                             "contacts/jan.yaml": "name: Jan\ncustomer: acme\n"])
        try FileManager.default.removeItem(atPath: fixture.root + "/customers/acme.yaml")
        let status = fixture.crm(["status"])
        #expect(status.status == 1)
        #expect(status.output.contains("1 problem in other files, caused by the changes"), "\(status.output)")
        let refused = fixture.crm(["commit"])
        #expect(refused.status == 2)
        #expect(refused.errors.hasPrefix("contacts/jan.yaml:2:11: error: 'customer' refers to acme, which is deleted (customers/acme.yaml)"),
                "\(refused.errors)")
        #expect(fixture.crm(["commit", "--force"]).status == 0)
    }
}

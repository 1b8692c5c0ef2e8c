import Foundation
import Testing

/// crm's check in git's own hooks: a commit made with `git commit` and a push into a server's
/// bare repository, both through the real git CLI, with the hooks `crm setup-git` installed.
@Suite("Hooks: git commit and git push checked", .serialized)
struct HookTests {
    static let files = ["customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\n"]

    /// Runs the built `crm` binary (hooks record the path of the binary that installs them).
    @discardableResult
    static func crm(_ arguments: [String], in fixture: GitFixture) throws -> CLIHarness.Result {
        try GitFixture.shell([GitFixture.executable, "-C", fixture.root] + arguments, environment: fixture.environment)
    }

    /// The real git in the workspace, whatever its exit status.
    static func git(_ arguments: [String], in fixture: GitFixture) throws -> CLIHarness.Result {
        try GitFixture.shell(["git", "-C", fixture.root] + arguments, environment: fixture.environment)
    }

    @Test("git commit of a bad record is refused with crm's diagnostics; --no-verify, git commit -a and a kept hook behave as git promises")
    func preCommit() throws {
        let fixture = try GitFixture(files: Self.files)
        let hooks = fixture.root + "/.git/hooks"
        try Data("#!/bin/sh\necho ran >> \"$(git rev-parse --git-dir)/earlier-hook-ran\"\n".utf8).write(to: URL(fileURLWithPath: hooks + "/pre-commit"))
        chmod(hooks + "/pre-commit", 0o755)
        let installed = try Self.crm(["setup-git", "--hooks"], in: fixture)
        #expect(installed.status == 0, "\(installed.errors)")
        #expect(installed.output.contains("installed the pre-commit hook in \(hooks) (the hook that was there runs first, as pre-commit.before-crm)"))
        #expect(try Self.crm(["setup-git", "--hooks"], in: fixture).output.contains("the pre-commit hook in \(hooks) is crm's already"))
        try fixture.write("customers/beta.yaml", "name: Beta a.s.\nstatuss: active\n")
        _ = try Self.git(["add", "customers/beta.yaml"], in: fixture)
        let refused = try Self.git(["commit", "-qm", "a bad record"], in: fixture)
        #expect(refused.status != 0)
        #expect(refused.errors.contains("customers/beta.yaml:2:1: error: unknown field 'statuss' for a customer"), "\(refused.errors)")
        #expect(refused.errors.contains("crm: error: the commit is refused: 1 error in the records"))
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/.git/earlier-hook-ran"))
        try fixture.write("customers/beta.yaml", "name: Beta a.s.\nstatus: active\n")
        _ = try Self.git(["add", "customers/beta.yaml"], in: fixture)
        #expect(try Self.git(["commit", "-qm", "a good record"], in: fixture).status == 0)
        try fixture.write("customers/acme.yaml", "name: Acme s.r.o.\nstatus: bogus\n")
        let all = try Self.git(["commit", "-qam", "commit -a stages into its own index"], in: fixture)
        #expect(all.status != 0)
        #expect(all.errors.contains("customers/acme.yaml:2:9: error: 'bogus' is not one of"), "\(all.errors)")
        #expect(try Self.git(["commit", "-qam", "anyway", "--no-verify"], in: fixture).status == 0)
        #expect(try fixture.git("log", "-1", "--format=%s") == "anyway\n")
    }

    @Test("crm's own commits run the hook against what crm commits, and pass")
    func crmCommits() throws {
        let fixture = try GitFixture(files: Self.files)
        #expect(try Self.crm(["setup-git", "--hooks"], in: fixture).status == 0)
        let set = try Self.crm(["set", "acme", "status=inactive"], in: fixture)
        #expect(set.status == 0, "\(set.errors)")
        #expect(try fixture.git("log", "-1", "--format=%s") == "crm: set acme status=inactive\n")
    }

    @Test("A push whose records fail is refused; the pusher sees each problem; good pushes, deletions and 1,000 records pass")
    func preReceive() throws {
        let fixture = try GitFixture(files: Self.files)
        let server = fixture.root + "-server.git"
        defer { try? FileManager.default.removeItem(atPath: server) }
        #expect(try GitFixture.shell(["git", "init", "-q", "--bare", server]).status == 0)
        let installed = try GitFixture.shell([GitFixture.executable, "setup-git", "--server", server])
        #expect(installed.output == "installed the pre-receive hook in \(server)/hooks\n", "\(installed.errors)")
        _ = try Self.git(["remote", "add", "origin", server], in: fixture)
        #expect(try Self.git(["push", "-q", "origin", "HEAD:refs/heads/main"], in: fixture).status == 0)
        for number in 0..<1000 { try fixture.write("customers/c\(number).yaml", "name: Customer \(number)\nstatus: active\n") }
        #expect(fixture.crm(["commit", "-m", "1,000 customers"]).status == 0)
        let many = try Self.git(["push", "-q", "origin", "HEAD:refs/heads/main"], in: fixture)
        #expect(many.status == 0, "\(many.errors)")
        try fixture.write("customers/c7.yaml", "name: Customer 7\nstatus: nope\n")
        _ = try Self.git(["commit", "-qam", "bad", "--no-verify"], in: fixture)
        let refused = try Self.git(["push", "origin", "HEAD:refs/heads/main"], in: fixture)
        #expect(refused.status != 0)
        #expect(refused.errors.contains("remote: customers/c7.yaml:2:9: error: 'nope' is not one of"), "\(refused.errors)")
        #expect(refused.errors.contains("remote: crm: error: the push of refs/heads/main is refused: 1 error in the records"))
        #expect(refused.errors.contains("pre-receive hook declined"))
        #expect(try GitFixture.shell(["git", "-C", server, "log", "-1", "--format=%s", "main"]).output == "1,000 customers\n")
        _ = try Self.git(["push", "-q", "origin", "HEAD~1:refs/heads/topic"], in: fixture)
        #expect(try Self.git(["push", "-q", "origin", ":refs/heads/topic"], in: fixture).status == 0)
    }

    @Test("crm clone: git clone, the merge driver and the hook set up, the check run, the workspace summed up")
    func clone() throws {
        let fixture = try GitFixture(files: Self.files)
        let target = fixture.root + "-clone"
        defer { try? FileManager.default.removeItem(atPath: target) }
        let cloned = try GitFixture.shell([GitFixture.executable, "clone", fixture.root, target, "--hooks"], environment: fixture.environment)
        #expect(cloned.status == 0, "\(cloned.errors)")
        #expect(cloned.output.contains("cloned \(fixture.root) into \(target)\n"))
        #expect(cloned.output.contains("no problems found (1 record checked)\n"))
        #expect(cloned.output.hasSuffix("test: 1 customer\n"))
        #expect(try GitFixture.shell(["git", "-C", target, "config", "merge.crm.driver"]).output == "crm merge-file %O %A %B --path %P\n")
        #expect(FileManager.default.isExecutableFile(atPath: target + "/.git/hooks/pre-commit"))
        let again = try GitFixture.shell([GitFixture.executable, "clone", fixture.root, target])
        #expect(again.status == 2)
        #expect(again.errors.contains("\(target) exists and is not empty"))
    }
}

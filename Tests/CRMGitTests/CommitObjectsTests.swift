import CRMTestSupport
import Foundation
import Testing
@testable import CRMGit
@testable import CRMWorkspace

/// Commits built the way `git commit --only` builds them, checked with the git command: blobs
/// through git's filters, trees from HEAD's, HEAD moved only from where it was.
@Suite("Commit objects, filters and HEAD")
struct CommitObjectsTests {
    @Test("A working file is stored through an external clean filter, as git add stores it")
    func externalFilter() throws {
        let fixture = try GitWorkspace(files: [".gitattributes": "customers/*.yaml filter=rot13\n"])
        try fixture.git("config", "filter.rot13.clean", "tr A-Za-z N-ZA-Mn-za-m")
        try fixture.git("config", "filter.rot13.smudge", "tr A-Za-z N-ZA-Mn-za-m")
        try fixture.write("customers/acme.yaml", "name: Acme\n")
        let repository = try #require(try Repository.discover(containing: fixture.root))
        let blob = try repository.storeBlob("customers/acme.yaml", environment: fixture.environment)
        #expect(blob == (try fixture.git("hash-object", "--path", "customers/acme.yaml", "customers/acme.yaml")).trimmingWhitespace())
        #expect(try fixture.git("cat-file", "-p", blob) == "anzr: Npzr\n")
    }

    @Test("A filter git would need but cannot run is refused, never stored unfiltered")
    func requiredFilterMissing() throws {
        let fixture = try GitWorkspace(files: [".gitattributes": "customers/*.yaml filter=crypt\n"])
        try fixture.git("config", "filter.crypt.required", "true")
        try fixture.write("customers/acme.yaml", "name: Acme\n")
        let repository = try #require(try Repository.discover(containing: fixture.root))
        #expect {
            try repository.storeBlob("customers/acme.yaml", environment: fixture.environment)
        } throws: { error in
            (error as? GitError)?.message.contains("required (filter.crypt.required)") == true
        }
    }

    @Test("Line-ending rules apply: a CRLF record is stored with LF under text eol=crlf")
    func lineEndings() throws {
        let fixture = try GitWorkspace(files: [".gitattributes": "*.yaml text eol=crlf\n"])
        try fixture.write("customers/acme.yaml", "name: Acme\r\nstatus: active\r\n")
        let repository = try #require(try Repository.discover(containing: fixture.root))
        let blob = try repository.storeBlob("customers/acme.yaml", environment: fixture.environment)
        #expect(try fixture.git("cat-file", "-p", blob) == "name: Acme\nstatus: active\n")
    }

    @Test("HEAD moves only from where it was read; a HEAD moved meanwhile is reported and left alone")
    func compareAndSwap() throws {
        let fixture = try GitWorkspace()
        let repository = try #require(try Repository.discover(containing: fixture.root))
        let target = try repository.headTarget()
        #expect(target.reference == "refs/heads/main")
        let head = try #require(target.commit)
        let tree = try repository.treeID(of: head)
        let signature = Signature(name: "Jana Tester", email: "jana@example.cz", time: 1_795_000_000, offset: 60)
        let first = try repository.createCommit(tree: tree, parents: [head], message: "first\n", author: signature, committer: signature)
        let second = try repository.createCommit(tree: tree, parents: [head], message: "second\n", author: signature, committer: signature)
        #expect((try fixture.git("rev-parse", "HEAD")).trimmingWhitespace() == head)
        try repository.moveHead(target, to: first, reflog: "commit: first")
        #expect {
            try repository.moveHead(target, to: second, reflog: "commit: second")
        } throws: { error in
            (error as? GitError)?.code == -15
        }
        #expect((try fixture.git("rev-parse", "HEAD")).trimmingWhitespace() == first)
        try repository.moveBack(HeadTarget(reference: target.reference, commit: head), from: first)
        #expect((try fixture.git("rev-parse", "HEAD")).trimmingWhitespace() == head)
        #expect(try fixture.git("reflog", "-1", "--format=%gs").contains("undo"))
    }

    @Test("Hooks come from core.hooksPath, relative to the working folder, and their output is kept")
    func hooks() throws {
        let fixture = try GitWorkspace()
        try fixture.git("config", "core.hooksPath", "githooks")
        try fixture.write("githooks/pre-commit", "#!/bin/sh\necho checking \"$1\"\necho warned >&2\nexit 3\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.root + "/githooks/pre-commit")
        try fixture.write("githooks/commit-msg", "echo no shebang line\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.root + "/githooks/commit-msg")
        let repository = try #require(try Repository.discover(containing: fixture.root))
        let hooks = try Hooks(repository: repository, environment: fixture.environment)
        #expect(hooks.folder == fixture.root + "/githooks")
        #expect(hooks.path(of: "post-commit") == nil)
        let run = try #require(try hooks.run("pre-commit", ["x"], environment: fixture.environment))
        #expect(run.result.status == 3)
        #expect(run.output == "checking x\nwarned\n")
        let plain = try #require(try hooks.run("commit-msg", [], environment: fixture.environment))
        #expect(plain.result.succeeded && plain.output == "no shebang line\n")
    }
}

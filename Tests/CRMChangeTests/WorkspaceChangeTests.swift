import CRMTestSupport
import Foundation
import Testing
@testable import CRMChange
@testable import CRMGit
@testable import CRMWorkspace

/// The one way to change a workspace, checked against the real git command: a change is
/// committed whole with exactly its files, or nothing changes at all.
@Suite("Changing a workspace")
struct WorkspaceChangeTests {
    static let acme = "name: Acme\nstatus: active\n"

    static func fixture(_ files: [String: String] = ["customers/acme.yaml": acme]) throws -> GitWorkspace {
        try GitWorkspace(files: files)
    }

    static func options(_ fixture: GitWorkspace, verifies: Bool = true) -> ChangeOptions {
        ChangeOptions(verifies: verifies, environment: fixture.environment, indexLockWait: 0.2)
    }

    @Test("A change commits exactly its files, as one commit; the user's staged work stays staged")
    func commitsExactly() throws {
        let fixture = try Self.fixture()
        try fixture.write("notes.txt", "mine\n")
        try fixture.git("add", "notes.txt")
        var change = try WorkspaceChange(fixture.workspace, options: Self.options(fixture))
        change.write(Array("name: Acme\nstatus: inactive\n".utf8), to: "customers/acme.yaml")
        change.write(Array("name: Beta\n".utf8), to: "customers/beta.yaml")
        let outcome = try change.apply(message: "crm: two customers")
        let commit = try #require(outcome.commit)
        #expect(try fixture.git("log", "-1", "--format=%H %s") == "\(commit.id) crm: two customers\n")
        #expect(try fixture.git("show", "--name-only", "--format=", "HEAD") == "customers/acme.yaml\ncustomers/beta.yaml\n")
        #expect(try fixture.git("status", "--porcelain") == "A  notes.txt\n")
        try fixture.git("fsck", "--strict")
    }

    @Test("A record that would not be valid is refused, and nothing changes")
    func refusesInvalid() throws {
        let fixture = try Self.fixture()
        var change = try WorkspaceChange(fixture.workspace, options: Self.options(fixture))
        change.write(Array("name: Acme\nstatus: bogus\n".utf8), to: "customers/acme.yaml")
        #expect {
            try change.apply(message: "crm: set")
        } throws: { error in
            guard let error = error as? ChangeError, error.reason == .invalid else { return false }
            return error.problems.first?.message.contains("bogus") == true
        }
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
        #expect(try fixture.git("status", "--porcelain") == "")
    }

    @Test("Hand edits that are not valid are refused; valid ones are named and committed with the change")
    func handEdits() throws {
        let fixture = try Self.fixture()
        try fixture.write("customers/acme.yaml", "name: Acme\nstatus: bogus\n")
        do {
            var refused = try WorkspaceChange(fixture.workspace, options: Self.options(fixture))
            refused.write(Array("name: Acme\nstatus: bogus\nowner: jana\n".utf8), to: "customers/acme.yaml")
            #expect(throws: ChangeError.self) { try refused.apply(message: "crm: set acme owner=jana") }
        }
        #expect(try fixture.read("customers/acme.yaml") == "name: Acme\nstatus: bogus\n")
        try fixture.write("customers/acme.yaml", "name: Acme\nstatus: prospect\n")
        var change = try WorkspaceChange(fixture.workspace, options: Self.options(fixture))
        change.write(Array("name: Acme\nstatus: prospect\nowner: jana\n".utf8), to: "customers/acme.yaml")
        let outcome = try change.apply(message: "crm: set acme owner=jana")
        #expect(outcome.handEdits.map(\.path) == ["customers/acme.yaml"])
        #expect(outcome.handEdits.first?.fields.map(\.key) == ["status"])
        #expect(try fixture.git("log", "-1", "--format=%B").contains("Also commits hand edits of customers/acme.yaml: status."))
    }

    @Test("A record over the reader's size limit is refused before anything is written; the subject is cut")
    func sizeLimit() throws {
        let fixture = try Self.fixture()
        var change = try WorkspaceChange(fixture.workspace, options: Self.options(fixture))
        change.write(Array(("name: Acme\nnotes: " + String(repeating: "x", count: RecordFile.maximumSize) + "\n").utf8), to: "customers/acme.yaml")
        #expect {
            try change.apply(message: "crm: set")
        } throws: { error in
            (error as? ChangeError)?.problems.first?.code == "too-large"
        }
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
        #expect(CommitMessage.make(String(repeating: "a", count: 500)).split(separator: "\n")[0].count == CommitMessage.subjectLimit)
    }

    @Test("git's index locked by another process: the change fails before any file is touched")
    func lockedIndex() throws {
        let fixture = try Self.fixture()
        let lock = fixture.root + "/.git/index.lock"
        FileManager.default.createFile(atPath: lock, contents: Data())
        var change = try WorkspaceChange(fixture.workspace, options: Self.options(fixture))
        change.write(Array("name: Acme\nstatus: inactive\n".utf8), to: "customers/acme.yaml")
        #expect(throws: ChangeError.self) { try change.apply(message: "crm: set") }
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
        #expect(FileManager.default.fileExists(atPath: WorkspaceState(workspace: fixture.workspace).journalPath) == false)
    }

    @Test("A pre-commit hook that refuses: nothing changes, and what it printed is kept; --no-verify skips it")
    func refusingHook() throws {
        let fixture = try Self.fixture()
        try fixture.write(".git/hooks/pre-commit", "#!/bin/sh\ngit diff --cached --name-only\necho not today >&2\nexit 1\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.root + "/.git/hooks/pre-commit")
        do {
            var change = try WorkspaceChange(fixture.workspace, options: Self.options(fixture))
            change.write(Array("name: Acme\nstatus: inactive\n".utf8), to: "customers/acme.yaml")
            #expect {
                try change.apply(message: "crm: set")
            } throws: { error in
                guard let error = error as? ChangeError, error.reason == .hook else { return false }
                return error.hookOutput == "customers/acme.yaml\nnot today\n"
            }
        }
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
        #expect(try fixture.git("status", "--porcelain") == "")
        var skipping = try WorkspaceChange(fixture.workspace, options: Self.options(fixture, verifies: false))
        skipping.write(Array("name: Acme\nstatus: inactive\n".utf8), to: "customers/acme.yaml")
        #expect(try skipping.apply(message: "crm: set").commit != nil)
    }

    @Test("A commit-msg hook may change the message; post-commit runs after the commit")
    func messageHooks() throws {
        let fixture = try Self.fixture()
        try fixture.write(".git/hooks/commit-msg", "#!/bin/sh\nprintf '\\nTicket: CRM-1\\n' >> \"$1\"\n")
        try fixture.write(".git/hooks/post-commit", "#!/bin/sh\ngit log -1 --format=done:%s\n")
        for hook in ["commit-msg", "post-commit"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.root + "/.git/hooks/" + hook)
        }
        var change = try WorkspaceChange(fixture.workspace, options: Self.options(fixture))
        change.write(Array("name: Acme\nstatus: inactive\n".utf8), to: "customers/acme.yaml")
        let outcome = try change.apply(message: "crm: set acme status=inactive")
        #expect(try fixture.git("log", "-1", "--format=%B") == "crm: set acme status=inactive\n\nTicket: CRM-1\n\n")
        #expect(outcome.hooks.map(\.name) == ["commit-msg", "post-commit"])
        #expect(outcome.hooks.last?.output == "done:crm: set acme status=inactive\n")
    }

    @Test("HEAD moved by another process while crm commits: nothing changes")
    func headMoved() throws {
        let fixture = try Self.fixture()
        try fixture.write(".git/hooks/pre-commit", "#!/bin/sh\ngit commit-tree HEAD^{tree} -p HEAD -m other | xargs git update-ref HEAD\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.root + "/.git/hooks/pre-commit")
        var change = try WorkspaceChange(fixture.workspace, options: Self.options(fixture))
        change.write(Array("name: Acme\nstatus: inactive\n".utf8), to: "customers/acme.yaml")
        #expect {
            try change.apply(message: "crm: set")
        } throws: { error in
            (error as? ChangeError)?.message.contains("moved while crm was committing") == true
        }
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
        #expect(try fixture.git("log", "-1", "--format=%s") == "other\n")
    }
}

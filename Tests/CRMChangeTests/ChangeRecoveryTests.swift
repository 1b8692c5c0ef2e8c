import CRMTestSupport
import Foundation
import Testing
@testable import CRMChange
@testable import CRMGit
@testable import CRMWorkspace

/// A change stopped half-way, made by hand here as a killed crm leaves it (files switched, the
/// journal on disk, no commit), and what the next crm does with it.
@Suite("Recovering a stopped change")
struct ChangeRecoveryTests {
    static let acme = "name: Acme\nstatus: active\n"

    /// Stages a change of acme and a new record beta, switches the files over (unless not asked),
    /// and leaves the journal, as a crm killed before its commit does.
    static func stoppedChange(_ fixture: GitWorkspace, switched: Bool = true) throws {
        let state = WorkspaceState(workspace: fixture.workspace)
        var files = StagedFiles(root: fixture.root, items: [
            StagedFiles.Item(path: "customers/acme.yaml", bytes: Array("name: Acme\nstatus: inactive\n".utf8), original: Array(acme.utf8)),
            StagedFiles.Item(path: "customers/beta.yaml", bytes: Array("name: Beta\n".utf8), original: nil),
        ])
        let head = try fixture.git("rev-parse", "HEAD").trimmingWhitespace()
        _ = try JournalFile(ChangeJournal(root: fixture.root, mode: .commit, head: head, indexLock: nil, message: "crm: two customers",
                                          entries: files.journalEntries), state: state)
        try files.prepare()
        if switched { try files.switchOver() }
    }

    @Test("Not committed: every file that holds what the change wrote is put back, and its leftovers removed")
    func undo() throws {
        let fixture = try GitWorkspace(files: ["customers/acme.yaml": Self.acme])
        try Self.stoppedChange(fixture)
        let notes = ChangeRecovery.recover(root: fixture.root, environment: fixture.environment)
        #expect(notes == ["put back customers/acme.yaml, customers/beta.yaml: a crm command stopped before it could commit 'crm: two customers'"])
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
        #expect(try fixture.git("status", "--porcelain", "--untracked-files=all") == "")
        #expect(!FileManager.default.fileExists(atPath: WorkspaceState(workspace: fixture.workspace).journalPath))
        #expect(ChangeRecovery.recover(root: fixture.root, environment: fixture.environment).isEmpty)
    }

    @Test("A file edited since is left as it is and named; the others are put back")
    func editedSince() throws {
        let fixture = try GitWorkspace(files: ["customers/acme.yaml": Self.acme])
        try Self.stoppedChange(fixture)
        try fixture.write("customers/acme.yaml", "name: Acme\nstatus: churned\n")
        let notes = ChangeRecovery.recover(root: fixture.root, environment: fixture.environment)
        #expect(notes.contains("customers/acme.yaml was left as it is: it changed after an interrupted crm command wrote it; see `crm status`"))
        #expect(try fixture.read("customers/acme.yaml") == "name: Acme\nstatus: churned\n")
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/customers/beta.yaml"))
    }

    @Test("A commit made since holds part of the change: the change is kept whole, and its rest committed")
    func heldByACommit() throws {
        let fixture = try GitWorkspace(files: ["customers/acme.yaml": Self.acme])
        try Self.stoppedChange(fixture)
        try fixture.git("commit", "-qam", "the user's commit")
        let notes = ChangeRecovery.recover(root: fixture.root, environment: fixture.environment)
        #expect(notes.first?.hasPrefix("kept 'crm: two customers'") == true, "\(notes)")
        #expect(try fixture.read("customers/beta.yaml") == "name: Beta\n")
        #expect(try fixture.git("log", "-1", "--format=%s") == "crm: finish an interrupted change (crm: two customers)\n")
        #expect(try fixture.git("status", "--porcelain", "--untracked-files=all") == "")
    }

    @Test("Stopped before switching: the temporary files and backups go, and a file edited since stays")
    func stoppedEarly() throws {
        let fixture = try GitWorkspace(files: ["customers/acme.yaml": Self.acme])
        try Self.stoppedChange(fixture, switched: false)
        try fixture.write("customers/acme.yaml", "name: Acme\nstatus: lead\n")
        _ = ChangeRecovery.recover(root: fixture.root, environment: fixture.environment)
        #expect(try fixture.read("customers/acme.yaml") == "name: Acme\nstatus: lead\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/customers") == ["acme.yaml"])
    }

    @Test("A live writer's change is never touched: while the lock is held, nothing is done")
    func liveWriter() throws {
        let fixture = try GitWorkspace(files: ["customers/acme.yaml": Self.acme])
        try Self.stoppedChange(fixture)
        let lock = try WorkspaceLock(workspace: fixture.workspace)
        #expect(ChangeRecovery.recover(root: fixture.root, environment: fixture.environment).isEmpty)
        #expect(try fixture.read("customers/acme.yaml") == "name: Acme\nstatus: inactive\n")
        withExtendedLifetime(lock) {}
    }
}

import Foundation
import Testing
import CRMWorkspace

/// Every step of a change (journal, temporary file, write, flush, backup, rename, git objects,
/// commit, index) is interrupted in the real `crm` binary through `CRM_FAULT`, by SIGKILL or by
/// a failure (the disk is full). Afterwards the workspace holds the old state or the new one,
/// in its files and in git alike, no lock is left (crm's or git's), `crm check` is clean and
/// the next write works. A failure never keeps half a change: exit 2 and nothing changed.
@Suite("Crash safety: a change killed or failing at any step", .serialized)
struct CrashSafetyTests {
    static let old = "name: Acme\nstatus: active\n"
    static let new = "name: Acme\nstatus: active\nowner: jana\n"
    /// The steps after which the change is committed: an interruption keeps it.
    static let committedSteps: Set<FaultInjection.Step> = [.committed, .indexed]

    @Test("crm set killed after each step: old or new record, git agrees, the lock is free", arguments: FaultInjection.Step.allCases)
    func killedSet(_ step: FaultInjection.Step) throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.old])
        let commits = try commitCount(fixture)
        let killed = try run(fixture, ["set", "acme", "owner=jana"], fault: "kill:\(step.rawValue)")
        #expect(killed.status == SIGKILL, "\(killed.errors)")
        let check = try run(fixture, ["check"])
        #expect(check.status == 0, "\(check.output)\(check.errors)")
        let kept = Self.committedSteps.contains(step)
        #expect(try fixture.read("customers/acme.yaml") == (kept ? Self.new : Self.old))
        #expect(check.errors.contains("put back customers/acme.yaml") == [.renamed, .stored].contains(step), "\(check.errors)")
        #expect(check.errors.contains("finished 'crm: set acme owner=jana'") == (step == .committed), "\(check.errors)")
        try expectConsistent(fixture, commits: commits + (kept ? 1 : 0))
        #expect(try run(fixture, ["set", "acme", "segment=retail"]).status == 0)
        try expectConsistent(fixture, commits: commits + (kept ? 2 : 1))
    }

    @Test("crm set failing after each step (disk full, an I/O error): a clear error, exit 2, and nothing changed",
          arguments: FaultInjection.Step.allCases)
    func failedSet(_ step: FaultInjection.Step) throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.old])
        let commits = try commitCount(fixture)
        let head = try fixture.git("rev-parse", "HEAD")
        let result = try run(fixture, ["set", "acme", "owner=jana"], fault: "fail:\(step.rawValue)")
        guard step != .indexed else {
            // Once git's index is in place the change is complete: nothing is left to fail.
            #expect(result.status == 0, "\(result.errors)")
            #expect(try fixture.read("customers/acme.yaml") == Self.new)
            try expectConsistent(fixture, commits: commits + 1)
            return
        }
        #expect(result.status == 2, "\(result.errors)")
        #expect(result.errors.contains("the change was not made"), "\(result.errors)")
        if [.journaled, .created, .written, .synced, .linked].contains(step) {
            #expect(result.errors.contains("No space left on device"), "\(result.errors)")
        }
        #expect(try fixture.read("customers/acme.yaml") == Self.old)
        #expect(try fixture.git("rev-parse", "HEAD") == head)
        #expect(try run(fixture, ["check"]).status == 0)
        try expectConsistent(fixture, commits: commits)
    }

    static let referrers = [
        "customers/acme.yaml": old,
        "contacts/jan-novak.yaml": "name: Jan Novák\ncustomer: acme\n",
        "contacts/eva-dvorak.yaml": "name: Eva Dvořák\ncustomer: acme\n",
    ]

    @Test("crm mv killed between its files puts every file back; killed after its commit keeps them all",
          arguments: ["kill:linked:2", "kill:renamed:1", "kill:renamed:2", "kill:renamed:3", "kill:renamed:4", "kill:stored", "kill:committed"])
    func killedMove(_ fault: String) throws {
        let fixture = try GitFixture(files: Self.referrers)
        let commits = try commitCount(fixture)
        #expect(try run(fixture, ["mv", "acme", "acme-corp"], fault: fault).status == SIGKILL)
        #expect(try run(fixture, ["check"]).status == 0)
        let moved = fault == "kill:committed"
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/customers/acme.yaml") == !moved)
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/customers/acme-corp.yaml") == moved)
        for contact in ["contacts/jan-novak.yaml", "contacts/eva-dvorak.yaml"] {
            #expect(try fixture.read(contact).contains("customer: \(moved ? "acme-corp" : "acme")\n"))
        }
        try expectConsistent(fixture, commits: commits + (moved ? 1 : 0))
    }

    @Test("crm import killed half-way leaves no imported record behind")
    func killedImport() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.old])
        let commits = try commitCount(fixture)
        try fixture.write("new.csv", "name,status\nBeta,active\nGamma,prospect\nDelta,active\n")
        let killed = try run(fixture, ["import", "csv", fixture.root + "/new.csv", "--type", "customer"], fault: "kill:renamed:2")
        #expect(killed.status == SIGKILL)
        #expect(try run(fixture, ["check"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/customers").sorted() == ["acme.yaml"])
        try FileManager.default.removeItem(atPath: fixture.root + "/new.csv")
        try expectConsistent(fixture, commits: commits)
    }

    @Test("A record edited by hand after the crash is left as it is, and said so")
    func editedAfterCrash() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.old])
        #expect(try run(fixture, ["set", "acme", "owner=jana"], fault: "kill:renamed").status == SIGKILL)
        let edited = "name: Acme\nstatus: active\nowner: petr\n"
        try fixture.write("customers/acme.yaml", edited)
        let check = try run(fixture, ["check"])
        #expect(check.status == 0)
        #expect(check.errors.contains("customers/acme.yaml was left as it is"), "\(check.errors)")
        #expect(try fixture.read("customers/acme.yaml") == edited)
        #expect(!FileManager.default.fileExists(atPath: Self.journal(fixture)))
    }

    @Test("git's index locked by another process: crm waits, then fails before touching any file; later it works")
    func lockedIndex() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.old])
        let commits = try commitCount(fixture)
        let lock = fixture.root + "/.git/index.lock"
        try Data("another git".utf8).write(to: URL(fileURLWithPath: lock))
        let result = try run(fixture, ["set", "acme", "owner=jana"])
        #expect(result.status == 2)
        #expect(result.errors.contains("index.lock exists after waiting"), "\(result.errors)")
        #expect(try fixture.read("customers/acme.yaml") == Self.old)
        #expect(!FileManager.default.fileExists(atPath: Self.journal(fixture)))
        #expect(try String(contentsOfFile: lock, encoding: .utf8) == "another git")
        try FileManager.default.removeItem(atPath: lock)
        #expect(try run(fixture, ["set", "acme", "owner=jana"]).status == 0)
        #expect(try fixture.read("customers/acme.yaml") == Self.new)
        try expectConsistent(fixture, commits: commits + 1)
    }

    /// Where the change journal of the fixture's workspace lives: in git's own folder.
    static func journal(_ fixture: GitFixture) -> String {
        WorkspaceState(root: fixture.root).journalPath
    }

    /// Runs the `crm` binary on the fixture's workspace, with `CRM_FAULT` set to `fault`.
    private func run(_ fixture: GitFixture, _ arguments: [String], fault: String? = nil) throws -> CLIHarness.Result {
        var environment = fixture.environment
        environment["CRM_FAULT"] = fault ?? ""
        return try fixture.execute([GitFixture.executable, "-C", fixture.root] + arguments, environment: environment)
    }

    private func commitCount(_ fixture: GitFixture) throws -> Int {
        Int(try fixture.git("rev-list", "--count", "HEAD").trimmingCharacters(in: .newlines)) ?? -1
    }

    /// The files are what HEAD holds, git's index agrees, no temporary file or journal is
    /// left, the repository is sound, and history has `commits` commits.
    private func expectConsistent(_ fixture: GitFixture, commits: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try fixture.git("status", "--porcelain", "--untracked-files=all") == "", sourceLocation: sourceLocation)
        #expect(try fixture.git("fsck", "--no-progress", "--no-dangling", "--strict") == "", sourceLocation: sourceLocation)
        #expect(try commitCount(fixture) == commits, sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: Self.journal(fixture)), sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/.git/index.lock"), sourceLocation: sourceLocation)
        let temporary = FileManager.default.enumerator(atPath: fixture.root)?.compactMap { $0 as? String }
            .filter { ($0.hasSuffix(".tmp") || $0.hasSuffix(".bak")) && !$0.hasPrefix(".git/") } ?? []
        #expect(temporary.isEmpty, "\(temporary)", sourceLocation: sourceLocation)
    }
}

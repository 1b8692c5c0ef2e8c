import Foundation
import Testing

/// `crm privacy purge` checked with the real git CLI: no commit, tree, blob or tag of any
/// reference holds the erased values, the history keeps its shape, authors and dates, and a
/// teammate's clone that syncs afterwards moves its work onto the purged history.
@Suite("Privacy: purging the git history", .serialized)
struct PurgeTests {
    static let traces = PrivacyCommandTests.traces + ["601 756 100"]

    /// The fixture's records, with a history: the phone number changed once, a commit message
    /// and an annotated tag naming the person, and a second branch.
    static func fixture() throws -> GitFixture {
        let fixture = try GitFixture(files: PrivacyCommandTests.files)
        try fixture.git("branch", "-m", "main")
        #expect(fixture.crm(["set", "blanka-dolezalova", "phone=+420 601 756 100"]).status == 0)
        #expect(fixture.crm(["set", "blanka-dolezalova", "phone=+420 601 756 146"]).status == 0)
        try fixture.write("customers/stavby-prochazka.yaml", "name: Stavby Procházka s.r.o.\nstatus: active\nowner: jana\nsegment: smb\n")
        #expect(fixture.crm(["commit", "-m", "Segment per Blanka Doležalová"]).status == 0)
        try fixture.git("tag", "-a", "v1", "-m", "Before the audit (Blanka Doležalová)")
        try fixture.git("branch", "topic")
        return fixture
    }

    /// The fixture pushed to a bare server on `main`, and a teammate's clone of it.
    static func team() throws -> (GitFixture, server: String, teammate: GitFixture) {
        let fixture = try GitFixture(files: PrivacyCommandTests.files)
        let server = fixture.root + "-purge.git"
        try fixture.git("branch", "-m", "main")
        try fixture.run(["git", "init", "-q", "--bare", "-b", "main", server])
        try fixture.git("remote", "add", "origin", server)
        try fixture.git("push", "-q", "-u", "origin", "main")
        return (fixture, server, try GitFixture(cloning: server, author: "Petr"))
    }

    static func count(_ text: String) -> Int { Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }

    @Test("Without --yes, with uncommitted changes, or before erase: refused, nothing changed")
    func refused() throws {
        let fixture = try Self.fixture()
        let notErased = fixture.crm(["privacy", "purge", "blanka-dolezalova", "--yes"])
        #expect(notErased.status == 2)
        #expect(notErased.errors.contains("blanka-dolezalova is not erased yet"))
        #expect(fixture.crm(["privacy", "erase", "blanka-dolezalova"]).status == 0)
        let refs = try fixture.git("show-ref")
        let plan = fixture.crm(["privacy", "purge", "blanka-dolezalova"])
        #expect(plan.status == 2)
        #expect(plan.output.contains("commits, reached from main, topic, v1\n"), "\(plan.output)")
        #expect(plan.errors.contains("nothing changed: a purge rewrites history"))
        try fixture.write("customers/stavby-prochazka.yaml", "name: Stavby Procházka s.r.o.\nstatus: inactive\n")
        let dirty = fixture.crm(["privacy", "purge", "blanka-dolezalova", "--yes"])
        #expect(dirty.status == 2)
        #expect(dirty.errors.contains("1 uncommitted change (customers/stavby-prochazka.yaml)"), "\(dirty.errors)")
        #expect(try fixture.git("show-ref") == refs)
        try fixture.git("checkout", "-q", "--", ".")
        try fixture.git("checkout", "-q", "topic")
        try fixture.write("customers/stavby-prochazka.yaml", "name: Stavby Procházka s.r.o.\nstatus: lead\n")
        try fixture.git("commit", "-qam", "lead")
        try fixture.git("checkout", "-q", "main")
        try fixture.git("merge", "-q", "--no-ff", "--no-commit", "topic")
        let merging = fixture.crm(["privacy", "purge", "blanka-dolezalova", "--yes"])
        #expect(merging.status == 2)
        #expect(merging.errors.contains("git is in the middle of a merge, rebase or cherry-pick"), "\(merging.errors)")
        try fixture.git("merge", "--abort")
        #expect(try fixture.git("show-ref").contains(refs.split(separator: "\n").first { $0.hasSuffix("refs/heads/main") }! + "\n"))
    }

    @Test("No object left holds the values; shape, authors, dates and untouched files kept; fsck and check clean")
    func purged() throws {
        let fixture = try Self.fixture()
        #expect(fixture.crm(["privacy", "erase", "blanka-dolezalova"]).status == 0)
        let commits = Self.count(try fixture.git("rev-list", "--count", "main"))
        let shape = try fixture.git("log", "--format=%an %ae %ad %cn %cd %P", "--date=raw", "main")
        let untouched = try fixture.git("rev-parse", "HEAD:calls/2026/11/2026-11-02-stavby-prochazka-a1b2.yaml")
        let result = fixture.crm(["privacy", "purge", "blanka-dolezalova", "--yes"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("moved 3 references; the record: .crm/purges/2026-11-22-"), "\(result.output)")
        let log = try fixture.git("log", "-p", "--all")
        let objects = try fixture.run(["sh", "-c", "git -C '\(fixture.root)' cat-file --batch-all-objects --batch"])
        for trace in Self.traces {
            #expect(!log.contains(trace), "git log -p --all still shows \(trace)")
            #expect(!objects.contains(trace), "an object still holds \(trace)")
        }
        try fixture.run(["git", "-C", fixture.root, "fsck", "--strict", "--no-dangling"])
        #expect(Self.count(try fixture.git("rev-list", "--count", "main")) == commits + 1)
        let after = try fixture.git("log", "--format=%an %ae %ad %cn %cd %P", "--date=raw", "main~1")
        #expect(after.split(separator: "\n").map { $0.split(separator: " ").prefix(8) } == shape.split(separator: "\n").map { $0.split(separator: " ").prefix(8) })
        #expect(try fixture.git("rev-parse", "HEAD:calls/2026/11/2026-11-02-stavby-prochazka-a1b2.yaml") == untouched)
        #expect(try fixture.git("log", "--format=%s", "main").contains("Segment per [erased]\n"))
        #expect(try fixture.git("cat-file", "-p", "v1").contains("Before the audit ([erased])"))
        #expect(try fixture.git("rev-parse", "topic") == (try fixture.git("rev-parse", "main~2")))
        #expect(try fixture.git("status", "--porcelain") == "")
        #expect(fixture.crm(["check"]).status == 0)
        let again = fixture.crm(["privacy", "purge", "blanka-dolezalova", "--yes"])
        #expect(again.status == 1)
        #expect(again.output.hasSuffix("no commit names blanka-dolezalova: nothing to purge\n"))
    }

    @Test("A teammate's clone that syncs after the purge moves its work onto the purged history and keeps no trace")
    func teammate() throws {
        let (fixture, server, teammate) = try Self.team()
        defer { try? FileManager.default.removeItem(atPath: server) }
        #expect(teammate.crm(["set", "stavby-prochazka", "status=inactive"]).status == 0)
        #expect(fixture.crm(["privacy", "erase", "blanka-dolezalova"]).status == 0)
        let purged = fixture.crm(["privacy", "purge", "blanka-dolezalova", "--yes", "--push"])
        #expect(purged.status == 0, "\(purged.errors)")
        #expect(purged.output.hasSuffix("pushed origin/main\n"), "\(purged.output)")
        let synced = teammate.crm(["sync"])
        #expect(synced.status == 0, "\(synced.errors)")
        #expect(synced.output.contains("origin/main was purged (crm privacy purge): its history was rewritten\n"))
        #expect(synced.output.contains("pruned the old history from this clone\n"))
        #expect(try teammate.read("customers/stavby-prochazka.yaml").contains("status: inactive"))
        #expect(try teammate.read("contacts/blanka-dolezalova.yaml") == "customer: stavby-prochazka\nerased: 2026-11-22\n")
        let objects = try teammate.run(["sh", "-c", "git -C '\(teammate.root)' cat-file --batch-all-objects --batch"])
        for trace in Self.traces where objects.contains(trace) { Issue.record("the teammate's clone still holds \(trace)") }
        #expect(try teammate.git("rev-parse", "HEAD") == (try fixture.run(["git", "-C", server, "rev-parse", "main"])))
        let subjects = try teammate.git("log", "--format=%s").split(separator: "\n")
        #expect(subjects.first == "crm: set stavby-prochazka status=inactive")
        #expect(subjects.dropFirst().contains("crm: privacy purge"), "\(subjects)")
    }

    @Test("A teammate's commit that changes a file the purge scrubbed stops the sync before anything moves")
    func teammateConflict() throws {
        let (fixture, server, teammate) = try Self.team()
        defer { try? FileManager.default.removeItem(atPath: server) }
        #expect(teammate.crm(["set", "2026-10-22-stavby-prochazka-72ip", "subject=Faktura pro Blanka Doležalová"]).status == 0)
        #expect(fixture.crm(["privacy", "erase", "blanka-dolezalova"]).status == 0)
        #expect(fixture.crm(["privacy", "purge", "blanka-dolezalova", "--yes", "--push"]).status == 0)
        let head = try teammate.git("rev-parse", "HEAD")
        let synced = teammate.crm(["sync"])
        #expect(synced.status == 2)
        #expect(synced.errors.contains("calls/2026/10/2026-10-22-stavby-prochazka-72ip.yaml changed on the remote since this clone last had it"),
                "\(synced.errors)")
        #expect(try teammate.git("rev-parse", "HEAD") == head)
        #expect(try teammate.git("status", "--porcelain") == "")
    }
}

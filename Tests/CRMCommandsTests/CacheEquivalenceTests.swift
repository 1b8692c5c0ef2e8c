#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import CRMWorkspace

/// Each daily command answers through the cache exactly as it does reading every file
/// (`--no-cache`), byte for byte, on sample-workspace as it is and after hand edits, a
/// deletion, a rename and a schema change.
@Suite("Cached answers equal uncached ones", .serialized)
struct CacheEquivalenceTests {
    static let commands: [[String]] = [
        ["list", "customer", "--format", "csv"],
        ["list", "call", "--where", "channel = phone", "--sort", "at", "--format", "jsonl"],
        ["list", "customer", "--where", "count(calls) = 0", "--format", "ids"],
        ["list", "customer", "--fields", "name,next-contact,status", "--sort", "next-contact"],
        ["show", "strojirny-novak"],
        ["show", "chemservis-usti"],
        ["search", "servis", "--limit", "10"],
        ["search", "faktura"],
        ["agenda"],
        ["complaints"],
        ["report", "stale-customers"],
        ["report", "calls-per-channel"],
        ["report", "unpaid-invoices"],
        ["dashboard", "-"],
        ["check"],
    ]

    /// Runs every command through the cache (twice: once writing it, once reading it) and
    /// without it; the three answers must be the same.
    static func compare(_ root: String, stage: String) {
        for command in commands {
            let first = CLIHarness.run(command, in: root)
            let second = CLIHarness.run(command, in: root)
            let uncached = CLIHarness.run(["--no-cache"] + command, in: root)
            #expect(first == uncached, "\(stage): crm \(command.joined(separator: " ")) differs from --no-cache")
            #expect(second == uncached, "\(stage): crm \(command.joined(separator: " ")) from a written cache differs from --no-cache")
        }
    }

    /// Sets the file times of every file an hour back, so the cache trusts what it stored.
    static func age(_ root: String) throws {
        let past = time(nil) - 3600
        for path in FileManager.default.enumerator(atPath: root)!.compactMap({ $0 as? String }) where path.hasSuffix(".yaml") {
            var times = [timespec(tv_sec: past, tv_nsec: 0), timespec(tv_sec: past, tv_nsec: 0)]
            guard utimensat(AT_FDCWD, root + "/" + path, &times, 0) == 0 else { throw FixtureError("cannot age \(path)") }
        }
    }

    static func edit(_ root: String, _ path: String, _ change: (String) -> String) throws {
        let file = root + "/" + path
        try change(try String(contentsOfFile: file, encoding: .utf8)).write(toFile: file, atomically: false, encoding: .utf8)
    }

    @Test("As it is, after hand edits, a deletion, a rename and a schema change")
    func equivalent() throws {
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try? FileManager.default.removeItem(atPath: root + "/.crm/cache")
        try Self.age(root)
        Self.compare(root, stage: "as it is")
        #expect(FileIO.kind(of: root + "/.crm/cache/customer.records") == .file, "the commands wrote the cache")

        let customer = "customers/strojirny-novak.yaml"
        try Self.edit(root, customer) { $0.replacing("status: active", with: "status: inactive").replacing("Dva šroubové", with: "Tři šroubové") }
        let complaint = try #require(FileManager.default.enumerator(atPath: root + "/complaints")?.compactMap { $0 as? String }
            .first { $0.hasSuffix(".yaml") })
        try Self.edit(root, "complaints/" + complaint) { $0.replacing("status: open", with: "status: resolved") }
        Self.compare(root, stage: "hand edits")
        #expect(CLIHarness.run(["show", "strojirny-novak"], in: root).output.contains("inactive"), "the hand edit is seen")

        let call = try #require(FileManager.default.enumerator(atPath: root + "/calls")?.compactMap { $0 as? String }
            .first { $0.hasSuffix(".yaml") })
        try FileManager.default.removeItem(atPath: root + "/calls/" + call)
        Self.compare(root, stage: "a deleted call")

        let moved = CLIHarness.run(["mv", "chemservis-usti", "chemservis"], in: root)
        #expect(moved.status == 0, "\(moved.errors)")
        Self.commandsRenamed(root)

        try Self.edit(root, ".crm/types/customer.yaml") {
            $0.replacing("values: [lead, prospect, active, inactive, churned]", with: "values: [lead, prospect, active, dormant, inactive, churned]")
                + "industry:\n  kind: text\n  description: the industry the customer is in\n"
        }
        try Self.edit(root, customer) { $0.replacing("status: inactive", with: "status: dormant") + "industry: strojírenství\n" }
        Self.compare(root, stage: "a schema change")
    }

    /// After `crm mv`, the renamed customer is shown under its new id.
    static func commandsRenamed(_ root: String) {
        for command in [["show", "chemservis"], ["list", "call", "--where", "customer = chemservis", "--format", "ids"], ["check"]] {
            let cached = CLIHarness.run(command, in: root)
            #expect(cached.status == 0 || command == ["check"], "\(cached.errors)")
            #expect(cached == CLIHarness.run(["--no-cache"] + command, in: root), "after crm mv: crm \(command.joined(separator: " "))")
        }
        compare(root, stage: "a renamed customer")
    }
}

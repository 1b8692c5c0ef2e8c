#if canImport(Glibc)
import Glibc
#endif
import Foundation
import CRMTestSupport
import Testing
@testable import CRMSyntax
@testable import CRMWorkspace

/// The persisted index: every change to the files is seen, a damaged cache is never trusted,
/// and what comes out is always what parsing the files gives.
@Suite("Record cache", .serialized)
struct RecordCacheTests {
    static let files: [String: String] = [
        "customers/acme.yaml": "name: Acme\nstatus: active\ntags: [vip, partner]\naddress:\n  city: Plzeň\n  zip: 301 00\n",
        "customers/beta.yaml": "name: Beta\nstatus: lead\nnotes: |\n  Two lines\n  of notes\n",
        "contacts/jan.yaml": "name: Jan\ncustomer: acme\n",
        "calls/2026/11/c1.yaml": "customer: acme\nat: 2026-11-20T10:00\nsubject: Ceník\n",
        "calls/2026/11/c2.yaml": "customer: beta\nat: 2026-11-21T10:00\nsubject: Servis\n",
    ]

    /// A workspace whose record files were last changed an hour ago, as files are when the cache
    /// meets them in daily use.
    static func fixture(_ files: [String: String] = files) throws -> TemporaryWorkspace {
        let fixture = try TemporaryWorkspace(files: files)
        for path in files.keys { try age(fixture.root + "/" + path) }
        return fixture
    }

    static func age(_ path: String, seconds: Int = 3600) throws {
        var times = [timespec(tv_sec: time(nil) - seconds, tv_nsec: 0), timespec(tv_sec: time(nil) - seconds, tv_nsec: 0)]
        guard utimensat(AT_FDCWD, path, &times, 0) == 0 else { throw FixtureError("cannot set the time of \(path)") }
    }

    static func load(_ workspace: Workspace) -> (RecordLoader.Result, RecordCache.Statistics) {
        let (files, _) = RecordScanner.scan(workspace)
        return RecordCache.load(files, workspace: workspace)
    }

    /// What parsing every file gives, without the cache.
    static func truth(_ workspace: Workspace) -> [Record] {
        RecordLoader.load(RecordScanner.scan(workspace).files, root: workspace.root).records
    }

    @Test("The first load parses and writes the cache; the next takes every record from it")
    func reuse() throws {
        let fixture = try Self.fixture()
        let (first, written) = Self.load(fixture.workspace)
        #expect(written == RecordCache.Statistics(reused: 0, parsed: 5, written: 3))
        #expect(first.records == Self.truth(fixture.workspace))
        let (second, statistics) = Self.load(fixture.workspace)
        #expect(statistics.parsed == 0)
        #expect(statistics.reused == 5)
        #expect(statistics.written == 0)
        #expect(second.records == first.records)
    }

    @Test("A changed, added, removed or renamed file is read again, and only that one", arguments: [
        "edit", "edit-same-size", "touch", "add", "remove", "rename",
    ])
    func changes(_ change: String) throws {
        let fixture = try Self.fixture()
        _ = Self.load(fixture.workspace)
        let acme = fixture.root + "/customers/acme.yaml"
        switch change {
        case "edit": try fixture.write("customers/acme.yaml", "name: Acme Trading\nstatus: churned\n")
        case "edit-same-size": try fixture.write("customers/acme.yaml", (Self.files["customers/acme.yaml"]!).replacing("vip", with: "VIP"))
        case "touch": try Self.age(acme, seconds: 60)
        case "add": try fixture.write("customers/gama.yaml", "name: Gama\n")
        case "remove": unlink(acme)
        default: rename(acme, fixture.root + "/customers/acme-trading.yaml")
        }
        let (result, statistics) = Self.load(fixture.workspace)
        #expect(result.records == Self.truth(fixture.workspace))
        #expect(statistics.parsed == (change == "remove" ? 0 : 1))
        #expect(statistics.reused == (change == "add" ? 5 : 4))
        #expect(statistics.written == 1)
        if change == "edit-same-size" { #expect(result.records.first { $0.id == "acme" }?["tags"] == .list(["VIP", "partner"])) }
    }

    @Test("A damaged or truncated cache is detected and rebuilt, never trusted", arguments: ["flip", "truncate", "empty", "garbage"])
    func damage(_ damage: String) throws {
        let fixture = try Self.fixture()
        _ = Self.load(fixture.workspace)
        let cache = fixture.root + "/" + RecordCache.folder + "/customer.records"
        var bytes = try FileIO.read(cache)
        switch damage {
        case "flip": bytes[bytes.count - 3] ^= 0x20
        case "truncate": bytes.removeLast(7)
        case "empty": bytes = []
        default: bytes = Array("CRMCACHE not really".utf8)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: cache))
        let (result, statistics) = Self.load(fixture.workspace)
        #expect(result.records == Self.truth(fixture.workspace))
        #expect(statistics.parsed == 2)
        #expect(statistics.written == 1)
        #expect(RecordCacheFile(path: cache, key: RecordCacheFile.key(for: fixture.workspace.schema.type(named: "customer")!)) != nil)
    }

    @Test("A changed schema makes the cache of the changed type useless")
    func schemaChange() throws {
        let fixture = try Self.fixture()
        _ = Self.load(fixture.workspace)
        let typeFile = fixture.root + "/.crm/types/customer.yaml"
        try String(contentsOfFile: typeFile, encoding: .utf8).replacing("folder: customers", with: "folder: clients")
            .write(toFile: typeFile, atomically: true, encoding: .utf8)
        rename(fixture.root + "/customers", fixture.root + "/clients")
        let (result, statistics) = Self.load(fixture.workspace)
        #expect(result.records.filter { $0.type == "customer" }.map(\.path) == ["clients/acme.yaml", "clients/beta.yaml"])
        #expect(statistics.parsed == 2)
        #expect(statistics.reused == 3)
    }

    @Test("A file changed just before the cache was written is read again until it is old enough")
    func racyFiles() throws {
        let fixture = try Self.fixture()
        try fixture.write("customers/acme.yaml", "name: Acme fresh\n")
        let (_, first) = Self.load(fixture.workspace)
        #expect(first.parsed == 5)
        let (again, second) = Self.load(fixture.workspace)
        #expect(second.parsed == 1, "a file changed within the last two seconds is never trusted")
        #expect(again.records.first { $0.id == "acme" }?["name"] == .string("Acme fresh"))
        try Self.age(fixture.root + "/customers/acme.yaml")
        _ = Self.load(fixture.workspace)
        #expect(Self.load(fixture.workspace).1.parsed == 0)
    }

    @Test("Files that do not parse are reported each time and never cached")
    func brokenFiles() throws {
        var files = Self.files
        files["customers/broken.yaml"] = "name: [unclosed\n"
        let fixture = try Self.fixture(files)
        let (first, _) = Self.load(fixture.workspace)
        let (second, statistics) = Self.load(fixture.workspace)
        #expect(first.problems.map(\.path) == ["customers/broken.yaml"])
        #expect(second.problems.map(\.path) == ["customers/broken.yaml"])
        #expect(statistics.parsed == 1)
    }

    @Test("Processes writing the cache at once leave a cache that is whole")
    func concurrentWriters() throws {
        let fixture = try Self.fixture()
        let workspace = fixture.workspace
        DispatchQueue.concurrentPerform(iterations: 8) { round in
            if round % 2 == 0 { RecordCache.clear(workspace) }
            _ = Self.load(workspace)
        }
        let (result, _) = Self.load(workspace)
        #expect(result.records == Self.truth(workspace))
        for type in workspace.schema.types where FileIO.kind(of: workspace.absolute(RecordCache.path(of: type))) != nil {
            #expect(RecordCacheFile(path: workspace.absolute(RecordCache.path(of: type)), key: RecordCacheFile.key(for: type)) != nil)
        }
    }

    @Test("Through the cache, sample-workspace reads exactly as parsing gives it")
    func sample() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("crm-cache-\(UUID().uuidString.prefix(8))")
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-workspace")
        try FileManager.default.copyItem(at: sample, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let workspace = Workspace(root: copy.path)
        for file in RecordScanner.scan(workspace).files { try Self.age(workspace.absolute(file.path)) }
        _ = Self.load(workspace)
        let (cached, statistics) = Self.load(workspace)
        #expect(statistics.reused == 369)
        #expect(cached.records == Self.truth(workspace))
    }

    @Test("The codec reads back what it wrote, and refuses damaged bytes")
    func codec() throws {
        let fields = [Field(key: "name", value: .string("Škoda \"Transport\"")), Field(key: "tags", value: .list(["a", "", "č"])),
                      Field(key: "address", value: .map([MapEntry(key: "city", value: .string("Plzeň")),
                                                        MapEntry(key: "lines", value: .list(["1", "2"]))])),
                      Field(key: "empty", value: .string(""))]
        let bytes = RecordCodec.encode(fields)
        #expect(bytes.withUnsafeBytes { RecordCodec.decode($0) } == fields)
        #expect(bytes.withUnsafeBytes(RecordCodec.isValid))
        for cut in 0..<bytes.count {
            #expect(bytes[..<cut].withUnsafeBytes { RecordCodec.decode($0) } == nil)
            #expect(!bytes[..<cut].withUnsafeBytes(RecordCodec.isValid))
        }
        #expect((bytes + [0]).withUnsafeBytes { RecordCodec.decode($0) } == nil)
        let record = Record(id: "x", type: "customer", path: "customers/x.yaml", fields: fields)
        #expect(record.fields == fields)
        #expect(record["address"] == fields[2].value)
        #expect(record["missing"] == nil)
        #expect(record.string("address.city") == "Plzeň")
        var seen: [String] = []
        #expect(!record.anyValue(of: "tags") { seen.append($0); return false })
        #expect(seen == ["a", "", "č"])
        #expect(record.anyValue(of: "address") { $0 == "2" })
        #expect(!record.anyValue(of: "nothing") { _ in true })
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

import Foundation
import Testing

/// Huge and absurd records: refused by size before they are read, or read in linear time; a
/// workspace of very many files is checked within sane memory.
@Suite("Hostile huge input", .serialized)
struct HostileHugeInputTests {
    /// Set `CRM_LARGE_TESTS=1` for the million-file workspace (`make soak`).
    static let large = ProcessInfo.processInfo.environment["CRM_LARGE_TESTS"] == "1"

    /// A workspace (no git) holding `files`.
    static func workspace(_ files: [String: [UInt8]]) throws -> String {
        let root = try CLIHarness.emptyFolder()
        let created = try HostileHarness.crm(["init", root], in: "/")
        #expect(created.status == 0, "\(created.errors)")
        try HostileHarness.write(files, in: root)
        return root
    }

    @Test("A 100 MB record is refused by its size, without reading it", .enabled(if: HostileHarness.hasGNUTime, "needs GNU time"))
    func hundredMegabytes() throws {
        let root = try Self.workspace(["customers/acme.yaml": Array("name: Acme\n".utf8)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let handle = try #require(FileHandle(forWritingAtPath: root + "/customers/acme.yaml"))
        try handle.truncate(atOffset: 100_000_000)
        try handle.close()
        let (check, kilobytes, _) = try HostileHarness.measured(["check"], in: root)
        #expect(check.status == 1)
        #expect(check.output.hasPrefix("customers/acme.yaml: error: the file is 100000000 bytes; a record file may be at most "
                                       + "1048576 bytes (1 MiB)\nhint: records are small text files"), "\(check.output)")
        #expect(kilobytes > 0 && kilobytes < 100_000, "peak memory \(kilobytes) kB")
        for arguments in [["show", "acme"], ["set", "acme", "status=active"], ["edit", "acme"]] {
            let result = try HostileHarness.crm(arguments, in: root, environment: ["EDITOR": "true"])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.errors.hasPrefix("customers/acme.yaml: error: the file is 100000000 bytes"), "\(arguments): \(result.errors)")
        }
    }

    /// Records just under the size limit that stress the reader, and the summary of `crm check`.
    static let nearLimit: [String: (bytes: @Sendable () -> [UInt8], summary: String)] = [
        "a 1,000,000-character line": ({ Array(("name: " + String(repeating: "a", count: 1_000_000) + "\n").utf8) }, "no problems found"),
        "30,000 unknown fields": ({ Array(("name: x\n" + (0..<30_000).map { "f\($0): v\n" }.joined()).utf8) }, "30000 errors in 1 file"),
        "a flow list of 300,000 items": ({ Array(("name: x\ntags: [" + Array(repeating: "a", count: 300_000).joined(separator: ", ") + "]\n").utf8) },
                                         "no problems found"),
        "a block list of 250,000 items": ({ Array(("name: x\ntags:\n" + String(repeating: "- a\n", count: 250_000)).utf8) }, "no problems found"),
        "100,000 nested flow lists": ({ Array(("name: x\ntags: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n").utf8) },
                                      "1 error in 1 file"),
        "100,000 nested flow maps": ({ Array(("name: x\naddress: " + String(repeating: "{a: ", count: 100_000) + String(repeating: "}", count: 100_000) + "\n").utf8) },
                                     "1 error in 1 file"),
        "100,000 nested list dashes": ({ Array(("name: x\ntags:\n" + String(repeating: "- ", count: 100_000) + "a\n").utf8) }, "1 error in 1 file"),
        "100,000 quotes": ({ Array(("name: " + String(repeating: "\"", count: 100_000) + "\n").utf8) }, "1 error in 1 file"),
        "1,400 levels of indented maps": ({ Array(("name: x\n" + (0..<1_400).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined()).utf8) },
                                          "1 error in 1 file"),
    ]

    @Test("Records near the size limit are read in linear time", arguments: nearLimit.keys.sorted())
    func nearTheLimit(_ name: String) throws {
        let (make, summary) = try #require(Self.nearLimit[name])
        let bytes = make()
        #expect(bytes.count <= 1 << 20, "\(name) is \(bytes.count) bytes")
        let root = try Self.workspace(["customers/big.yaml": bytes])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let start = Date()
        let check = try HostileHarness.crm(["check", "--no-cache"], in: root, seconds: 60)
        let seconds = Date().timeIntervalSince(start)
        #expect(check.status <= 1, "\(name): \(check.status) \(check.errors)")
        let records = summary == "1 error in 1 file" ? "0 records" : "1 record"
        #expect(check.output.hasSuffix(summary + " (\(records) checked)\n"), "\(name): \(check.output.suffix(300))")
        #expect(seconds < 20, "\(name): crm check took \(seconds) s")
    }

    @Test("Records past the size limit are refused by size", arguments: ["a 10 MB line", "1,000,000 fields"])
    func pastTheLimit(_ name: String) throws {
        let text = name == "a 10 MB line" ? "name: " + String(repeating: "a", count: 10_000_000) + "\n"
            : "name: x\n" + (0..<1_000_000).map { "f\($0): v\n" }.joined()
        let root = try Self.workspace(["customers/big.yaml": Array(text.utf8)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let check = try HostileHarness.crm(["check"], in: root, seconds: 30)
        #expect(check.status == 1)
        #expect(check.output.hasPrefix("customers/big.yaml: error: the file is \(text.utf8.count) bytes; a record file may be at most 1048576 bytes"),
                "\(name): \(check.output)")
    }

    /// `count` empty files in customers/, checked and listed; every one is reported.
    func manyEmptyFiles(_ count: Int, memoryLimit kilobytes: Int) throws {
        let root = try Self.workspace([:])
        defer { try? FileManager.default.removeItem(atPath: root) }
        for index in 0..<count {
            let descriptor = open(root + "/customers/c\(index).yaml", O_WRONLY | O_CREAT | O_EXCL, 0o644)
            #expect(descriptor >= 0)
            close(descriptor)
        }
        let (check, checkPeak, checkSeconds) = try HostileHarness.measured(["check", "--format", "json"], in: root, seconds: 600)
        #expect(check.status == 1)
        #expect(check.output.components(separatedBy: "\"code\": \"missing-field\"").count - 1 == count)
        #expect(checkPeak < kilobytes, "crm check: \(checkPeak) kB, \(checkSeconds) s")
        let (list, listPeak, listSeconds) = try HostileHarness.measured(["list", "customer", "--format", "ids"], in: root, seconds: 600)
        #expect(list.status == 0)
        #expect(list.output.split(separator: "\n").count == count)
        #expect(listPeak < kilobytes, "crm list: \(listPeak) kB, \(listSeconds) s")
        print("\(count) empty files: crm check \(checkSeconds) s, \(checkPeak) kB; crm list \(listSeconds) s, \(listPeak) kB")
    }

    @Test("A workspace of 100,000 empty files is reported file by file within sane memory",
          .enabled(if: HostileHarness.hasGNUTime, "needs GNU time"))
    func hundredThousandFiles() throws {
        try manyEmptyFiles(100_000, memoryLimit: 400_000)
    }

    @Test("A workspace of 1,000,000 empty files is reported file by file within sane memory",
          .enabled(if: large && HostileHarness.hasGNUTime, "set CRM_LARGE_TESTS=1 (make soak); needs GNU time"))
    func millionFiles() throws {
        try manyEmptyFiles(1_000_000, memoryLimit: 2_000_000)
    }
}

import Foundation
import Testing

/// Records in the wrong encoding, values that would drive a terminal, and editors that fail:
/// each gets a message and an exit status, and nothing raw reaches the terminal.
@Suite("Hostile content", .serialized)
struct HostileContentTests {
    static let acme = "name: Acme\nkind: company\nstatus: active\n"

    @Test("Files in the wrong encoding are reported by crm check and by the commands on them", arguments: [
        ("invalid UTF-8", Array("name: A".utf8) + [0xC5, 0xFF, 0x0A], "customers/odd.yaml:1:8: error: invalid UTF-8 byte sequence"),
        ("UTF-16 LE", [0xFF, 0xFE] + Array("name: x\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
         "customers/odd.yaml:1:1: error: the file is UTF-16 encoded; records must be UTF-8"),
        ("UTF-16 BE", [0xFE, 0xFF] + Array("name: x\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
         "customers/odd.yaml:1:1: error: the file is UTF-16 encoded; records must be UTF-8"),
        ("UTF-16 without a byte order mark", Array("name: x\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
         "customers/odd.yaml:1:2: error: the file is UTF-16 encoded; records must be UTF-8"),
        ("a NUL byte", Array("name: a".utf8) + [0] + Array("b\n".utf8),
         "customers/odd.yaml:1:8: error: NUL byte in the file; this looks like a binary file, not a record"),
        ("a carriage return alone", Array("name: a\rstatus: lead\n".utf8), "customers/odd.yaml:1:8: error: carriage return (CR) without a line feed"),
        ("a byte order mark in the middle", Array("name: a\u{FEFF}b\n".utf8),
         "customers/odd.yaml:1:8: error: byte order mark (U+FEFF) in the middle of the file"),
        ("a raw escape character", Array("name: \u{1B}[31mred\n".utf8),
         "customers/odd.yaml:1:7: error: control character U+001B is not allowed in records\n 1 | name: \\e[31mred"),
    ] as [(String, [UInt8], String)])
    func encodings(_ name: String, _ bytes: [UInt8], _ message: String) throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        try HostileHarness.write(["customers/odd.yaml": bytes], in: fixture.root)
        let check = try HostileHarness.crm(["check"], in: fixture.root)
        #expect(check.status == 1)
        #expect(check.output.hasPrefix(message), "\(name): \(check.output)")
        #expect(!check.output.contains("\u{1B}") && !check.output.contains("\u{0}"))
        let set = try HostileHarness.crm(["set", "odd", "status=lead"], in: fixture.root)
        #expect(set.status == 2)
        #expect(set.errors.hasPrefix("crm: error: customers/odd.yaml does not parse, so crm will not change it:"), "\(name): \(set.errors)")
        #expect(FileManager.default.contents(atPath: fixture.root + "/customers/odd.yaml") == Data(bytes))
        let list = try HostileHarness.crm(["list", "customer", "--format", "ids"], in: fixture.root)
        #expect(list.output == "acme\n")
    }

    @Test("Mixed line endings and a leading byte order mark are read, and kept when a field changes")
    func lineEndings() throws {
        let text = "\u{FEFF}name: Acme\r\nkind: company\nstatus: active\r\n"
        let fixture = try GitFixture(files: ["customers/acme.yaml": text])
        let set = try HostileHarness.crm(["set", "acme", "status=inactive"], in: fixture.root)
        #expect(set.status == 0, "\(set.errors)")
        #expect(FileManager.default.contents(atPath: fixture.root + "/customers/acme.yaml")
                    == Data("\u{FEFF}name: Acme\r\nkind: company\nstatus: inactive\r\n".utf8))
    }

    @Test("Control characters and escapes in values, ids and paths are shown escaped, never sent raw")
    func terminalSafety() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        try HostileHarness.write([
            "customers/evil.yaml": Array("name: \"Evil \\e[31mred\\e]0;title\\a \\x9b2J \\u202Eabc\"\nstatus: \"\\e[5mblink\"\n".utf8),
            "customers/e\u{1B}[31mvil.yaml": Array("name: Bad file name\n".utf8),
            "customers/n\nl.yaml": Array("name: New line\n".utf8),
        ], in: fixture.root)
        for arguments in [["check"], ["list", "customer"], ["list", "customer", "--format", "ids"], ["list", "customer", "--format", "paths"],
                          ["show", "evil"], ["show", "e\u{1B}[31mvil"], ["search", "evil"], ["search", "bad", "--format", "ids"],
                          ["status"], ["commit", "-m", "x"], ["duplicates"], ["report", "customers"],
                          ["show", "x\u{1B}[31m"], ["list", "customer", "--bogus\u{1B}[31m"]] {
            let result = try HostileHarness.crm(arguments, in: fixture.root)
            #expect(result.status <= 2 || result.status == 64, "\(arguments): \(result.status)")
            for text in [result.output, result.errors] {
                #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" },
                        "\(arguments): \(text.debugDescription)")
            }
        }
        let show = try HostileHarness.crm(["show", "evil"], in: fixture.root)
        #expect(show.output.hasPrefix("Evil \\e[31mred\\e]0;title\\u{7} \\u{9B}2J \\u{202E}abc\n"), "\(show.output)")
        let paths = try HostileHarness.crm(["list", "customer", "--format", "paths"], in: fixture.root)
        #expect(paths.output == "customers/acme.yaml\ncustomers/e\\e[31mvil.yaml\ncustomers/evil.yaml\ncustomers/n\\nl.yaml\n")
        let removed = try HostileHarness.crm(["rm", "e\u{1B}[31mvil"], in: fixture.root)
        #expect(removed.output == "deleted customer e\\e[31mvil\n", "\(removed.errors)")
    }

    @Test("An editor that is missing, fails, crashes or deletes the draft changes nothing; a draft it may hold is kept", arguments: [
        ("/nonexistent/editor", "failed"), ("false", "failed"), ("kill -SEGV $$ #", "failed"), ("rm -f", "is gone"),
    ])
    func brokenEditor(_ editor: String, _ message: String) throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        let folder = try CLIHarness.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for arguments in [["edit", "acme"], ["new", "customer", "--edit"]] {
            let result = try HostileHarness.crm(arguments, in: fixture.root,
                                                environment: ["EDITOR": editor, "VISUAL": "", "TMPDIR": folder, "PATH": "/usr/bin:/bin"])
            #expect(result.status == 2, "\(editor) \(arguments): \(result.status) \(result.errors)")
            #expect(result.errors.contains(message), "\(editor) \(arguments): \(result.errors)")
        }
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
        #expect(try fixture.git("status", "--porcelain") == "")
        #expect(HostileHarness.snapshot(folder).count == (editor == "rm -f" ? 0 : 2))
    }
}

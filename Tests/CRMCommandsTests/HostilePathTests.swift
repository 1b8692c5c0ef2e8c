import Foundation
import Testing

/// Ids typed on the command line or read from an import never become a path outside their
/// type folder, and symbolic links never lead crm out of the workspace.
@Suite("Hostile ids and paths", .serialized)
struct HostilePathTests {
    static let acme = "name: Acme\nkind: company\nstatus: active\n"

    /// Ids that name no record and must not reach the file system as paths.
    static let hostileIDs = ["../x", "../../etc/passwd", "/etc/passwd", "customers/acme", "a/b", "Acmex", "аcme", "ａｃｍｅ",
                             ".", "..", ".git", "con", "acme\u{1B}[31m", String(repeating: "a", count: 300),
                             String(repeating: "a", count: 5000)]

    @Test("An id that is not a record's is refused by show, set, unset, rm, edit and mv, and nothing changes", arguments: hostileIDs)
    func unknownIDs(_ id: String) throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        let outside = try CLIHarness.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        for arguments in [["show", id], ["set", id, "status=inactive"], ["unset", id, "status"], ["rm", id, "--force"],
                          ["edit", id], ["mv", id, "moved"]] {
            let result = try HostileHarness.crm(arguments, in: fixture.root, environment: ["EDITOR": "true", "TMPDIR": outside])
            #expect(result.status == (arguments[0] == "show" ? 1 : 2), "\(arguments): \(result.errors)")
            #expect(result.errors.hasPrefix("crm: error: no record '"), "\(arguments): \(result.errors)")
            #expect(!result.errors.contains("\u{1B}"))
        }
        #expect(try fixture.git("status", "--porcelain") == "")
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
        #expect(HostileHarness.snapshot(outside).isEmpty)
    }

    @Test("An id that is not valid says why", arguments: [
        ("Acmex", "no record 'Acmex': an id is lowercase: 'A' is uppercase", "did you mean 'acme' (Acme)?"),
        ("аcme", "no record 'аcme': 'а' (U+0430) looks like 'a' but is not ASCII; an id holds only lowercase ASCII letters a-z, "
            + "digits 0-9 and single hyphens, at most 100 characters", "did you mean 'acme' (Acme)?"),
        ("../acme", "no record '../acme': an id cannot start with '.'", "`crm search WORDS` finds records by their content"),
        ("a/b", "no record 'a/b': an id cannot contain '/'", "`crm search WORDS` finds records by their content"),
        (String(repeating: "a", count: 300), "an id is at most 100 characters; this one has 300", "`crm search WORDS`"),
    ])
    func invalidIDMessages(_ id: String, _ message: String, _ hint: String) throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        let result = try HostileHarness.crm(["show", id], in: fixture.root)
        #expect(result.status == 1)
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(result.errors.contains("hint: " + hint), "\(result.errors)")
    }

    /// New ids that are refused, what the error says, and the id it suggests instead.
    static let refusedNewIDs: [(String, String, String?)] = [
        ("../evil", "an id cannot start with '.'", "evil"),
        ("/etc/passwd", "an id cannot contain '/'", "etc-passwd"),
        ("a/b", "an id cannot contain '/'", "a-b"),
        ("Acme", "an id is lowercase: 'A' is uppercase", "acme"),
        ("аcme", "'а' (U+0430) looks like 'a' but is not ASCII", "acme"),
        ("ѕkoda", "'ѕ' (U+0455) looks like 's' but is not ASCII", "skoda"),
        ("ａｃｍｅ", "'ａ' (U+FF41) looks like 'a' but is not ASCII", "acme"),
        ("škoda", "'š' (U+0161) is not ASCII", "skoda"),
        (".git", "an id cannot start with '.'", "git"),
        (".hidden", "an id cannot start with '.'", "hidden"),
        ("x-", "an id cannot start or end with '-'", "x"),
        ("a--b", "an id cannot contain '--'", "a-b"),
        ("a b", "' ' is not allowed", "a-b"),
        ("a\u{7}b", "control character U+0007 is not allowed", "a-b"),
        ("con", "'con' is a device name Windows reserves", "con-2"),
        ("nul", "'nul' is a device name Windows reserves", "nul-2"),
        ("aux", "'aux' is a device name Windows reserves", "aux-2"),
        ("lpt1", "'lpt1' is a device name Windows reserves", "lpt1-2"),
        (String(repeating: "a", count: 101), "an id is at most 100 characters; this one has 101", String(repeating: "a", count: 100)),
        (String(repeating: "b", count: 300), "an id is at most 100 characters; this one has 300", String(repeating: "b", count: 100)),
    ]

    @Test("crm new --id and crm mv refuse an id that is not valid, say why and suggest one", arguments: refusedNewIDs)
    func refusedIDs(_ id: String, _ problem: String, _ suggestion: String?) throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        let files = try fixture.git("ls-files")
        for arguments in [["new", "customer", "name=Evil", "--id", id], ["mv", "acme", id]] {
            let result = try HostileHarness.crm(arguments, in: fixture.root)
            #expect(result.status == 2, "\(arguments): \(result.errors)")
            #expect(result.errors.contains("invalid id '"), "\(result.errors)")
            #expect(result.errors.contains(problem), "\(result.errors)")
            #expect(result.errors.contains("hint: for example \(suggestion ?? "")\n"), "\(result.errors)")
        }
        #expect(try fixture.git("status", "--porcelain") == "")
        #expect(try fixture.git("ls-files") == files)
        #expect(try fixture.git("log", "--format=%s") == "fixture\ncrm: init\n")
    }

    @Test("A name that slugs to a reserved device name gets a different id")
    func reservedSlug() throws {
        let fixture = try GitFixture()
        let result = try HostileHarness.crm(["new", "customer", "name=CON s.r.o."], in: fixture.root)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "con-2\n")
    }

    @Test("crm import refuses ids that are not valid, row by row, and writes the others")
    func importIDs() throws {
        let fixture = try GitFixture()
        let outside = try CLIHarness.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let csv = "id,name\n../../\(outside.split(separator: "/").last!)/evil,Evil\n/tmp/evil,Evil\ncon,Con\nAcme,Acme\nаcme,Acme\n"
            + "\(String(repeating: "x", count: 300)),Long\ngood,Good\n"
        let file = outside + "/import.csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        let result = try HostileHarness.crm(["import", "csv", file, "--type", "customer"], in: fixture.root)
        #expect(result.status == 2, "\(result.output)\(result.errors)")
        #expect(result.output.contains("row 8: created customer good"), "\(result.output)")
        for row in 2...7 { #expect(result.errors.contains("row \(row): rejected: invalid id '"), "\(result.errors)") }
        #expect(try fixture.git("ls-files", "customers") == "customers/good.yaml\n")
        #expect(HostileHarness.snapshot(outside).keys.sorted() == ["import.csv"])
    }

    /// A workspace whose customer folder is a link to a folder outside it, holding a record.
    static func linkedTypeFolder() throws -> (fixture: GitFixture, outside: String) {
        let fixture = try GitFixture()
        let outside = try CLIHarness.emptyFolder()
        try Data(Self.acme.utf8).write(to: URL(fileURLWithPath: outside + "/acme.yaml"))
        try FileManager.default.removeItem(atPath: fixture.root + "/customers")
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/customers", withDestinationPath: outside)
        return (fixture, outside)
    }

    @Test("A type folder that is a symbolic link is reported and never read or written through")
    func linkedFolder() throws {
        let (fixture, outside) = try Self.linkedTypeFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let check = try HostileHarness.crm(["check"], in: fixture.root)
        #expect(check.status == 1)
        #expect(check.output.hasPrefix("customers: error: the customer folder is a symbolic link; crm does not follow links"))
        let list = try HostileHarness.crm(["list", "customer"], in: fixture.root)
        #expect(!list.output.contains("acme"))
        let csv = outside + "/import.csv"
        try Data("name\nBeta\n".utf8).write(to: URL(fileURLWithPath: csv))
        defer { try? FileManager.default.removeItem(atPath: csv) }
        let before = HostileHarness.snapshot(outside)
        for arguments in [["show", "acme"], ["set", "acme", "status=inactive"], ["rm", "acme"], ["mv", "acme", "acme-2"],
                          ["new", "customer", "name=Beta"], ["import", "csv", csv, "--type", "customer"]] {
            let result = try HostileHarness.crm(arguments, in: fixture.root)
            #expect(result.status == (arguments[0] == "show" ? 1 : 2), "\(arguments): \(result.output)\(result.errors)")
        }
        let new = try HostileHarness.crm(["new", "customer", "name=Beta"], in: fixture.root)
        #expect(new.errors.contains("cannot write customers/beta.yaml: customers is a symbolic link; crm does not follow links out of the workspace"))
        #expect(HostileHarness.snapshot(outside) == before)
    }

    @Test("A dated subfolder that is a symbolic link is not written through by crm new or crm log-call")
    func linkedSubfolder() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        let outside = try CLIHarness.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createDirectory(atPath: fixture.root + "/calls", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/calls/2026", withDestinationPath: outside)
        let call = "customer: acme\nat: 2026-11-20T10:00\nchannel: phone\n"
        try FileManager.default.createDirectory(atPath: outside + "/11", withIntermediateDirectories: true)
        try Data(call.utf8).write(to: URL(fileURLWithPath: outside + "/11/2026-11-20-acme-abcd.yaml"))
        let before = HostileHarness.snapshot(outside)
        for arguments in [["new", "call", "customer=acme", "at=2026-11-21T10:00", "channel=phone"], ["log-call", "acme"],
                          ["set", "2026-11-20-acme-abcd", "channel=email"]] {
            let result = try HostileHarness.crm(arguments, in: fixture.root)
            #expect(result.status == 2, "\(arguments): \(result.output)\(result.errors)")
        }
        #expect(HostileHarness.snapshot(outside) == before)
        let check = try HostileHarness.crm(["check"], in: fixture.root)
        #expect(check.output.contains("calls/2026: warning: symbolic link in a type folder; crm does not follow links"))
    }

    @Test("crm set never writes through a record file that is a symbolic link")
    func linkedRecord() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        let outside = try CLIHarness.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try Data(Self.acme.utf8).write(to: URL(fileURLWithPath: outside + "/target.yaml"))
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/customers/evil.yaml", withDestinationPath: outside + "/target.yaml")
        for arguments in [["set", "evil", "status=inactive"], ["edit", "evil"], ["rm", "evil"], ["show", "evil"]] {
            let result = try HostileHarness.crm(arguments, in: fixture.root, environment: ["EDITOR": "true"])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.errors.hasPrefix("customers/evil.yaml: error: symbolic link in a type folder; crm does not follow links"),
                    "\(arguments): \(result.errors)")
        }
        #expect(try String(contentsOfFile: outside + "/target.yaml", encoding: .utf8) == Self.acme)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: fixture.root + "/customers/evil.yaml")) != nil)
    }
}

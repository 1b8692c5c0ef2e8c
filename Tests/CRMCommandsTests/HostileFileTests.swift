import Foundation
import Testing

/// Entries in type folders that are not plain readable record files, and workspaces crm may
/// only read: reported, never followed, never waited on.
@Suite("Hostile files", .serialized)
struct HostileFileTests {
    static let acme = "name: Acme\nkind: company\nstatus: active\n"

    /// Whether this machine lets the tests make a character device.
    static let canMakeDevices: Bool = {
        guard let folder = try? CLIHarness.emptyFolder() else { return false }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return mknod(folder + "/probe", S_IFCHR | 0o644, dev_t(0x103)) == 0
    }()

    /// How to make each kind of entry at a path, and what `crm check` says about it.
    static let entries: [(String, String)] = [
        ("fifo", "customers/odd.yaml: error: not a regular file (a FIFO, socket or device)"),
        ("link to /dev/null", "customers/odd.yaml: error: symbolic link in a type folder; crm does not follow links"),
        ("link to /etc/passwd", "customers/odd.yaml: error: symbolic link in a type folder; crm does not follow links"),
        ("link to a folder outside", "customers/odd.yaml: error: symbolic link in a type folder; crm does not follow links"),
        ("dangling link", "customers/odd.yaml: error: symbolic link in a type folder; crm does not follow links"),
        ("folder", "customers/odd.yaml: error: a folder named like a record"),
    ]

    static func make(_ kind: String, at path: String) throws {
        switch kind {
        case "fifo": #expect(mkfifo(path, 0o644) == 0)
        case "device": #expect(mknod(path, S_IFCHR | 0o644, dev_t(0x103)) == 0)
        case "link to /dev/null": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/null")
        case "link to /etc/passwd": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/etc/passwd")
        case "link to a folder outside": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/tmp")
        case "dangling link": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/nonexistent/x.yaml")
        default: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        }
    }

    /// Every read command finishes on a workspace holding the entry, and names it; commands on
    /// its id say what it is; nothing is written.
    func expectReported(_ kind: String, _ message: String) throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        try Self.make(kind, at: fixture.root + "/customers/odd.yaml")
        let check = try HostileHarness.crm(["check"], in: fixture.root, seconds: 30)
        #expect(check.status == 1, "\(check.errors)")
        #expect(check.output.hasPrefix(message), "\(check.output)")
        for (arguments, status) in [(["list", "customer"], 2), (["search", "acme"], 2), (["status"], 0), (["report", "customers"], 2),
                                    (["show", "acme"], 0)] {
            let result = try HostileHarness.crm(arguments, in: fixture.root, seconds: 30)
            #expect(result.status == Int32(status), "\(arguments): \(result.status) \(result.errors)")
            #expect(result.output.contains("Acme") || arguments[0] == "status" || arguments[0] == "report", "\(arguments): \(result.output)")
        }
        for arguments in [["show", "odd"], ["set", "odd", "status=inactive"], ["rm", "odd"], ["edit", "odd"]] {
            let result = try HostileHarness.crm(arguments, in: fixture.root, environment: ["EDITOR": "true"], seconds: 30)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.errors.hasPrefix(message), "\(arguments): \(result.errors)")
        }
        #expect(try fixture.git("status", "--porcelain", "--untracked-files=no") == "")
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
    }

    @Test("FIFOs, links and folders named like records are reported and never opened", arguments: entries)
    func specialEntries(_ kind: String, _ message: String) throws {
        try expectReported(kind, message)
    }

    @Test("A device named like a record is reported and never opened", .enabled(if: canMakeDevices, "mknod is not permitted here"))
    func device() throws {
        try expectReported("device", "customers/odd.yaml: error: not a regular file (a FIFO, socket or device)")
    }

    @Test("A FIFO given to crm import is refused without waiting for a writer")
    func importFIFO() throws {
        let fixture = try GitFixture()
        let folder = try CLIHarness.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/rows.csv", 0o644) == 0)
        let result = try HostileHarness.crm(["import", "csv", folder + "/rows.csv", "--type", "customer"], in: fixture.root, seconds: 30)
        #expect(result.status == 2)
        #expect(result.errors.contains("it is not a regular file (a FIFO, socket or device)"), "\(result.errors)")
    }

    @Test("An unreadable record is reported with the system's reason; the others still load",
          .enabled(if: HostileHarness.unprivileged != nil, "cannot run crm as an unprivileged user here"))
    func unreadableRecord() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme, "customers/beta.yaml": "name: Beta\n"])
        if getuid() == 0 { try fixture.run(["chown", "-R", "65534:65534", fixture.root]) }
        #expect(chmod(fixture.root + "/customers/beta.yaml", 0) == 0)
        let prefix = HostileHarness.unprivileged ?? []
        let check = try HostileHarness.crm(["check", "--no-cache"], in: fixture.root, prefix: prefix)
        #expect(check.status == 1)
        #expect(check.output.hasPrefix("customers/beta.yaml: error: cannot read the file: Permission denied\n"
                                       + "hint: check the file's permissions\n"), "\(check.output)")
        let list = try HostileHarness.crm(["list", "customer", "--format", "ids"], in: fixture.root, prefix: prefix)
        #expect(list.output == "acme\n")
        #expect(list.errors.contains("customers/beta.yaml: error: cannot read the file: Permission denied"))
        for arguments in [["show", "beta"], ["set", "beta", "status=active"]] {
            let result = try HostileHarness.crm(arguments, in: fixture.root, prefix: prefix)
            #expect(result.status == 2)
            #expect(result.errors.hasPrefix("customers/beta.yaml: error: cannot read the file: Permission denied"), "\(result.errors)")
        }
        let folder = fixture.root + "/contacts"
        #expect(chmod(folder, 0) == 0)
        let unlisted = try HostileHarness.crm(["check"], in: fixture.root, prefix: prefix)
        #expect(unlisted.output.contains("contacts: error: cannot open folder contacts: Permission denied"), "\(unlisted.output)")
    }

    /// Read commands on a workspace crm may not write (so not its cache either), and what a change
    /// says. With `history`, `crm log` and `crm status` too: libgit2 does not open a repository
    /// another user owns (git's safe.directory rule).
    func expectReadable(prefix: [String], root: String, history: Bool, failure: String) throws {
        for arguments in [["check"], ["list", "customer"], ["show", "acme"], ["search", "acme"], ["report", "customers"], ["agenda"]]
            + (history ? [["log", "acme"], ["status"]] : []) {
            let result = try HostileHarness.crm(arguments, in: root, environment: ["HOME": "/nonexistent"], prefix: prefix)
            #expect(result.status == 0, "\(arguments): \(result.errors)")
        }
        let show = try HostileHarness.crm(["show", "acme"], in: root, environment: ["HOME": "/nonexistent"], prefix: prefix)
        #expect(show.output.hasPrefix("Acme\n"))
        let set = try HostileHarness.crm(["set", "acme", "status=inactive"], in: root, environment: ["HOME": "/nonexistent"], prefix: prefix)
        #expect(set.status == 2)
        #expect(set.errors.contains(failure), "\(set.errors)")
        #expect(set.errors.hasPrefix("crm: error: cannot change this workspace: "), "\(set.errors)")
    }

    @Test("On a read-only file system read commands work and a change fails with the reason",
          .enabled(if: HostileHarness.canMountReadOnly, "cannot mount a folder read-only here"))
    func readOnlyFileSystem() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        try? FileManager.default.removeItem(atPath: fixture.root + "/.crm/cache")
        try expectReadable(prefix: HostileHarness.readOnly(fixture.root), root: fixture.root, history: true, failure: "Read-only file system")
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
    }

    @Test("In a workspace the user may not write, read commands work and a change fails with the reason",
          .enabled(if: getuid() == 0 && HostileHarness.unprivileged != nil, "needs root to run crm as another user"))
    func notWritable() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        try? FileManager.default.removeItem(atPath: fixture.root + "/.crm/cache")
        try expectReadable(prefix: HostileHarness.unprivileged ?? [], root: fixture.root, history: false, failure: "Permission denied")
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
    }
}

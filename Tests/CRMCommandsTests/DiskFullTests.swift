import CRMWorkspace
import Foundation
import Testing

/// A workspace on a small tmpfs filled to a few kilobytes free: every write is refused before
/// a file changes; and with the space check skipped (`CRM_FAULT=skip:space`), a disk that fills
/// up half-way through a change leaves every file and git exactly as they were, or the whole
/// change done, at every level of free space tried.
@Suite("A full disk", .serialized, .enabled(if: HostileHarness.canMountTmpfs, "needs root and tmpfs mounts to fill a disk"))
struct DiskFullTests {
    /// A workspace in git on its own 8 MB tmpfs, with customers, contacts that refer to them, and a duplicate pair.
    final class Disk {
        let mount: String
        let root: String
        let environment = ["CRM_TODAY": "2026-11-22", "CRM_NOW": "2026-11-22T10:00", "GIT_AUTHOR_NAME": "Jana Tester",
                           "GIT_AUTHOR_EMAIL": "jana@example.cz", "GIT_COMMITTER_NAME": "Jana Tester",
                           "GIT_COMMITTER_EMAIL": "jana@example.cz", "NO_COLOR": "1"]

        init() throws {
            mount = try CLIHarness.emptyFolder()
            guard try GitFixture.shell(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount]).status == 0 else {
                throw FixtureError("cannot mount a tmpfs")
            }
            root = mount + "/ws"
            try crm(["init", root, "--git"], expect: 0)
            try write("customers/acme.yaml", "name: Acme s.r.o.\nstatus: active\nemail: info@acme.cz\n")
            try write("customers/acme-2.yaml", "name: Acme s.r.o.\nstatus: active\nemail: info@acme.cz\nphone: 601 111 222\n")
            try write("contacts/jan.yaml", "name: Jan\ncustomer: acme\n")
            try write("contacts/eva.yaml", "name: Eva\ncustomer: acme-2\n")
            try write("new.csv", "name,status\nBeta,active\nGamma,lead\n")
            try crm(["commit", "-m", "fixture"], expect: 0)
            try git(["rm", "-q", "--cached", "new.csv"], allowFailure: true)
        }

        deinit {
            _ = try? GitFixture.shell(["umount", "-l", mount])
            try? FileManager.default.removeItem(atPath: mount)
        }

        func write(_ path: String, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: StagedFiles.folder(of: root + "/" + path), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + path))
        }

        @discardableResult
        func crm(_ arguments: [String], fault: String = "", expect status: Int32? = nil) throws -> CLIHarness.Result {
            var environment = self.environment
            environment["CRM_FAULT"] = fault
            let result = try GitFixture.shell([GitFixture.executable, "-C", root] + arguments, environment: environment)
            if let status, result.status != status { throw FixtureError("crm \(arguments): \(result.status) \(result.errors)") }
            return result
        }

        @discardableResult
        func git(_ arguments: [String], allowFailure: Bool = false) throws -> String {
            let result = try GitFixture.shell(["git", "-C", root] + arguments, environment: environment)
            if result.status != 0 && !allowFailure { throw FixtureError("git \(arguments): \(result.errors)") }
            return result.output
        }

        /// Fills the disk until `free` bytes are left.
        func fill(leaving free: Int) throws {
            try? FileManager.default.removeItem(atPath: mount + "/filler")
            let available = try FileManager.default.attributesOfFileSystem(forPath: mount)[.systemFreeSize] as? Int ?? 0
            let size = max(0, available - free)
            FileManager.default.createFile(atPath: mount + "/filler", contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: mount + "/filler"))
            let chunk = Data(repeating: 0x78, count: 64 << 10)
            var written = 0
            while written < size {
                let piece = chunk.prefix(min(chunk.count, size - written))
                do { try handle.write(contentsOf: piece) } catch { break }
                written += piece.count
            }
            try handle.close()
        }

        /// Every file of the workspace outside `.git`, with its bytes.
        func files() -> [String: Data] {
            HostileHarness.snapshot(root).filter { !$0.key.hasPrefix(".git/") && !$0.key.hasPrefix(".crm/cache/") }
        }

        /// What "exactly as they were" compares: the files, HEAD, git's status and its index.
        func state() throws -> [String] {
            [try git(["rev-parse", "HEAD"]), try git(["status", "--porcelain", "--untracked-files=all"]), try git(["ls-files", "-s"])]
        }
    }

    static let changes: [[String]] = [
        ["set", "acme", "owner=jana"],
        ["mv", "acme", "acme-corp"],
        ["new", "customer", "name=Delta a.s."],
        ["import", "csv", "new.csv", "--type", "customer"],
        ["merge", "acme", "acme-2", "--prefer", "keep"],
    ]

    @Test("With a few kilobytes free every change is refused up front, saying how much it needs; nothing changes",
          arguments: changes)
    func refusedUpFront(_ arguments: [String]) throws {
        let disk = try Disk()
        let files = disk.files()
        let state = try disk.state()
        try disk.fill(leaving: 8 << 10)
        let result = try disk.crm(arguments.map { $0 == "new.csv" ? disk.root + "/new.csv" : $0 })
        #expect(result.status == 2, "\(result.errors)")
        #expect(result.errors.contains("not enough free space for this change: it needs about "), "\(result.errors)")
        #expect(disk.files() == files)
        #expect(try disk.state() == state)
        #expect(!FileManager.default.fileExists(atPath: WorkspaceState(root: disk.root).journalPath))
    }

    @Test("A disk that fills up half-way (no space check): all or nothing at every level of free space", arguments: changes)
    func fillsHalfWay(_ arguments: [String]) throws {
        let disk = try Disk()
        let files = disk.files()
        let state = try disk.state()
        var outcomes: [Int32] = []
        for kilobytes in [0, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 512] {
            try disk.fill(leaving: kilobytes << 10)
            let result = try disk.crm(arguments.map { $0 == "new.csv" ? disk.root + "/new.csv" : $0 }, fault: "skip:space")
            outcomes.append(result.status)
            try? FileManager.default.removeItem(atPath: disk.mount + "/filler")
            #expect(try disk.crm(["check"]).status == 0)
            #expect(!FileManager.default.fileExists(atPath: WorkspaceState(root: disk.root).journalPath))
            #expect(!FileManager.default.fileExists(atPath: disk.root + "/.git/index.lock"))
            #expect(try disk.git(["fsck", "--no-progress", "--no-dangling", "--strict"]) == "", "\(kilobytes) kB free")
            if result.status == 0 {
                #expect(try disk.git(["status", "--porcelain", "--untracked-files=all"]) == "?? new.csv\n" || arguments[0] == "import")
                #expect(try disk.git(["rev-list", "--count", "HEAD"]) == "3\n")
                break
            }
            #expect(result.status == 2, "\(kilobytes) kB: \(result.errors)")
            #expect(result.errors.contains("the change was not made") || result.errors.contains("No space left on device"),
                    "\(kilobytes) kB: \(result.errors)")
            #expect(disk.files() == files, "\(kilobytes) kB free: the files changed")
            #expect(try disk.state() == state, "\(kilobytes) kB free: git changed")
        }
        print("disk full: crm \(arguments[0]): exit statuses from 0 kB free up: \(outcomes)")
        #expect(outcomes.first == 2 && outcomes.last == 0, "\(outcomes)")
    }
}

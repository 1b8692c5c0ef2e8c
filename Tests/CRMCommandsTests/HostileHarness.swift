import Foundation

/// Runs the built `crm` binary as a separate process on hostile workspaces, under a time limit,
/// so that a crash or a hang shows as an exit status (128 + signal, or 124 for the limit) and
/// never takes the test runner down with it.
enum HostileHarness {
    /// `crm ARGUMENTS` in `directory`, killed after `seconds`; `prefix` runs it through another
    /// program (`setpriv`, `unshare`).
    static func crm(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                    prefix: [String] = [], seconds: Int = 60) throws -> CLIHarness.Result {
        let fixed = ["CRM_TODAY": "2026-11-22", "CRM_NOW": "2026-11-22T10:00", "GIT_AUTHOR_NAME": "Jana Tester",
                     "GIT_AUTHOR_EMAIL": "jana@example.cz", "GIT_COMMITTER_NAME": "Jana Tester",
                     "GIT_COMMITTER_EMAIL": "jana@example.cz", "NO_COLOR": "1"]
        return try GitFixture.shell(["timeout", String(seconds)] + prefix + [GitFixture.executable, "-C", directory] + arguments,
                                    environment: fixed.merging(environment) { $1 })
    }

    /// `crm` as the unprivileged user 65534 when the tests run as root (where permissions
    /// do not bind), directly otherwise; `nil` when neither is possible.
    static let unprivileged: [String]? = {
        guard getuid() == 0 else { return [] }
        let prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        let probe = try? GitFixture.shell(prefix + ["cat", "/proc/self/status"])
        return probe?.status == 0 && probe?.output.contains("Uid:\t65534") == true ? prefix : nil
    }()

    /// Runs `crm` with `folder` mounted read-only in a private mount namespace (root only).
    static func readOnly(_ folder: String) -> [String] {
        ["unshare", "-m", "sh", "-c", "mount --bind -o ro \"$0\" \"$0\" && exec \"$@\"", folder]
    }

    /// True when this machine lets the tests mount a folder read-only.
    static let canMountReadOnly: Bool = {
        guard getuid() == 0, let folder = try? CLIHarness.emptyFolder() else { return false }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let probe = try? GitFixture.shell(readOnly(folder) + ["touch", folder + "/probe"])
        return probe.map { $0.status != 0 && $0.errors.contains("Read-only file system") } ?? false
    }()

    /// True when this machine lets the tests mount a small tmpfs, to fill a disk.
    static let canMountTmpfs: Bool = {
        guard getuid() == 0, let folder = try? CLIHarness.emptyFolder() else { return false }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard (try? GitFixture.shell(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", folder]))?.status == 0 else { return false }
        _ = try? GitFixture.shell(["umount", folder])
        return true
    }()

    /// The peak resident memory of `crm ARGUMENTS` in kilobytes (GNU time's `%M`), with its result.
    static func measured(_ arguments: [String], in directory: String, seconds: Int = 300) throws -> (result: CLIHarness.Result, kilobytes: Int, seconds: Double) {
        let result = try crm(arguments, in: directory, prefix: ["/usr/bin/time", "-f", "crm-peak %M %e"], seconds: seconds)
        let line = result.errors.split(separator: "\n").last { $0.hasPrefix("crm-peak ") } ?? ""
        let parts = line.split(separator: " ")
        return (result, parts.count == 3 ? Int(parts[1]) ?? -1 : -1, parts.count == 3 ? Double(parts[2]) ?? -1 : -1)
    }

    static var hasGNUTime: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/time") }

    /// Makes `files` (path → bytes) in `root`, creating folders.
    static func write(_ files: [String: [UInt8]], in root: String) throws {
        for (path, bytes) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    /// Every file under `folder` with its bytes, to show that nothing was written there.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            files[path] = FileManager.default.contents(atPath: folder + "/" + path)
        }
        return files
    }
}

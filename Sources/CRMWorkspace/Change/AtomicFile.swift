#if canImport(Glibc)
import Glibc
#endif

/// Writes single files so that a crash at any moment leaves the old file or the new one, never
/// a torn one: the bytes go to a temporary file in the same folder, are flushed to disk, and
/// the temporary file is renamed over the target; then the folder is flushed. Changes of the
/// workspace go through `StagedFiles` instead, which can also undo them.
public enum AtomicFile {
    /// Writes `bytes` to `path`. Without `durable` nothing is flushed: for caches, which a crash
    /// may lose but never tear.
    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(FileError) {
        let folder = StagedFiles.folder(of: path)
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(StagedFiles.name(of: path)).\(getpid()).tmp"
        let descriptor = try SystemCall.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
                                             operation: "create a temporary file for")
        var cleanUp = true
        defer {
            if cleanUp { _ = SystemCall.failure { unlink(temporary) } }
        }
        do {
            defer { SystemCall.close(descriptor) }
            try FileIO.writeAll(bytes, to: descriptor, path: path)
            if durable { try SystemCall.sync(descriptor, path: path) }
        }
        try SystemCall.check("replace", path) { rename(temporary, path) }
        cleanUp = false
        if durable { try? SystemCall.syncFolder(folder.isEmpty ? "." : folder) }
    }

    /// Creates `path` with `bytes`, failing when it exists already.
    public static func create(_ bytes: [UInt8], at path: String) throws(FileError) {
        if FileIO.kind(of: path) != nil { throw FileError(path: path, code: EEXIST, operation: "create") }
        try write(bytes, to: path)
    }

    /// Removes the temporary files and backups that changes of `path` left behind when their
    /// process died (`.NAME.PID.tmp`, `.NAME.PID.bak`).
    public static func removeTemporaryFiles(of path: String) {
        let folder = StagedFiles.folder(of: path)
        let prefix = "." + StagedFiles.name(of: path) + "."
        for name in DirectoryWalker.names(in: folder.isEmpty ? "." : folder, includingHidden: true) ?? []
        where name.hasPrefix(prefix) && (name.hasSuffix(".tmp") || name.hasSuffix(".bak"))
            && name.dropFirst(prefix.count).dropLast(4).allSatisfy(\.isNumber) {
            _ = SystemCall.failure { unlink((folder.isEmpty ? "" : folder + "/") + name) }
        }
    }

    /// Removes `path` and flushes its folder.
    public static func remove(_ path: String) throws(FileError) {
        try SystemCall.check("remove", path) { unlink(path) }
        try? SystemCall.syncFolder(StagedFiles.folder(of: path))
    }

    /// Makes the folders of `path` that are missing.
    public static func makeFolders(for path: String) throws(FileError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/").dropLast() {
            current += "/" + part
            if let code = SystemCall.failure({ mkdir(current, 0o755) }), code != EEXIST {
                throw FileError(path: current, code: code, operation: "create folder")
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a crash at any moment leaves the old file or the new one, never a
/// torn one: the bytes go to a temporary file in the same folder, are flushed to disk, and
/// the temporary file is renamed over the target; then the folder is flushed.
public enum AtomicFile {
    /// Writes `bytes` to `path`. Without `durable` nothing is flushed: for caches, which a crash
    /// may lose but never tear. Durable writes pass `FaultInjection`'s file steps.
    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(FileError) {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw FileError(path: path, code: errno, operation: "create a temporary file for") }
        var cleanUp = true
        defer {
            if cleanUp { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            try inject(.created, durable, path)
            try FileIO.writeAll(bytes, to: descriptor, path: path)
            try inject(.written, durable, path)
            guard !durable || fsync(descriptor) == 0 else { throw FileError(path: path, code: errno, operation: "flush") }
            try inject(.synced, durable, path)
        }
        guard rename(temporary, path) == 0 else { throw FileError(path: path, code: errno, operation: "replace") }
        cleanUp = false
        try inject(.renamed, durable, path)
        if durable { syncFolder(folder.isEmpty ? "." : folder) }
    }

    /// Creates `path` with `bytes`, failing when it exists already.
    public static func create(_ bytes: [UInt8], at path: String) throws(FileError) {
        if FileIO.kind(of: path) != nil { throw FileError(path: path, code: EEXIST, operation: "create") }
        try write(bytes, to: path)
    }

    /// Removes the temporary files that writes of `path` left behind when their process died.
    public static func removeTemporaryFiles(of path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let folder = parts.dropLast().joined(separator: "/")
        let prefix = "." + (parts.last.map(String.init) ?? path) + "."
        guard let stream = opendir(folder.isEmpty ? "." : folder) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix(prefix), name.hasSuffix(".tmp"),
                  name.dropFirst(prefix.count).dropLast(4).allSatisfy(\.isNumber) else { continue }
            unlink((folder.isEmpty ? "" : folder + "/") + name)
        }
    }

    /// Removes `path` and flushes its folder.
    public static func remove(_ path: String) throws(FileError) {
        guard unlink(path) == 0 else { throw FileError(path: path, code: errno, operation: "remove") }
        syncFolder(String(path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")))
    }

    /// Makes the folders of `path` that are missing.
    public static func makeFolders(for path: String) throws(FileError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/").dropLast() {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw FileError(path: current, code: errno, operation: "create folder")
            }
        }
    }

    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// A fault injected after `step`: the disk is full.
    private static func inject(_ step: FaultInjection.Step, _ durable: Bool, _ path: String) throws(FileError) {
        if durable && FaultInjection.fails(at: step) { throw FileError(path: path, code: ENOSPC, operation: "write") }
    }
}

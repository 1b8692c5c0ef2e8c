#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a crash at any moment leaves the old file or the new one, never a
/// torn one: the bytes go to a temporary file in the same folder, are flushed to disk, and
/// the temporary file is renamed over the target; then the folder is flushed.
public enum AtomicFile {
    /// The steps of a write, for tests that fail it in the middle.
    public enum Step: String, CaseIterable, Sendable {
        case created
        case written
        case synced
        case renamed
    }

    /// Writes `bytes` to `path`; with `failAfter`, stops with an error after that step (tests only).
    /// Without `durable` nothing is flushed: for caches, which a crash may lose but never tear.
    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true, failAfter: Step? = nil) throws(FileError) {
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
            try fail(failAfter, .created, path)
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw FileError(path: path, code: errno, operation: "write")
                }
                written += count
            }
            try fail(failAfter, .written, path)
            guard !durable || fsync(descriptor) == 0 else { throw FileError(path: path, code: errno, operation: "flush") }
            try fail(failAfter, .synced, path)
        }
        guard rename(temporary, path) == 0 else { throw FileError(path: path, code: errno, operation: "replace") }
        cleanUp = false
        try fail(failAfter, .renamed, path)
        if durable { syncFolder(folder.isEmpty ? "." : folder) }
    }

    /// Creates `path` with `bytes`, failing when it exists already.
    public static func create(_ bytes: [UInt8], at path: String) throws(FileError) {
        if FileIO.kind(of: path) != nil { throw FileError(path: path, code: EEXIST, operation: "create") }
        try write(bytes, to: path)
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

    private static func fail(_ point: Step?, _ step: Step, _ path: String) throws(FileError) {
        if point == step { throw FileError(path: path, code: EIO, operation: "write (failure injected after \(step.rawValue))") }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file system call that failed, with the path and the system's reason.
public struct FileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var code: Int32
    public var operation: String
    /// The reason in words when the system's message for `code` would mislead.
    public var explanation: String?
    /// The file's size in bytes, when it was too large to read (`code` is `EFBIG`).
    public var size: Int?

    public init(path: String, code: Int32, operation: String, explanation: String? = nil, size: Int? = nil) {
        self.path = path
        self.code = code
        self.operation = operation
        self.explanation = explanation
        self.size = size
    }

    public var reason: String { explanation ?? String(cString: strerror(code)) }

    public var description: String { "cannot \(operation) \(path): \(reason)" }
}

/// Small, checked wrappers over the POSIX calls the workspace needs.
public enum FileIO {
    /// The whole content of a regular file, read without following a final symbolic link. A
    /// FIFO, socket or device is refused without waiting for a writer (it is opened
    /// non-blocking and its kind checked before any read); so is a file of more than `limit` bytes.
    public static func read(_ path: String, limit: Int = .max) throws(FileError) -> [UInt8] {
        let descriptor: Int32
        do {
            descriptor = try SystemCall.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        } catch where error.code == ELOOP {
            throw FileError(path: path, code: ELOOP, operation: "read", explanation: "it is a symbolic link, which crm does not follow")
        }
        defer { SystemCall.close(descriptor) }
        var info = stat()
        try SystemCall.check("stat", path) { fstat(descriptor, &info) }
        switch EntryKind(mode: info.st_mode) {
        case .file: break
        case .directory: throw FileError(path: path, code: EISDIR, operation: "read", explanation: "it is a folder, not a file")
        case .symbolicLink, .special:
            throw FileError(path: path, code: EINVAL, operation: "read", explanation: "it is not a regular file (a FIFO, socket or device)")
        }
        if Int(info.st_size) > limit {
            throw FileError(path: path, code: EFBIG, operation: "read",
                            explanation: "it is \(Int(info.st_size)) bytes, more than the limit of \(limit) bytes", size: Int(info.st_size))
        }
        return try readAll(descriptor, path: path, sizeHint: Int(info.st_size), limit: limit)
    }

    /// Everything left to read from an open descriptor (a file or a pipe), refused past `limit` bytes.
    public static func readAll(_ descriptor: Int32, path: String, sizeHint: Int = 0, limit: Int = .max) throws(FileError) -> [UInt8] {
        var capacity = max(sizeHint, 0) + 1
        var bytes: [UInt8] = []
        var filled = 0
        while true {
            if filled == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: capacity))
                capacity = bytes.count
            }
            let count = try SystemCall.count("read", path) {
                bytes.withUnsafeMutableBytes { buffer in Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled) }
            }
            if count == 0 { break }
            filled += count
            if filled > limit {
                throw FileError(path: path, code: EFBIG, operation: "read",
                                explanation: "it has grown past the limit of \(limit) bytes while being read", size: filled)
            }
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// Writes all of `bytes` to an open file (`path` names it in errors).
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileError) {
        var written = 0
        while written < bytes.count {
            written += try SystemCall.count("write", path) {
                bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            }
        }
    }

    /// The kind of entry at `path`, not following a final symbolic link; `nil` when absent.
    public static func kind(of path: String) -> EntryKind? {
        var info = stat()
        guard SystemCall.failure({ lstat(path, &info) }) == nil else { return nil }
        return EntryKind(mode: info.st_mode)
    }

    /// Makes the folder `path` (its parent must exist); `false` when it was there already.
    @discardableResult
    public static func makeDirectory(_ path: String) throws(FileError) -> Bool {
        guard let code = SystemCall.failure({ mkdir(path, 0o755) }) else { return true }
        guard code == EEXIST else { throw FileError(path: path, code: code, operation: "create folder") }
        return false
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return SystemCall.failure({ stat(path, &info) }) == nil && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The current working directory.
    public static func currentDirectory() -> String {
        guard let pointer = getcwd(nil, 0) else { return "." }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// `path` made absolute against `base` and cleaned of `.` and `..` components.
    public static func absolute(_ path: String, from base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` (absolute and clean) relative to the folder `root`; `nil` when it is outside it.
    public static func relative(_ path: String, to root: String) -> String? {
        let base = absolute(root, from: "/")
        if path == base { return "" }
        let prefix = base == "/" ? "/" : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
}

/// What a directory entry is.
public enum EntryKind: Sendable, Hashable {
    case file
    case directory
    case symbolicLink
    /// A FIFO, socket or device.
    case special

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .file
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        default: self = .special
        }
    }
}

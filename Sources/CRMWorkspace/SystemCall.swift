#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one checker every POSIX call of crm goes through: a failed call becomes a `FileError`
/// naming what was done to which path and the system's reason, and a call interrupted by a
/// signal (`EINTR`) is made again, here and nowhere else.
public enum SystemCall {
    /// Runs `call` (which returns -1 and sets `errno` on failure) until it is not interrupted.
    @discardableResult
    public static func check<Result: BinaryInteger>(_ operation: @autoclosure () -> String, _ path: @autoclosure () -> String,
                                                    _ call: () -> Result) throws(FileError) -> Result {
        while true {
            let result = call()
            if result >= 0 { return result }
            let code = errno
            if code == EINTR { continue }
            throw FileError(path: path(), code: code, operation: operation())
        }
    }

    /// `check` for calls that return a count (`read`, `write`).
    @discardableResult
    public static func count(_ operation: @autoclosure () -> String, _ path: @autoclosure () -> String,
                             _ call: () -> Int) throws(FileError) -> Int {
        try check(operation(), path(), call)
    }

    /// `check` for calls whose failure is expected and answered by the caller: the `errno` of a
    /// failed call, or `nil` when it succeeded.
    public static func failure(_ call: () -> Int32) -> Int32? {
        while true {
            if call() >= 0 { return nil }
            let code = errno
            if code != EINTR { return code }
        }
    }

    /// Opens `path`, returning the descriptor.
    public static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644, operation: String = "open") throws(FileError) -> Int32 {
        try check(operation, path) { Glibc.open(path, flags, mode) }
    }

    /// Closes a descriptor; a failure to close one that was only read is of no consequence.
    public static func close(_ descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }

    /// Flushes a file or folder to the disk.
    public static func sync(_ descriptor: Int32, path: String) throws(FileError) {
        try check("flush", path) { fsync(descriptor) }
    }

    /// Flushes a folder, so that renames, links and removals in it survive a crash.
    public static func syncFolder(_ folder: String) throws(FileError) {
        let descriptor = try open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, operation: "open folder")
        defer { close(descriptor) }
        try sync(descriptor, path: folder)
    }

    /// The bytes free for an unprivileged writer on the file system holding `path`, or `nil` when
    /// the system cannot say.
    public static func freeBytes(at path: String) -> Int? {
        var info = statvfs()
        guard failure({ statvfs(path, &info) }) == nil else { return nil }
        let (bytes, overflow) = Int(info.f_bavail).multipliedReportingOverflow(by: Int(info.f_frsize))
        return overflow ? Int.max : bytes
    }

    /// The size in bytes of the file at `path`, or `nil` when it does not exist.
    public static func size(of path: String) -> Int? {
        var info = stat()
        guard failure({ lstat(path, &info) }) == nil else { return nil }
        return Int(info.st_size)
    }

    /// The device and inode of an open file, which tell one file from another with the same name.
    public static func identity(of descriptor: Int32, path: String) throws(FileError) -> FileIdentity {
        var info = stat()
        try check("stat", path) { fstat(descriptor, &info) }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The device and inode of `path` (not following a final link), or `nil` when it does not exist.
    public static func identity(of path: String) -> FileIdentity? {
        var info = stat()
        guard failure({ lstat(path, &info) }) == nil else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}

/// Which file a name led to: its device and inode.
public struct FileIdentity: Sendable, Hashable, CustomStringConvertible {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// `DEVICE:INODE`, as the journal keeps it.
    public var description: String { "\(device):\(inode)" }

    /// Reads `DEVICE:INODE`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        self.init(device: device, inode: inode)
    }
}

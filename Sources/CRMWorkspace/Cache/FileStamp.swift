#if canImport(Glibc)
import Glibc
#endif

/// What the cache remembers of a file to tell whether it changed, as git's index does: its
/// size, the times of its last change (content and inode), and its inode number.
struct FileStamp: Sendable, Hashable {
    var size: UInt64
    /// Nanoseconds since 1970.
    var modified: Int64
    var changed: Int64
    var inode: UInt64

    /// The stamp of the file at `path` (links not followed); `nil` when it cannot be read.
    init?(path: String) {
        self.init(path, relativeTo: AT_FDCWD)
    }

    /// The stamp of the file at `path` relative to the open folder `folder`.
    init?(_ path: String, relativeTo folder: Int32) {
        var info = stat()
        guard SystemCall.failure({ fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) }) == nil else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        size = UInt64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
    }

    init(size: UInt64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// The current time in nanoseconds since 1970, on the clock file times use.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

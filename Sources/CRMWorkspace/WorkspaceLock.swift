#if canImport(Glibc)
import Glibc
#endif

/// The workspace's write lock (`flock` on `.crm/cache/lock`, which git ignores), held by every command that changes
/// files so that two `crm` processes never lose each other's update. The kernel drops it
/// when the process ends, also when it crashes. Owns the lock file's descriptor.
public final class WorkspaceLock {
    private let descriptor: Int32

    public static let path = ".crm/cache/lock"

    /// Takes the lock, waiting up to `timeout` seconds for another process to release it.
    public init(workspace: Workspace, timeout: Double = 10) throws(FileError) {
        let path = workspace.absolute(Self.path)
        mkdir(workspace.absolute(".crm/cache"), 0o755)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileError(path: Self.path, code: errno, operation: "open the workspace lock") }
        var waited = 0.0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            guard reason == EWOULDBLOCK || reason == EINTR, waited < timeout else {
                close(descriptor)
                throw FileError(path: Self.path, code: reason == EWOULDBLOCK ? EBUSY : reason,
                                operation: "take the workspace lock (another crm command is changing this workspace)")
            }
            usleep(10_000)
            waited += 0.01
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// The workspace's write lock: `flock` on the lock file of `WorkspaceState` (`.git/crm/lock`, or
/// `.crm/lock` outside git), taken by every command that changes files, `crm sync` included, so
/// that two writers never lose each other's update. It lives where no cache clean-up or
/// `git clean` removes it, and the kernel drops it when the process ends, also when it crashes.
/// Owns the lock file's descriptor.
public final class WorkspaceLock {
    private let descriptor: Int32
    /// The lock file, for messages.
    public let path: String

    /// Takes the lock, waiting up to `timeout` seconds for another process to release it. A lock
    /// held past the timeout is reported with the code `EBUSY`.
    public convenience init(workspace: Workspace, timeout: Double = 10) throws(FileError) {
        let state = WorkspaceState(workspace: workspace)
        try state.create()
        try self.init(path: state.lockPath, timeout: timeout)
    }

    /// Takes the lock on the file at `path` (made when missing), as `init(workspace:timeout:)` does.
    public init(path: String, timeout: Double = 10) throws(FileError) {
        self.path = path
        descriptor = try SystemCall.open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, operation: "open the workspace lock")
        var waited = 0.0
        while let reason = SystemCall.failure({ flock(descriptor, LOCK_EX | LOCK_NB) }) {
            guard reason == EWOULDBLOCK, waited < timeout else {
                SystemCall.close(descriptor)
                throw FileError(path: path, code: reason == EWOULDBLOCK ? EBUSY : reason,
                                operation: "take the workspace lock (another crm command is changing this workspace)")
            }
            usleep(10_000)
            waited += 0.01
        }
    }

    /// The lock when no other process holds it, else `nil` at once.
    public static func tryTaking(_ workspace: Workspace) -> WorkspaceLock? {
        try? WorkspaceLock(workspace: workspace, timeout: 0)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        SystemCall.close(descriptor)
    }
}

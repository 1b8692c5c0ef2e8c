#if canImport(Glibc)
import Glibc
#endif
import CRMWorkspace

/// git's own lock on its index, `.git/index.lock`, taken the way git takes it (created
/// exclusively) and held for the whole of a change: while crm writes files, builds the commit
/// and moves HEAD, no `git commit`, `git add` or IDE can stage or commit half of it. The new
/// index is written into the lock file and renamed over `.git/index`, as git does. Owns the
/// descriptor; a lock not installed is removed when this is released.
public final class IndexLock {
    /// `.git/index.lock`.
    public let path: String
    /// Which file the lock is, so that a lock left by a crashed crm is told from another process's.
    public let identity: FileIdentity
    private let descriptor: Int32
    private let index: String
    private var held = true

    /// Takes the lock, waiting up to `timeout` seconds while another process holds it.
    public init(repository: Repository, timeout: Double) throws(GitError) {
        let index = repository.gitFolder + "/index"
        let path = index + ".lock"
        self.index = index
        self.path = path
        var waited = 0.0
        var opened: Int32 = -1
        while let code = SystemCall.failure({
            opened = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
            return opened
        }) {
            guard code == EEXIST else {
                throw GitError(operation: "lock git's index", code: -1, message: FileError(path: path, code: code, operation: "create").description)
            }
            guard waited < timeout else { throw Self.busy(path, waited: timeout) }
            usleep(20_000)
            waited += 0.02
        }
        descriptor = opened
        do {
            try FileIO.writeAll(Array((Self.marker + "pid \(getpid())\n").utf8), to: opened, path: path)
            identity = try SystemCall.identity(of: opened, path: path)
        } catch {
            SystemCall.close(opened)
            _ = SystemCall.failure { unlink(path) }
            throw GitError(operation: "lock git's index", code: -1, message: error.description)
        }
    }

    deinit {
        SystemCall.close(descriptor)
        if held { release() }
    }

    /// What a lock holds until the new index replaces it: a crm that dies before it has written
    /// its journal leaves a lock that says it is crm's, so the next crm can remove it.
    static let marker = "crm: index lock\n"

    /// True when the lock at `path` was taken by crm and holds no index yet.
    public static func isMarkedByCrm(_ path: String) -> Bool {
        guard let bytes = try? FileIO.read(path, limit: 256) else { return false }
        return bytes.starts(with: Array(marker.utf8))
    }

    /// The error when another process holds the lock past the wait.
    static func busy(_ path: String, waited: Double) -> GitError {
        GitError(operation: "lock git's index", code: -14, message:
            "\(path) exists after waiting \(waited) s: another git process (git commit, an editor, git gc) is using the repository; "
            + "nothing was changed. If no git process is running, one was interrupted: remove that file")
    }

    /// Puts the index file at `temporary` into the lock file: from now on the lock holds the
    /// complete new index, and `install` makes it git's. Like git, crm does not flush the index
    /// to the disk (git checks it on reading, and it can be rebuilt from HEAD).
    public func fill(from temporary: String) throws(GitError) {
        do throws(FileError) {
            let bytes = try FileIO.read(temporary)
            try SystemCall.check("empty", path) { ftruncate(descriptor, 0) }
            try SystemCall.check("seek in", path) { Int32(truncatingIfNeeded: lseek(descriptor, 0, SEEK_SET)) }
            try FileIO.writeAll(bytes, to: descriptor, path: path)
        } catch {
            throw GitError(operation: "write git's index", code: -1, message: error.description)
        }
        _ = SystemCall.failure { unlink(temporary) }
    }

    /// Renames the filled lock over `.git/index`, which releases it.
    public func install() throws(GitError) {
        do throws(FileError) {
            try SystemCall.check("replace", index) { rename(path, index) }
        } catch {
            throw GitError(operation: "write git's index", code: -1, message: error.description)
        }
        held = false
    }

    /// Gives the lock up without changing the index.
    public func release() {
        guard held else { return }
        held = false
        if SystemCall.identity(of: path) == identity { _ = SystemCall.failure { unlink(path) } }
    }

    /// Removes the lock at `path` when it is still the file `identity` names, as a crm that died
    /// holding it left it; another process's lock is left alone. Says whether it was removed.
    @discardableResult
    public static func removeStale(at path: String, identity: FileIdentity) -> Bool {
        guard SystemCall.identity(of: path) == identity else { return false }
        return SystemCall.failure { unlink(path) } == nil
    }

    /// Installs the index left in a crashed crm's lock file, when it is still that file and was
    /// filled: the commit it belongs to is HEAD, so the index is the one to keep.
    @discardableResult
    public static func installStale(at path: String, identity: FileIdentity) -> Bool {
        guard SystemCall.identity(of: path) == identity, !isMarkedByCrm(path), (try? FileIO.read(path).isEmpty) == false else { return false }
        let index = String(path.dropLast(".lock".count))
        return SystemCall.failure { rename(path, index) } == nil
    }
}

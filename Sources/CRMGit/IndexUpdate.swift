#if canImport(Glibc)
import Glibc
#endif
internal import CGit2
import CRMWorkspace

/// git's index being changed for a commit, in a file of its own (`temporary`) so that
/// `.git/index` is never touched: the caller holds `IndexLock` and installs the result. While
/// it is open it is the repository's index, so git's attribute lookups for the files being
/// stored read it instead of parsing `.git/index` a second time. Each entry gets the working
/// file's size, times and inode, as `git add` records them, and any merge conflict on its path
/// is settled; the user's other staged work stays as it is. Owns the `git_index`.
public final class IndexUpdate {
    private let pointer: OpaquePointer
    private let repository: Repository
    private let keepsModes: Bool

    /// The index of `repository` as it is, opened at `temporary` (a second name for
    /// `.git/index`, not a copy: libgit2 writes its result under a new inode).
    public init(repository: Repository, at temporary: String) throws(GitError) {
        self.repository = repository
        let current = repository.gitFolder + "/index"
        do throws(FileError) {
            _ = SystemCall.failure { unlink(temporary) }
            if FileIO.kind(of: current) != nil, SystemCall.failure({ link(current, temporary) }) != nil {
                try AtomicFile.write(try FileIO.read(current), to: temporary, durable: false)
            }
        } catch {
            throw GitError(operation: "copy git's index", code: -1, message: error.description)
        }
        var index: OpaquePointer?
        try check(git_index_open(&index, temporary), "read git's index")
        pointer = index!
        keepsModes = try repository.configValue("core.filemode").map { ["false", "no", "off", "0"].contains($0.lowercased()) } ?? false
        try check(git_repository_set_index(repository.pointer, pointer), "use git's index")
    }

    deinit {
        _ = git_repository_set_index(repository.pointer, nil)
        git_index_free(pointer)
    }

    /// Sets each path to its blob, or removes it.
    public func apply(_ changes: [IndexChange]) throws(GitError) {
        for change in changes {
            let conflict = git_index_conflict_remove(pointer, change.path)
            if conflict != GIT_ENOTFOUND.rawValue { try check(conflict, "settle the conflict on \(change.path)") }
            guard let blob = change.blob else {
                let result = git_index_remove(pointer, change.path, 0)
                if result != GIT_ENOTFOUND.rawValue { try check(result, "remove \(change.path) from git's index") }
                continue
            }
            let existingMode = git_index_get_bypath(pointer, change.path, 0)?.pointee.mode
            try addEntry(change.path, blob: blob, mode: keepsModes ? existingMode : nil)
        }
    }

    /// Writes the index into its file.
    public func write() throws(GitError) {
        try check(git_index_write(pointer), "write git's index")
    }

    /// The tree the index describes.
    public func tree() throws(GitError) -> String {
        var oid = git_oid()
        try check(git_index_write_tree_to(&oid, pointer, repository.pointer), "write the index's tree")
        return hex(&oid)
    }

    /// True when entries are not merged.
    public var hasConflicts: Bool { git_index_has_conflicts(pointer) != 0 }

    private func addEntry(_ path: String, blob: String, mode: UInt32?) throws(GitError) {
        var info = stat()
        if let code = SystemCall.failure({ lstat(repository.workdir + "/" + path, &info) }) {
            throw GitError(operation: "add \(path) to git's index", code: -1,
                           message: FileError(path: path, code: code, operation: "stat").description)
        }
        var entry = git_index_entry()
        entry.ctime = git_index_time(seconds: Int32(truncatingIfNeeded: info.st_ctim.tv_sec),
                                     nanoseconds: UInt32(truncatingIfNeeded: info.st_ctim.tv_nsec))
        entry.mtime = git_index_time(seconds: Int32(truncatingIfNeeded: info.st_mtim.tv_sec),
                                     nanoseconds: UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec))
        entry.dev = UInt32(truncatingIfNeeded: info.st_dev)
        entry.ino = UInt32(truncatingIfNeeded: info.st_ino)
        entry.mode = mode ?? (info.st_mode & 0o100 != 0 ? 0o100755 : 0o100644)
        entry.uid = info.st_uid
        entry.gid = info.st_gid
        entry.file_size = UInt32(truncatingIfNeeded: info.st_size)
        try check(git_oid_fromstr(&entry.id, blob), "read blob id '\(blob)'")
        let result = path.withCString { name in
            entry.path = name
            return git_index_add(pointer, &entry)
        }
        try check(result, "add \(path) to git's index")
    }
}

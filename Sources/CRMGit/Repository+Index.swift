#if canImport(Glibc)
import Glibc
#endif
internal import CGit2
import CRMWorkspace

/// One path of git's index set to a working file's blob, or removed.
public struct IndexChange: Sendable, Hashable {
    /// Relative to the working folder.
    public var path: String
    /// The blob the entry gets (the working file's, as stored); `nil` removes the entry.
    public var blob: String?

    public init(path: String, blob: String?) {
        self.path = path
        self.blob = blob
    }
}

extension Repository {
    /// Writes git's index with `changes` applied into the file `temporary`, leaving `.git/index`
    /// itself alone: the caller holds `IndexLock` and installs the result. Each entry gets the
    /// working file's size, times and inode, as `git add` records them, and any merge conflict
    /// on its path is settled. The user's other staged work stays as it is.
    public func writeIndex(_ changes: [IndexChange], to temporary: String) throws(GitError) {
        let current = gitFolder + "/index"
        do throws(FileError) {
            if FileIO.kind(of: current) == nil {
                _ = SystemCall.failure { unlink(temporary) }
            } else {
                try AtomicFile.write(try FileIO.read(current), to: temporary, durable: false)
            }
        } catch {
            throw GitError(operation: "copy git's index", code: -1, message: error.description)
        }
        var index: OpaquePointer?
        try check(git_index_open(&index, temporary), "read git's index")
        defer { git_index_free(index) }
        let keepModes = try configValue("core.filemode").map { ["false", "no", "off", "0"].contains($0.lowercased()) } ?? false
        for change in changes {
            let conflict = git_index_conflict_remove(index, change.path)
            if conflict != GIT_ENOTFOUND.rawValue { try check(conflict, "settle the conflict on \(change.path)") }
            guard let blob = change.blob else {
                let result = git_index_remove(index, change.path, 0)
                if result != GIT_ENOTFOUND.rawValue { try check(result, "remove \(change.path) from git's index") }
                continue
            }
            let existingMode = git_index_get_bypath(index, change.path, 0)?.pointee.mode
            try addEntry(change.path, blob: blob, to: index!, mode: keepModes ? existingMode : nil)
        }
        try check(git_index_write(index), "write git's index")
    }

    /// Writes an index holding exactly `tree` into the file `path`, for hooks that look at what
    /// is being committed (`GIT_INDEX_FILE`).
    public func writeIndex(ofTree tree: String, to path: String) throws(GitError) {
        var oid = git_oid()
        try check(git_oid_fromstr(&oid, tree), "read tree id '\(tree)'")
        var object: OpaquePointer?
        try check(git_tree_lookup(&object, pointer, &oid), "read the tree \(tree)")
        defer { git_tree_free(object) }
        _ = SystemCall.failure { unlink(path) }
        var index: OpaquePointer?
        try check(git_index_open(&index, path), "make an index for the hooks")
        defer { git_index_free(index) }
        try check(git_index_read_tree(index, object), "make an index for the hooks")
        try check(git_index_write(index), "make an index for the hooks")
    }

    /// The tree the index file at `path` describes.
    public func tree(ofIndexAt path: String) throws(GitError) -> String {
        var index: OpaquePointer?
        try check(git_index_open(&index, path), "read the index \(path)")
        defer { git_index_free(index) }
        var oid = git_oid()
        try check(git_index_write_tree_to(&oid, index, pointer), "read the index \(path)")
        return hex(&oid)
    }

    /// The blob git's index has for `path` (stage 0), or `nil` when it has none.
    public func indexedBlob(_ path: String) throws(GitError) -> String? {
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "read git's index")
        defer { git_index_free(index) }
        try check(git_index_read(index, 0), "read git's index")
        guard let entry = git_index_get_bypath(index, path, 0) else { return nil }
        return withUnsafePointer(to: entry.pointee.id) { hex($0) }
    }

    /// True when git's index holds entries that are not merged.
    public func indexHasConflicts() throws(GitError) -> Bool {
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "read git's index")
        defer { git_index_free(index) }
        return git_index_has_conflicts(index) != 0
    }

    /// Adds the entry of the working file at `path` with `blob`.
    private func addEntry(_ path: String, blob: String, to index: OpaquePointer, mode: UInt32?) throws(GitError) {
        var info = stat()
        if let code = SystemCall.failure({ lstat(workdir + "/" + path, &info) }) {
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
            return git_index_add(index, &entry)
        }
        try check(result, "add \(path) to git's index")
    }
}

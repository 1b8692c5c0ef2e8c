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
    /// itself alone (see `IndexUpdate`).
    public func writeIndex(_ changes: [IndexChange], to temporary: String) throws(GitError) {
        let update = try IndexUpdate(repository: self, at: temporary)
        try update.apply(changes)
        try update.write()
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
}

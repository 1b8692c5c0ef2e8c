#if canImport(Glibc)
import Glibc
#endif
internal import CGit2

/// The result of merging two commits, held in memory before anything is written: the merged
/// files and, where git could not merge a file, its three versions. Owns the `git_index`.
public final class MergeIndex {
    /// A file git could not merge: its bytes in the common ancestor and on each side
    /// (`nil` where the file is absent on that side).
    public struct Conflict: Sendable {
        public var path: String
        public var ancestor: [UInt8]?
        public var ours: [UInt8]?
        public var theirs: [UInt8]?
        /// Each version's blob id (hex) and file mode, to put the conflict back.
        var versions: [(id: String, mode: UInt32)?]
    }

    let pointer: OpaquePointer
    let repository: Repository

    init(pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit {
        git_index_free(pointer)
    }

    /// The files git could not merge, repository paths in order.
    public func conflicts() throws(GitError) -> [Conflict] {
        try Self.conflicts(in: pointer, repository: repository)
    }

    /// The conflicts of any index.
    static func conflicts(in pointer: OpaquePointer, repository: Repository) throws(GitError) -> [Conflict] {
        func bytes(of entry: UnsafePointer<git_index_entry>?) throws(GitError) -> [UInt8]? {
            guard var id = entry?.pointee.id else { return nil }
            return try repository.blobBytes(&id)
        }
        var iterator: OpaquePointer?
        try check(git_index_conflict_iterator_new(&iterator, pointer), "list the merge's conflicts")
        defer { git_index_conflict_iterator_free(iterator) }
        var conflicts: [Conflict] = []
        while true {
            var ancestor: UnsafePointer<git_index_entry>?
            var ours: UnsafePointer<git_index_entry>?
            var theirs: UnsafePointer<git_index_entry>?
            let result = git_index_conflict_next(&ancestor, &ours, &theirs, iterator)
            if result == GIT_ITEROVER.rawValue { break }
            try check(result, "list the merge's conflicts")
            let path = String(cString: (ancestor ?? ours ?? theirs)!.pointee.path)
            let versions = [ancestor, ours, theirs].map { entry in
                entry.map { entry in (id: withUnsafePointer(to: entry.pointee.id) { hex($0) }, mode: entry.pointee.mode) }
            }
            conflicts.append(Conflict(path: path, ancestor: try bytes(of: ancestor), ours: try bytes(of: ours), theirs: try bytes(of: theirs),
                                      versions: versions))
        }
        return conflicts
    }

    /// A conflict of three versions of a file that git merged line by line but that is to be
    /// left for a person: each version is stored as a blob so the conflict can be restored.
    public func conflict(_ path: String, ancestor: [UInt8]?, ours: [UInt8]?, theirs: [UInt8]?) throws(GitError) -> Conflict {
        let versions = try [ancestor, ours, theirs].map { bytes throws(GitError) -> (id: String, mode: UInt32)? in
            guard let bytes else { return nil }
            var id = git_oid()
            try check(bytes.withUnsafeBytes { git_blob_create_from_buffer(&id, repository.pointer, $0.baseAddress, $0.count) },
                      "store \(path) in git")
            return (hex(&id), UInt32(GIT_FILEMODE_BLOB.rawValue))
        }
        return Conflict(path: path, ancestor: ancestor, ours: ours, theirs: theirs, versions: versions)
    }

    /// Settles a conflict (or sets any file) to `bytes`.
    public func set(_ path: String, to bytes: [UInt8]) throws(GitError) {
        var id = git_oid()
        try check(bytes.withUnsafeBytes { git_blob_create_from_buffer(&id, repository.pointer, $0.baseAddress, $0.count) },
                  "store \(path) in git")
        if git_index_has_conflicts(pointer) != 0 {
            let removed = git_index_conflict_remove(pointer, path)
            if removed != GIT_ENOTFOUND.rawValue { try check(removed, "settle the conflict in \(path)") }
        }
        let cPath = strdup(path)!
        defer { free(cPath) }
        var entry = git_index_entry()
        entry.mode = UInt32(GIT_FILEMODE_BLOB.rawValue)
        entry.id = id
        entry.path = UnsafePointer(cPath)
        try check(git_index_add(pointer, &entry), "add \(path) to the merge")
    }

    /// Settles a conflict by removing the file.
    public func remove(_ path: String) throws(GitError) {
        let removed = git_index_conflict_remove(pointer, path)
        if removed != GIT_ENOTFOUND.rawValue { try check(removed, "settle the conflict in \(path)") }
        let result = git_index_remove(pointer, path, 0)
        if result != GIT_ENOTFOUND.rawValue { try check(result, "remove \(path) from the merge") }
    }

    /// Puts a conflict back (after its merged content was checked out), so git sees the file as unmerged.
    public func restore(_ conflict: Conflict) throws(GitError) {
        let path = strdup(conflict.path)!
        defer { free(path) }
        let entries = try conflict.versions.map { version throws(GitError) -> git_index_entry? in
            guard let version else { return nil }
            var entry = git_index_entry()
            entry.mode = version.mode
            entry.path = UnsafePointer(path)
            try check(git_oid_fromstr(&entry.id, version.id), "read the id \(version.id)")
            return entry
        }
        let pointers = (0..<3).map { index -> UnsafeMutablePointer<git_index_entry>? in
            guard let entry = entries[index] else { return nil }
            let slot = UnsafeMutablePointer<git_index_entry>.allocate(capacity: 1)
            slot.initialize(to: entry)
            return slot
        }
        defer { pointers.forEach { $0?.deallocate() } }
        try check(git_index_conflict_add(pointer, pointers[0], pointers[1], pointers[2]), "mark \(conflict.path) as not merged")
    }

    public var hasConflicts: Bool { git_index_has_conflicts(pointer) != 0 }
}

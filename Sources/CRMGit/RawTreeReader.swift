#if canImport(Glibc)
import Glibc
#endif
internal import CGit2

/// Finds entries of trees by reading their raw objects and scanning for the name, without
/// building libgit2's parsed tree: a folder of thousands of records costs one scan, and the
/// few trees read last are kept, since walking history reads each commit's tree twice (as a
/// commit's and as its child's parent's). Owns its `git_odb` handle.
final class RawTreeReader {
    private let database: OpaquePointer
    /// The trees read last, newest at the end, each a `git_odb_object` handle owned here.
    private var recent: [(id: git_oid, object: OpaquePointer)] = []
    private static let kept = 8

    init(_ repository: OpaquePointer) throws(GitError) {
        var database: OpaquePointer?
        try check(git_repository_odb(&database, repository), "open the object database")
        self.database = database!
    }

    deinit {
        for item in recent { git_odb_object_free(item.object) }
        git_odb_free(database)
    }

    /// The id of the entry at `path` (`customers/acme.yaml`) below the tree `root`, or `nil`.
    func entry(at path: String, in root: git_oid) throws(GitError) -> git_oid? {
        var current = root
        for name in path.split(separator: "/") {
            guard let next = try child(String(name), of: current) else { return nil }
            current = next
        }
        return current
    }

    /// Scans the tree's raw bytes in place (libgit2 holds them): each entry is
    /// "<mode> <name>\0" and a 20-byte object id.
    private func child(_ name: String, of tree: git_oid) throws(GitError) -> git_oid? {
        let object = try read(tree)
        let size = git_odb_object_size(object)
        guard size > 0, let data = git_odb_object_data(object) else { return nil }
        let bytes = UnsafeRawBufferPointer(start: data, count: size)
        var target = Array(name.utf8)
        target.append(0)
        return target.withUnsafeBytes { wanted -> git_oid? in
            var index = 0
            while index < size {
                guard let space = memchr(data + index, 0x20, size - index) else { return nil }
                let nameStart = data.distance(to: UnsafeRawPointer(space)) + 1
                guard let zero = memchr(data + nameStart, 0, size - nameStart) else { return nil }
                let nameEnd = data.distance(to: UnsafeRawPointer(zero))
                guard nameEnd + 21 <= size else { return nil }
                if nameEnd + 1 - nameStart == wanted.count && memcmp(data + nameStart, wanted.baseAddress!, wanted.count) == 0 {
                    var oid = git_oid()
                    withUnsafeMutableBytes(of: &oid.id) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[(nameEnd + 1)..<(nameEnd + 21)])) }
                    return oid
                }
                index = nameEnd + 21
            }
            return nil
        }
    }

    private func read(_ oid: git_oid) throws(GitError) -> OpaquePointer {
        var wanted = oid
        for item in recent {
            var known = item.id
            if git_oid_equal(&known, &wanted) != 0 { return item.object }
        }
        var object: OpaquePointer?
        try check(git_odb_read(&object, database, &wanted), "read tree \(hex(&wanted))")
        recent.append((oid, object!))
        if recent.count > Self.kept { git_odb_object_free(recent.removeFirst().object) }
        return object!
    }
}

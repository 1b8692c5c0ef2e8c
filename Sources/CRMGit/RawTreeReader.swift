internal import CGit2

/// Finds entries of trees by reading their raw objects and scanning for the name, without
/// building libgit2's parsed tree: a folder of thousands of records costs one scan, and the
/// few trees read last are kept, since walking history reads each commit's tree twice (as a
/// commit's and as its child's parent's). Owns its `git_odb` handle.
final class RawTreeReader {
    private let database: OpaquePointer
    private var recent: [(id: git_oid, bytes: [UInt8])] = []
    private static let kept = 8

    init(_ repository: OpaquePointer) throws(GitError) {
        var database: OpaquePointer?
        try check(git_repository_odb(&database, repository), "open the object database")
        self.database = database!
    }

    deinit {
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

    private func child(_ name: String, of tree: git_oid) throws(GitError) -> git_oid? {
        let bytes = try read(tree)
        let target = Array(name.utf8)
        var index = 0
        // Each entry: "<mode> <name>\0" and a 20-byte object id.
        while index < bytes.count {
            while index < bytes.count && bytes[index] != 0x20 { index += 1 }
            let nameStart = index + 1
            var nameEnd = nameStart
            while nameEnd < bytes.count && bytes[nameEnd] != 0 { nameEnd += 1 }
            guard nameEnd + 21 <= bytes.count else { return nil }
            if nameEnd - nameStart == target.count && bytes[nameStart..<nameEnd].elementsEqual(target) {
                var oid = git_oid()
                withUnsafeMutableBytes(of: &oid.id) { $0.copyBytes(from: bytes[(nameEnd + 1)..<(nameEnd + 21)]) }
                return oid
            }
            index = nameEnd + 21
        }
        return nil
    }

    private func read(_ oid: git_oid) throws(GitError) -> [UInt8] {
        var wanted = oid
        for item in recent {
            var known = item.id
            if git_oid_equal(&known, &wanted) != 0 { return item.bytes }
        }
        var object: OpaquePointer?
        try check(git_odb_read(&object, database, &wanted), "read tree \(hex(&wanted))")
        defer { git_odb_object_free(object) }
        let size = git_odb_object_size(object)
        let bytes = size == 0 ? [] : Array(UnsafeRawBufferPointer(start: git_odb_object_data(object), count: size))
        recent.append((oid, bytes))
        if recent.count > Self.kept { recent.removeFirst() }
        return bytes
    }
}

#if canImport(Glibc)
import Glibc
#endif
internal import CGit2

/// Rewriting history, for purging data from every commit: the references, the commits they
/// reach (parents first), trees rebuilt with some blobs replaced, new commits and tags made
/// with the old ones' authors, committers, dates and messages, and references moved.
extension Repository {
    /// A reference that points at an object (symbolic ones such as HEAD follow them).
    public struct ReferenceTarget: Sendable, Hashable {
        public var name: String
        /// The object it points at: a commit, or an annotated tag.
        public var target: String
        /// The commit it leads to.
        public var commit: String
        /// True when `target` is an annotated tag object.
        public var isAnnotatedTag: Bool { target != commit }
    }

    /// Every direct reference below `refs/` that leads to a commit.
    public func references() throws(GitError) -> [ReferenceTarget] {
        var names = git_strarray()
        try check(git_reference_list(&names, pointer), "list the references")
        defer { git_strarray_dispose(&names) }
        var found: [ReferenceTarget] = []
        for index in 0..<names.count {
            let name = String(cString: names.strings[index]!)
            guard name.hasPrefix("refs/") else { continue }
            var reference: OpaquePointer?
            try check(git_reference_lookup(&reference, pointer, name), "read \(name)")
            defer { git_reference_free(reference) }
            guard git_reference_type(reference) == GIT_REFERENCE_DIRECT, let target = git_reference_target(reference) else { continue }
            var peeled: OpaquePointer?
            guard git_reference_peel(&peeled, reference, GIT_OBJECT_COMMIT) == 0 else { continue }
            defer { git_object_free(peeled) }
            found.append(ReferenceTarget(name: name, target: hex(target), commit: hex(git_object_id(peeled))))
        }
        return found.sorted { $0.name < $1.name }
    }

    /// The commits `tips` reach, every parent before its children.
    public func commits(reachableFrom tips: [String]) throws(GitError) -> [CommitInfo] {
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, pointer), "walk the history")
        defer { git_revwalk_free(walker) }
        git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue)
        for tip in Set(tips) {
            var oid = git_oid()
            try check(git_oid_fromstr(&oid, tip), "read commit id '\(tip)'")
            try check(git_revwalk_push(walker, &oid), "walk the history from \(tip)")
        }
        var commits: [CommitInfo] = []
        var oid = git_oid()
        while true {
            let result = git_revwalk_next(&oid, walker)
            if result == GIT_ITEROVER.rawValue { return commits }
            try check(result, "walk the history")
            commits.append(try commit(oid))
        }
    }

    /// Stores `bytes` as a blob, as they are (no filters).
    public func createBlob(_ bytes: [UInt8]) throws(GitError) -> String {
        var id = git_oid()
        try check(bytes.withUnsafeBytes { git_blob_create_from_buffer(&id, pointer, $0.baseAddress, $0.count) }, "store a file in git")
        return hex(&id)
    }

    /// The tree `tree` with each blob `replace` returns bytes for (given its path and bytes)
    /// replaced by them. Subtrees already rewritten at the same path come from `memo`.
    public func rewriteTree(_ tree: String, path: String = "", memo: inout [String: String],
                            replace: (String, [UInt8]) throws(GitError) -> [UInt8]?) throws(GitError) -> String {
        let key = path + "\0" + tree
        if let known = memo[key] { return known }
        var oid = git_oid()
        try check(git_oid_fromstr(&oid, tree), "read tree id '\(tree)'")
        var object: OpaquePointer?
        try check(git_tree_lookup(&object, pointer, &oid), "read tree \(tree)")
        defer { git_tree_free(object) }
        var builder: OpaquePointer?
        try check(git_treebuilder_new(&builder, pointer, object), "rebuild tree \(tree)")
        defer { git_treebuilder_free(builder) }
        var changed = false
        for index in 0..<git_tree_entrycount(object) {
            let entry = git_tree_entry_byindex(object, index)
            let name = String(cString: git_tree_entry_name(entry))
            let child = path.isEmpty ? name : path + "/" + name
            var id = git_tree_entry_id(entry).pointee
            let mode = git_tree_entry_filemode(entry)
            var replacement: String?
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_TREE:
                let rewritten = try rewriteTree(hex(&id), path: child, memo: &memo, replace: replace)
                if rewritten != hex(&id) { replacement = rewritten }
            case GIT_OBJECT_BLOB where mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE:
                if let bytes = try replace(child, try blobBytes(&id)) { replacement = try createBlob(bytes) }
            default:
                break
            }
            guard let replacement else { continue }
            var newID = git_oid()
            try check(git_oid_fromstr(&newID, replacement), "read object id '\(replacement)'")
            try check(git_treebuilder_insert(nil, builder, name, &newID, mode), "rebuild tree \(path)")
            changed = true
        }
        var result = oid
        if changed { try check(git_treebuilder_write(&result, builder), "write tree \(path)") }
        memo[key] = hex(&result)
        return hex(&result)
    }

    /// A copy of the annotated tag `tag` (tagger, date, message as `message`) pointing at `commit`.
    public func retag(_ tag: String, name: String, to commit: String, message: String) throws(GitError) -> String {
        var oid = git_oid()
        try check(git_oid_fromstr(&oid, tag), "read tag id '\(tag)'")
        var object: OpaquePointer?
        try check(git_tag_lookup(&object, pointer, &oid), "read tag \(tag)")
        defer { git_tag_free(object) }
        var target = git_oid()
        try check(git_oid_fromstr(&target, commit), "read commit id '\(commit)'")
        var targetObject: OpaquePointer?
        try check(git_object_lookup(&targetObject, pointer, &target, GIT_OBJECT_COMMIT), "read commit \(commit)")
        defer { git_object_free(targetObject) }
        let short = name.hasPrefix("refs/tags/") ? String(name.dropFirst("refs/tags/".count)) : name
        var created = git_oid()
        if let tagger = git_tag_tagger(object) {
            try check(git_tag_annotation_create(&created, pointer, short, targetObject, tagger, message), "rewrite tag \(short)")
        } else {
            try withSignature(Signature(name: "crm", email: "crm@localhost", time: 0, offset: 0)) { tagger throws(GitError) in
                try check(git_tag_annotation_create(&created, pointer, short, targetObject, tagger, message), "rewrite tag \(short)")
            }
        }
        return hex(&created)
    }

    /// The message of annotated tag `tag`.
    public func tagMessage(_ tag: String) throws(GitError) -> String {
        var oid = git_oid()
        try check(git_oid_fromstr(&oid, tag), "read tag id '\(tag)'")
        var object: OpaquePointer?
        try check(git_tag_lookup(&object, pointer, &oid), "read tag \(tag)")
        defer { git_tag_free(object) }
        return git_tag_message(object).map { String(cString: $0) } ?? ""
    }

    /// True while git is in the middle of something: a merge, a rebase, a cherry-pick, a revert, a bisect.
    public var isInOperation: Bool { git_repository_state(pointer) != Int32(GIT_REPOSITORY_STATE_NONE.rawValue) }

    /// Points reference `name` at `target`, whatever it pointed at before.
    public func setReference(_ name: String, to target: String, reflog: String) throws(GitError) {
        var oid = git_oid()
        try check(git_oid_fromstr(&oid, target), "read object id '\(target)'")
        var moved: OpaquePointer?
        try check(git_reference_create(&moved, pointer, name, &oid, 1, reflog), "move \(name)")
        git_reference_free(moved)
    }

    /// Makes git's index hold the tree of HEAD, as `git reset --mixed` does (the working files
    /// are left alone).
    public func resetIndexToHead() throws(GitError) {
        guard let head = try head() else { return }
        try withTree(of: head.id) { tree throws(GitError) in
            var index: OpaquePointer?
            try check(git_repository_index(&index, pointer), "open git's index")
            defer { git_index_free(index) }
            try check(git_index_read_tree(index, tree), "read HEAD into git's index")
            try check(git_index_write(index), "write git's index")
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
internal import CGit2
import CRMWorkspace

/// One file as a commit changed it.
public struct FileChange: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case added
        case modified
        case deleted
        case renamed
    }

    public var kind: Kind
    /// The path before the commit (for a rename, the old path); `nil` when added.
    public var oldPath: String?
    /// The path after the commit; `nil` when deleted.
    public var newPath: String?
    public var oldBytes: [UInt8]?
    public var newBytes: [UInt8]?

    /// The path the file has after the commit, or had before it when deleted.
    public var path: String { newPath ?? oldPath ?? "" }
}

extension Repository {
    /// Commits reachable from HEAD, newest first, that changed something below `prefix`
    /// (`""` for anywhere), with the files they changed below it (renames found by similarity).
    /// A merge is listed only when it differs from every parent there, as `git log` does.
    public func history(under prefix: String, limit: Int? = nil) throws(GitError) -> [(commit: CommitInfo, changes: [FileChange])] {
        var results: [(CommitInfo, [FileChange])] = []
        try walk { commit throws(GitError) -> Bool in
            let changes = try self.changes(in: commit, under: prefix)
            if !changes.isEmpty { results.append((info(commit), changes)) }
            return limit.map { results.count < $0 } ?? true
        }
        return results
    }

    /// The commits that changed the file at `path` (as it is named at HEAD), newest first,
    /// following it back through renames.
    public func history(ofFile path: String, limit: Int? = nil) throws(GitError) -> [(commit: CommitInfo, change: FileChange)] {
        var results: [(CommitInfo, FileChange)] = []
        var current = path
        let trees = try RawTreeReader(pointer)
        try walk { commit throws(GitError) -> Bool in
            guard let change = try self.change(of: current, in: commit, trees: trees) else { return true }
            results.append((info(commit), change))
            if let oldPath = change.oldPath { current = oldPath }
            if change.kind == .added { return false }
            return limit.map { results.count < $0 } ?? true
        }
        return results
    }

    /// The last commit before `instant` (seconds since 1970) on HEAD's first-parent line.
    public func lastCommit(before instant: Int64) throws(GitError) -> CommitInfo? {
        var found: CommitInfo?
        try walk { commit throws(GitError) -> Bool in
            if git_commit_time(commit) < instant {
                found = info(commit)
                return false
            }
            return true
        }
        return found
    }

    /// Calls `visit` with each commit from HEAD, newest first, until it returns false.
    private func walk(_ visit: (OpaquePointer) throws(GitError) -> Bool) throws(GitError) {
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, pointer), "walk the history")
        defer { git_revwalk_free(walker) }
        git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue)
        let pushed = git_revwalk_push_head(walker)
        if pushed == GIT_ENOTFOUND.rawValue || pushed == GIT_EUNBORNBRANCH.rawValue { return }
        try check(pushed, "walk the history from HEAD")
        var oid = git_oid()
        while true {
            let result = git_revwalk_next(&oid, walker)
            if result == GIT_ITEROVER.rawValue { return }
            try check(result, "walk the history")
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, pointer, &oid), "read commit \(hex(&oid))")
            defer { git_commit_free(commit) }
            if try !visit(commit!) { return }
        }
    }

    /// How `commit` changed `path`: `nil` when it did not (or matches one of its parents).
    private func change(of path: String, in commit: OpaquePointer, trees: RawTreeReader) throws(GitError) -> FileChange? {
        let newID = try trees.entry(at: path, in: git_commit_tree_id(commit).pointee)
        var oldIDs: [git_oid?] = []
        for index in 0..<git_commit_parentcount(commit) {
            var parent: OpaquePointer?
            try check(git_commit_parent(&parent, commit, index), "read a parent commit")
            defer { git_commit_free(parent) }
            oldIDs.append(try trees.entry(at: path, in: git_commit_tree_id(parent).pointee))
        }
        if oldIDs.contains(where: { same($0, newID) }) { return nil }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commit), "read a commit's tree")
        defer { git_tree_free(tree) }
        let parents = try parentTrees(of: commit)
        defer { parents.forEach { git_tree_free($0) } }
        guard let newID else {
            return FileChange(kind: .deleted, oldPath: path, newPath: nil, oldBytes: try bytes(oldIDs.first ?? nil), newBytes: nil)
        }
        if let oldID = oldIDs.first ?? nil {
            return FileChange(kind: .modified, oldPath: path, newPath: path, oldBytes: try bytes(oldID), newBytes: try bytes(newID))
        }
        if let parent = parents.first {
            let folder = path.split(separator: "/").first.map(String.init) ?? ""
            for change in try diff(from: parent, to: tree!, under: folder) where change.kind == .renamed && change.newPath == path {
                return change
            }
        }
        return FileChange(kind: .added, oldPath: nil, newPath: path, oldBytes: nil, newBytes: try bytes(newID))
    }

    /// The files below `prefix` that `commit` changed compared with its first parent.
    func changes(in commit: OpaquePointer, under prefix: String) throws(GitError) -> [FileChange] {
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commit), "read a commit's tree")
        defer { git_tree_free(tree) }
        let parents = try parentTrees(of: commit)
        defer { parents.forEach { git_tree_free($0) } }
        let newFolder = prefix.isEmpty ? git_tree_id(tree).pointee : try entryID(at: prefix, in: tree!)
        for parent in parents {
            let oldFolder = prefix.isEmpty ? git_tree_id(parent).pointee : try entryID(at: prefix, in: parent)
            if same(oldFolder, newFolder) { return [] }
        }
        return try diff(from: parents.first, to: tree!, under: prefix)
    }

    /// The files below `prefix` that differ between a commit and another commit, or the working
    /// folder (with the index) when `to` is `nil`.
    public func changes(from fromID: String, to toID: String?, under prefix: String) throws(GitError) -> [FileChange] {
        try withTree(of: fromID) { old throws(GitError) in
            guard let toID else { return try diff(from: old, to: nil, under: prefix) }
            return try withTree(of: toID) { new throws(GitError) in try diff(from: old, to: new, under: prefix) }
        }
    }

    /// The files below `prefix` that git's index (what `git commit` would commit) has other than
    /// HEAD (every staged file when HEAD has no commit yet), each with its staged bytes. `indexFile`
    /// is the index git gives hooks in `GIT_INDEX_FILE` (`git commit -a` commits a temporary one).
    public func stagedChanges(under prefix: String, indexFile: String? = nil) throws(GitError) -> [FileChange] {
        var index: OpaquePointer?
        if let indexFile {
            try check(git_index_open(&index, FileIO.absolute(indexFile, from: workdir)), "read git's index \(indexFile)")
        } else {
            try check(git_repository_index(&index, pointer), "read git's index")
            try check(git_index_read(index, 0), "read git's index")
        }
        defer { git_index_free(index) }
        guard let head = try head() else { return try diff(from: nil, to: nil, under: prefix, index: index) }
        return try withTree(of: head.id) { old throws(GitError) in try diff(from: old, to: nil, under: prefix, index: index) }
    }

    /// The file changes between two trees (or a tree and the working folder when `new` is `nil`,
    /// or `index` when given) below `prefix`, with renames found by similarity.
    private func diff(from old: OpaquePointer?, to new: OpaquePointer?, under prefix: String,
                      index: OpaquePointer? = nil) throws(GitError) -> [FileChange] {
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        var pathspec = strdup(prefix)
        defer { free(pathspec) }
        var diff: OpaquePointer?
        try withUnsafeMutablePointer(to: &pathspec) { strings throws(GitError) in
            if !prefix.isEmpty { options.pathspec = git_strarray(strings: strings, count: 1) }
            if let new {
                try check(git_diff_tree_to_tree(&diff, pointer, old, new, &options), "compare two commits")
            } else if let index {
                try check(git_diff_tree_to_index(&diff, pointer, old, index, &options), "compare HEAD with git's index")
            } else {
                options.flags = GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
                try check(git_diff_tree_to_workdir_with_index(&diff, pointer, old, &options), "compare a commit with the working folder")
            }
        }
        defer { git_diff_free(diff) }
        var find = git_diff_find_options()
        git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION))
        find.flags = GIT_DIFF_FIND_RENAMES.rawValue
        try check(git_diff_find_similar(diff, &find), "find renamed files")
        var changes: [FileChange] = []
        func newBytes(_ file: git_diff_file, path: String) throws(GitError) -> [UInt8]? {
            new == nil && index == nil ? workingFile(path) : try bytes(file.id)
        }
        for index in 0..<git_diff_num_deltas(diff) {
            let delta = git_diff_get_delta(diff, index)!.pointee
            let oldPath = String(cString: delta.old_file.path)
            let newPath = String(cString: delta.new_file.path)
            switch delta.status {
            case GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED:
                changes.append(FileChange(kind: .added, oldPath: nil, newPath: newPath, oldBytes: nil,
                                          newBytes: try newBytes(delta.new_file, path: newPath)))
            case GIT_DELTA_DELETED:
                changes.append(FileChange(kind: .deleted, oldPath: oldPath, newPath: nil, oldBytes: try bytes(delta.old_file.id),
                                          newBytes: nil))
            case GIT_DELTA_RENAMED:
                changes.append(FileChange(kind: .renamed, oldPath: oldPath, newPath: newPath,
                                          oldBytes: try bytes(delta.old_file.id), newBytes: try newBytes(delta.new_file, path: newPath)))
            case GIT_DELTA_MODIFIED, GIT_DELTA_TYPECHANGE:
                changes.append(FileChange(kind: .modified, oldPath: oldPath, newPath: newPath,
                                          oldBytes: try bytes(delta.old_file.id), newBytes: try newBytes(delta.new_file, path: newPath)))
            default:
                continue
            }
        }
        return changes
    }

    /// A file of the working folder, or `nil` when it cannot be read.
    private func workingFile(_ path: String) -> [UInt8]? {
        try? RecordFile.read(path, root: workdir)
    }

    private func parentTrees(of commit: OpaquePointer) throws(GitError) -> [OpaquePointer] {
        var trees: [OpaquePointer] = []
        for index in 0..<git_commit_parentcount(commit) {
            var parent: OpaquePointer?
            try check(git_commit_parent(&parent, commit, index), "read a parent commit")
            defer { git_commit_free(parent) }
            var tree: OpaquePointer?
            try check(git_commit_tree(&tree, parent), "read a parent's tree")
            trees.append(tree!)
        }
        return trees
    }

    private func entryID(at path: String, in tree: OpaquePointer) throws(GitError) -> git_oid? {
        var entry: OpaquePointer?
        let result = git_tree_entry_bypath(&entry, tree, path)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "find \(path)")
        defer { git_tree_entry_free(entry) }
        return git_tree_entry_id(entry).pointee
    }

    private func bytes(_ oid: git_oid?) throws(GitError) -> [UInt8]? {
        guard var oid else { return nil }
        return try blobBytes(&oid)
    }

    private func same(_ left: git_oid?, _ right: git_oid?) -> Bool {
        switch (left, right) {
        case (nil, nil): return true
        case (var a?, var b?): return git_oid_equal(&a, &b) != 0
        default: return false
        }
    }
}

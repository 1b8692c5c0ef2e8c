#if canImport(Glibc)
import Glibc
#endif
internal import CGit2
import CRMWorkspace

/// The reference a commit moves: the branch HEAD is on, or HEAD itself when it is detached,
/// with the commit it points to (`nil` before the first commit).
public struct HeadTarget: Sendable, Hashable {
    public var reference: String
    public var commit: String?
}

extension Repository {
    /// Where HEAD points.
    public func headTarget() throws(GitError) -> HeadTarget {
        var head: OpaquePointer?
        try check(git_reference_lookup(&head, pointer, "HEAD"), "read HEAD")
        defer { git_reference_free(head) }
        if git_reference_type(head) == GIT_REFERENCE_SYMBOLIC {
            let name = String(cString: git_reference_symbolic_target(head))
            return HeadTarget(reference: name, commit: try commitID(of: name))
        }
        return HeadTarget(reference: "HEAD", commit: git_reference_target(head).map { hex($0) })
    }

    /// Stores the working file at `path` (relative to the working folder) as a blob, the way
    /// `git add` would: through git's line-ending and ident rules, or through the repository's
    /// external clean filter (`filter=NAME` with `filter.NAME.clean` or `.process`), which only
    /// the git command can run. Content a filter should have changed is never stored unfiltered.
    public func storeBlob(_ path: String, environment: [String: String]) throws(GitError) -> String {
        if let driver = try externalFilter(for: path) {
            return try storeThroughGit(path, driver: driver, environment: environment)
        }
        var oid = git_oid()
        try check(git_blob_create_from_workdir(&oid, pointer, path), "store \(path) in git")
        return hex(&oid)
    }

    /// The external filter driver git applies to `path`, if any. A driver declared required
    /// (`filter.NAME.required`) but with no command is an error, as it is for git.
    func externalFilter(for path: String) throws(GitError) -> String? {
        var value: UnsafePointer<CChar>?
        try check(git_attr_get(&value, pointer, 0, path, "filter"), "read the git attributes of \(path)")
        guard git_attr_value(value) == GIT_ATTR_VALUE_STRING, let value else { return nil }
        let name = String(cString: value)
        if try configValue("filter.\(name).clean") != nil { return name }
        if try configValue("filter.\(name).process") != nil { return name }
        if try configValue("filter.\(name).required").map({ ["true", "yes", "on", "1"].contains($0.lowercased()) }) == true {
            throw GitError(operation: "store \(path) in git", code: -1, message:
                "its attributes name the filter '\(name)', which is required (filter.\(name).required) but has no clean command in the git configuration; nothing was committed")
        }
        return nil
    }

    /// `git hash-object -w -- PATH` in the working folder: git runs the clean filter.
    private func storeThroughGit(_ path: String, driver: String, environment: [String: String]) throws(GitError) -> String {
        guard let git = Subprocess.find("git", path: environment["PATH"]) else {
            throw GitError(operation: "store \(path) in git", code: -1, message:
                "its attributes name the filter '\(driver)', an external program only the git command runs, and git is not installed; nothing was committed (install git)")
        }
        let result: Subprocess.Result
        do {
            result = try Subprocess(git, ["hash-object", "-w", "--", path], environment: environment, folder: workdir).run()
        } catch {
            throw GitError(operation: "store \(path) in git", code: -1, message: error.description)
        }
        let id = String(decoding: result.output, as: UTF8.self).trimmingWhitespace()
        guard result.succeeded, id.count == 40 || id.count == 64, id.allSatisfy(\.isHexDigit) else {
            let said = String(decoding: result.errors, as: UTF8.self).trimmingWhitespace()
            throw GitError(operation: "store \(path) in git", code: -1, message:
                "the clean filter '\(driver)' failed (git hash-object exit status \(result.status))" + (said.isEmpty ? "" : ": \(said)")
                + "; nothing was committed")
        }
        return id
    }

    /// The tree of `base` (a commit; `nil` for none) with `changes` applied: each path set to its
    /// blob, or removed when the blob is `nil`.
    public func tree(from base: String?, applying changes: [(path: String, blob: String?)]) throws(GitError) -> String {
        var baseline: OpaquePointer?
        defer { git_tree_free(baseline) }
        if let base {
            var oid = git_oid()
            try check(git_oid_fromstr(&oid, base), "read commit id '\(base)'")
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, pointer, &oid), "read commit \(base)")
            defer { git_commit_free(commit) }
            try check(git_commit_tree(&baseline, commit), "read the tree of \(base)")
        }
        var updates: [git_tree_update] = []
        var paths: [UnsafeMutablePointer<CChar>] = []
        defer { paths.forEach { free($0) } }
        for change in changes {
            if change.blob == nil {
                guard let baseline, try blobID(at: change.path, in: baseline) != nil else { continue }
            }
            let path = strdup(change.path)!
            paths.append(path)
            var oid = git_oid()
            if let blob = change.blob { try check(git_oid_fromstr(&oid, blob), "read blob id '\(blob)'") }
            updates.append(git_tree_update(action: change.blob == nil ? GIT_TREE_UPDATE_REMOVE : GIT_TREE_UPDATE_UPSERT, id: oid,
                                           filemode: GIT_FILEMODE_BLOB, path: path))
        }
        var treeID = git_oid()
        try check(git_tree_create_updated(&treeID, pointer, baseline, updates.count, updates), "build the new tree")
        return hex(&treeID)
    }

    /// The tree a commit has.
    public func treeID(of commit: String) throws(GitError) -> String {
        try withTree(of: commit) { tree throws(GitError) in hex(git_tree_id(tree)) }
    }

    /// Creates a commit object of `tree` with `parents`, without moving any reference.
    public func createCommit(tree: String, parents: [String], message: String, author: Signature,
                             committer: Signature) throws(GitError) -> String {
        var treeID = git_oid()
        try check(git_oid_fromstr(&treeID, tree), "read tree id '\(tree)'")
        var treeObject: OpaquePointer?
        try check(git_tree_lookup(&treeObject, pointer, &treeID), "read the new tree")
        defer { git_tree_free(treeObject) }
        var commits: [OpaquePointer?] = []
        defer { commits.forEach { git_commit_free($0) } }
        for parent in parents {
            var oid = git_oid()
            try check(git_oid_fromstr(&oid, parent), "read commit id '\(parent)'")
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, pointer, &oid), "read commit \(parent)")
            commits.append(commit)
        }
        var commitID = git_oid()
        try withSignature(author) { authorPointer throws(GitError) in
            try withSignature(committer) { committerPointer throws(GitError) in
                try check(git_commit_create(&commitID, pointer, nil, authorPointer, committerPointer, nil, message, treeObject,
                                            commits.count, &commits), "commit")
            }
        }
        return hex(&commitID)
    }

    /// Moves `target` to `commit`, only if it still points where it pointed when read: a
    /// reference another process moved meanwhile is left alone and reported (`isModified`).
    public func moveHead(_ target: HeadTarget, to commit: String, reflog: String) throws(GitError) {
        var new = git_oid()
        try check(git_oid_fromstr(&new, commit), "read commit id '\(commit)'")
        var moved: OpaquePointer?
        defer { git_reference_free(moved) }
        if let current = target.commit {
            var old = git_oid()
            try check(git_oid_fromstr(&old, current), "read commit id '\(current)'")
            try check(git_reference_create_matching(&moved, pointer, target.reference, &new, 1, &old, reflog), "move \(target.reference)")
        } else {
            try check(git_reference_create(&moved, pointer, target.reference, &new, 0, reflog), "create \(target.reference)")
        }
    }

    /// Moves `target` back from `commit` to where it pointed (deleting a branch that had no
    /// commit before), when it still points to `commit`: undoes `moveHead`.
    public func moveBack(_ target: HeadTarget, from commit: String) throws(GitError) {
        guard let previous = target.commit else {
            var reference: OpaquePointer?
            try check(git_reference_lookup(&reference, pointer, target.reference), "read \(target.reference)")
            defer { git_reference_free(reference) }
            guard git_reference_target(reference).map({ hex($0) }) == commit else { return }
            try check(git_reference_delete(reference), "undo the commit on \(target.reference)")
            return
        }
        try moveHead(HeadTarget(reference: target.reference, commit: commit), to: previous, reflog: "crm: undo a commit that could not be finished")
    }

    /// Ends a merge in progress: removes `MERGE_HEAD`, `MERGE_MSG` and `MERGE_MODE`.
    public func cleanUpMergeState() throws(GitError) {
        try check(git_repository_state_cleanup(pointer), "end the merge")
    }

    /// True when `ancestor` is `commit` or one of its ancestors.
    public func contains(_ ancestor: String, in commit: String) -> Bool {
        guard ancestor != commit else { return true }
        var (a, b) = (git_oid(), git_oid())
        guard git_oid_fromstr(&a, ancestor) == 0, git_oid_fromstr(&b, commit) == 0 else { return false }
        return git_graph_descendant_of(pointer, &b, &a) == 1
    }

    /// The id of the blob at `path` in a commit, or `nil` when the commit has no such file.
    public func blobID(at path: String, in commit: String) throws(GitError) -> String? {
        try withTree(of: commit) { tree throws(GitError) in
            guard var oid = try blobID(at: path, in: tree) else { return nil }
            return hex(&oid)
        }
    }

    /// The size in bytes of the trees a commit of `paths` rewrites (every folder on the way
    /// from the top to each path), for the space a commit needs.
    public func sizeOfTrees(on paths: [String], in commit: String) throws(GitError) -> Int {
        var database: OpaquePointer?
        try check(git_repository_odb(&database, pointer), "open the object database")
        defer { git_odb_free(database) }
        var folders: Set<String> = [""]
        for path in paths {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        return try withTree(of: commit) { root throws(GitError) in
            var total = 0
            for folder in folders {
                var oid = git_tree_id(root).pointee
                if !folder.isEmpty {
                    var entry: OpaquePointer?
                    guard git_tree_entry_bypath(&entry, root, folder) == 0 else { continue }
                    oid = git_tree_entry_id(entry).pointee
                    git_tree_entry_free(entry)
                }
                var size = 0
                var type = GIT_OBJECT_ANY
                if git_odb_read_header(&size, &type, database, &oid) == 0 { total += size }
            }
            return total
        }
    }
}

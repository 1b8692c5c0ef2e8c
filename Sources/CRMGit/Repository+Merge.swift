#if canImport(Glibc)
import Glibc
#endif
internal import CGit2
import CRMWorkspace

/// How HEAD stands to a commit being merged in.
public enum MergeAnalysis: Sendable, Equatable {
    /// HEAD has every commit of the other side already.
    case upToDate
    /// HEAD can simply move forward to the other side.
    case fastForward
    /// Both sides have commits the other lacks.
    case merge
    /// HEAD has no commit yet.
    case unborn
}

extension Repository {
    /// True while a merge is in progress (`git merge` stopped on conflicts, or `crm sync` did).
    public var isMerging: Bool {
        git_repository_state(pointer) == Int32(GIT_REPOSITORY_STATE_MERGE.rawValue)
    }

    /// The path of one of git's own files (`MERGE_MSG`).
    public func path(ofGitFile name: String) -> String { gitFolder + "/" + name }

    /// The commit being merged in while a merge is in progress.
    public func mergeHead() -> String? {
        guard let bytes = try? FileIO.read(path(ofGitFile: "MERGE_HEAD")) else { return nil }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").first.map(String.init)
    }

    /// The files the index holds as not merged.
    public func unmergedPaths() throws(GitError) -> [UnmergedPath] {
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "read the git index")
        defer { git_index_free(index) }
        return try MergeIndex.conflicts(in: index!, repository: self).map { conflict in
            UnmergedPath(path: conflict.path, inAncestor: conflict.ancestor != nil, ours: conflict.ours != nil, theirs: conflict.theirs != nil)
        }
    }

    /// How HEAD stands to `commitID`.
    public func analyzeMerge(with commitID: String) throws(GitError) -> MergeAnalysis {
        var oid = git_oid()
        try check(git_oid_fromstr(&oid, commitID), "read commit id '\(commitID)'")
        var annotated: OpaquePointer?
        try check(git_annotated_commit_lookup(&annotated, pointer, &oid), "read commit \(commitID)")
        defer { git_annotated_commit_free(annotated) }
        var analysis = git_merge_analysis_t(rawValue: 0)
        var preference = git_merge_preference_t(rawValue: 0)
        var heads: [OpaquePointer?] = [annotated]
        try check(git_merge_analysis(&analysis, &preference, pointer, &heads, 1), "compare HEAD with \(commitID)")
        if analysis.rawValue & GIT_MERGE_ANALYSIS_UP_TO_DATE.rawValue != 0 { return .upToDate }
        if analysis.rawValue & GIT_MERGE_ANALYSIS_UNBORN.rawValue != 0 { return .unborn }
        if analysis.rawValue & GIT_MERGE_ANALYSIS_FASTFORWARD.rawValue != 0 { return .fastForward }
        return .merge
    }

    /// The best common ancestor of two commits, or `nil` when they share no history.
    public func mergeBase(_ one: String, _ other: String) throws(GitError) -> String? {
        var (a, b, base) = (git_oid(), git_oid(), git_oid())
        try check(git_oid_fromstr(&a, one), "read commit id '\(one)'")
        try check(git_oid_fromstr(&b, other), "read commit id '\(other)'")
        let result = git_merge_base(&base, pointer, &a, &b)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "find the common ancestor of \(one) and \(other)")
        return hex(&base)
    }

    /// Merges `theirs` into `ours` in memory, with rename detection; nothing is written.
    public func merge(_ ours: String, _ theirs: String) throws(GitError) -> MergeIndex {
        var options = git_merge_options()
        try check(git_merge_options_init(&options, UInt32(GIT_MERGE_OPTIONS_VERSION)), "prepare the merge")
        options.flags = UInt32(GIT_MERGE_FIND_RENAMES.rawValue)
        var commits: [OpaquePointer?] = []
        defer { commits.forEach { git_commit_free($0) } }
        for id in [ours, theirs] {
            var oid = git_oid()
            try check(git_oid_fromstr(&oid, id), "read commit id '\(id)'")
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, pointer, &oid), "read commit \(id)")
            commits.append(commit)
        }
        var index: OpaquePointer?
        try check(git_merge_commits(&index, pointer, commits[0], commits[1], &options), "merge \(theirs) into \(ours)")
        return MergeIndex(pointer: index!, repository: self)
    }

    /// Writes the merged files that differ from HEAD into the working folder and makes them the
    /// index, leaving `unmerged` conflicts marked; the user's other files are left alone, and a
    /// working file that differs from HEAD where the merge would write stops it before anything
    /// is written.
    public func checkOut(_ merged: MergeIndex, unmerged: [MergeIndex.Conflict] = []) throws(GitError) {
        var head: OpaquePointer?
        var headTree: OpaquePointer?
        defer {
            git_tree_free(headTree)
            git_commit_free(head)
        }
        var headID = git_oid()
        if git_reference_name_to_id(&headID, pointer, "HEAD") == 0 {
            try check(git_commit_lookup(&head, pointer, &headID), "read the HEAD commit")
            try check(git_commit_tree(&headTree, head), "read the HEAD tree")
        }
        var options = git_checkout_options()
        try check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "prepare the checkout")
        options.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue | GIT_CHECKOUT_DONT_UPDATE_INDEX.rawValue
        options.baseline = headTree
        try check(git_checkout_index(pointer, merged.pointer, &options), "write the merged files")
        for conflict in unmerged { try merged.restore(conflict) }
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "read the git index")
        defer { git_index_free(index) }
        try check(git_index_clear(index), "take the merge into the git index")
        for position in 0..<git_index_entrycount(merged.pointer) {
            try check(git_index_add(index, git_index_get_byindex(merged.pointer, position)), "take the merge into the git index")
        }
        try check(git_index_write(index), "write the git index")
    }

    /// Records that a merge of `theirs` is in progress, as `git merge` does when it stops, so that
    /// `git commit` (or `crm sync`) finishes it.
    public func beginMerge(of theirs: String, message: String) throws(GitError) {
        do {
            try AtomicFile.write(Array((theirs + "\n").utf8), to: path(ofGitFile: "MERGE_HEAD"))
            try AtomicFile.write(Array(message.utf8), to: path(ofGitFile: "MERGE_MSG"))
            try AtomicFile.write([], to: path(ofGitFile: "MERGE_MODE"))
        } catch {
            throw GitError(operation: "record the merge in progress", code: -1, message: error.description)
        }
    }

    /// Moves the current branch forward to `commitID` (creating it when it has no commit yet),
    /// updating the working files and the index.
    public func fastForward(to commitID: String, branch: String) throws(GitError) {
        var oid = git_oid()
        try check(git_oid_fromstr(&oid, commitID), "read commit id '\(commitID)'")
        var target: OpaquePointer?
        try check(git_object_lookup(&target, pointer, &oid, GIT_OBJECT_COMMIT), "read commit \(commitID)")
        defer { git_object_free(target) }
        var options = git_checkout_options()
        try check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "prepare the checkout")
        options.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue
        try check(git_checkout_tree(pointer, target, &options), "write the files of \(commitID)")
        var moved: OpaquePointer?
        try check(git_reference_create(&moved, pointer, "refs/heads/\(branch)", &oid, 1, "crm sync: fast-forward"),
                  "move \(branch) forward")
        git_reference_free(moved)
    }
}

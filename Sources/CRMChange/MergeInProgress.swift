import CRMCheck
import CRMGit
import CRMSyntax
import CRMWorkspace

/// A merge that stopped on conflicts (`crm sync`, or `git merge` with the record driver) and
/// how it is finished: once no record holds a `conflicts:` entry and no record deleted on one
/// side is left undecided, the merge is committed with both parents.
public struct MergeInProgress {
    public let git: WorkspaceGit
    /// The commit being merged in.
    public let theirs: String

    public init(git: WorkspaceGit, theirs: String) {
        self.git = git
        self.theirs = theirs
    }

    /// The merge in progress in the workspace's repository, if there is one.
    public init?(git: WorkspaceGit) {
        guard git.repository.isMerging, let theirs = git.repository.mergeHead() else { return nil }
        self.git = git
        self.theirs = theirs
    }

    /// What still stands in the way of finishing: each conflict left in a record, each file
    /// git holds as not merged that does not read as a record, and each record deleted on one
    /// side and changed on the other. `problems` are the workspace check's.
    public func blockers(_ problems: [Diagnostic]) throws(GitError) -> [Diagnostic] {
        let unmerged = try git.unmergedPaths()
        var blockers = problems.filter { $0.code == "merge-conflict" }
        for file in unmerged {
            if !file.changedOnBothSides {
                if !blockers.contains(where: { $0.path == file.path }) { blockers.append(WorkspaceCheck.deletedOnOneSide(file.path)) }
            } else {
                blockers += problems.filter { $0.path == file.path && $0.severity == .error && $0.code != "merge-conflict" }
            }
        }
        return blockers
    }

    /// Commits the merge: every file git holds as not merged and every record changed since
    /// are taken as they are, through `WorkspaceChange` (lock, hooks, index), with both parents.
    public func finish(message: String, options: ChangeOptions, lock: WorkspaceLock? = nil) throws(ChangeError) -> CommitInfo? {
        let paths: [String]
        do throws(GitError) {
            let records = try git.status().filter { git.workspace.schema.type(forPath: $0.path) != nil }.map(\.path)
            paths = Array(Set(try git.unmergedPaths().map(\.path) + records)).sorted()
        } catch {
            throw ChangeError.git(error)
        }
        var change: WorkspaceChange
        if let lock {
            change = WorkspaceChange(git.workspace, options: options, lock: lock)
        } else {
            change = try WorkspaceChange(git.workspace, options: options)
        }
        change.mergeParent = theirs
        for path in paths { change.commitAsItIs(path) }
        return try change.apply(message: message).commit
    }

    /// The message git prepared for the merge, or a plain one.
    public var message: String {
        let prepared = (try? FileIO.read(git.repository.path(ofGitFile: "MERGE_MSG"))).map { String(decoding: $0, as: UTF8.self) }
        let kept = prepared?.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        return kept.flatMap { $0.isEmpty ? nil : $0 + "\n" } ?? "crm: merge \(theirs.prefix(7))\n"
    }
}

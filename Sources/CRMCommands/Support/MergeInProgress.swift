import CRMGit
import CRMSyntax
import CRMWorkspace

/// A merge that stopped on conflicts (`crm sync`, or `git merge` with the record driver) and
/// how it is finished: once no record holds a `conflicts:` entry and no record deleted on one
/// side is left undecided, the merge is committed with both parents.
struct MergeInProgress {
    let git: WorkspaceGit
    /// The commit being merged in.
    let theirs: String

    init(git: WorkspaceGit, theirs: String) {
        self.git = git
        self.theirs = theirs
    }

    /// The merge in progress in the workspace's repository, if there is one.
    init?(git: WorkspaceGit) {
        guard git.repository.isMerging, let theirs = git.repository.mergeHead() else { return nil }
        self.git = git
        self.theirs = theirs
    }

    /// What still stands in the way of finishing: each conflict left in a record, each file
    /// git holds as not merged that does not read as a record, and each record deleted on one
    /// side and changed on the other.
    func blockers(_ problems: [Diagnostic]) throws(CommandError) -> [Diagnostic] {
        let unmerged = try History.run { () throws(GitError) in try git.unmergedPaths() }
        var blockers = problems.filter { $0.code == "merge-conflict" }
        for file in unmerged {
            if !file.changedOnBothSides {
                blockers.append(Self.deletedOnOneSide(file.path))
            } else {
                blockers += problems.filter { $0.path == file.path && $0.severity == .error && $0.code != "merge-conflict" }
            }
        }
        return blockers
    }

    /// The problem of a record deleted on one side and changed on the other.
    static func deletedOnOneSide(_ path: String) -> Diagnostic {
        let id = RecordFile(path: path, type: "").id
        return Diagnostic(code: "merge-conflict", path: path, location: nil,
                          message: "deleted on one side and changed on the other; the changed record is kept for now",
                          hint: "decide: crm resolve \(id) --keep, or crm resolve \(id) --delete")
    }

    /// Takes every settled file and every record changed since into git's index, and commits the merge.
    func finish(message: String, environment: [String: String]) throws(CommandError) -> CommitInfo {
        try History.run { () throws(GitError) in
            let records = try git.status().filter { git.workspace.schema.type(forPath: $0.path) != nil }.map(\.path)
            let paths = Set(try git.unmergedPaths().map(\.path) + records)
            let present = paths.filter { FileIO.kind(of: git.workspace.absolute($0)) != nil }
            try git.stage(written: present.sorted(), deleted: paths.subtracting(present).sorted())
            let (author, committer) = try git.repository.signatures(environment: environment)
            return try git.repository.commitMerge(of: theirs, message: message, author: author, committer: committer)
        }
    }

    /// The message git prepared for the merge, or a plain one.
    var message: String {
        let prepared = (try? FileIO.read(git.repository.path(ofGitFile: "MERGE_MSG"))).map { String(decoding: $0, as: UTF8.self) }
        let kept = prepared?.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        return kept.flatMap { $0.isEmpty ? nil : $0 + "\n" } ?? "crm: merge \(theirs.prefix(7))\n"
    }
}

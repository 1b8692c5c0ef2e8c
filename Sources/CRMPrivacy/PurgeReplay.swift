import CRMGit
import CRMSyntax
import CRMWorkspace

/// What `crm sync` does when the remote's history was purged (`HistoryPurge`) and this clone
/// still works on the old commits: instead of merging the old history back (and with it the
/// erased data), the commits made here that the remote does not have are replayed, oldest
/// first, onto the remote's branch: each commit's files, as it changed them, with its author,
/// date and message. A replayed commit that changes a file the remote holds otherwise than
/// the commit's parent did (the purge scrubbed it, or a teammate edited it) stops the replay
/// before anything moves, so nothing is overwritten and no erased value comes back.
public struct PurgeReplay {
    /// The local commits to replay, oldest first.
    public let commits: [CommitInfo]
    /// The remote's tip to replay them onto.
    public let onto: String
    private let git: WorkspaceGit

    /// The replay of `head` onto `theirs`, or `nil` when `theirs` records no purge of commits
    /// that `head` still has.
    public init?(git: WorkspaceGit, head: String, theirs: String) throws(GitError) {
        let repository = git.repository
        let folder = git.repositoryPath(".crm/purges")
        var mapping: [String: String] = [:]
        for (_, bytes) in try repository.files(under: folder, at: theirs) {
            guard let document = try? RecordDocument(parsing: bytes) else { continue }
            for line in document["commits"]?.strings ?? [] {
                let ids = line.split(separator: " ")
                if ids.count == 2, ids[0].count == 40, ids[1].count == 40 { mapping[String(ids[0])] = String(ids[1]) }
            }
        }
        guard !mapping.isEmpty else { return nil }
        let local = try repository.commits(reachableFrom: [head])
        guard local.contains(where: { mapping[$0.id] != nil }) else { return nil }
        commits = local.filter { mapping[$0.id] == nil && !repository.contains($0.id, in: theirs) }
        onto = theirs
        self.git = git
    }

    /// Replays the commits onto the remote's tip, and returns the new tip (the remote's, when
    /// there is nothing to replay); nothing moves here, the caller moves the branch.
    public func replay() throws(GitError) -> String {
        let repository = git.repository
        var tip = onto
        for commit in commits {
            let parent = commit.parents.first
            let changes = try parent.map { parent throws(GitError) in try repository.changes(from: parent, to: commit.id, under: "") } ?? []
            var updates: [(path: String, blob: String?)] = []
            for change in changes {
                for path in [change.oldPath, change.newPath].compactMap({ $0 }) where try changedSince(path, parent: parent, tip: tip) {
                    throw GitError(operation: "replay \(commit.shortID) onto the purged history", code: -1,
                                   message: "\(path) changed on the remote since this clone last had it; replaying \(commit.shortID) "
                                       + "(\(commit.summary)) would overwrite that",
                                   hint: "save your copy of \(path), clone again, and make the change there")
                }
                if change.kind == .renamed, let old = change.oldPath { updates.append((old, nil)) }
                if let path = change.newPath ?? change.oldPath {
                    updates.append((path, try change.newBytes.map { bytes throws(GitError) in try repository.createBlob(bytes) }))
                }
            }
            let tree = try repository.tree(from: tip, applying: updates)
            tip = try repository.createCommit(tree: tree, parents: [tip], message: commit.message, author: commit.author,
                                              committer: commit.committer)
        }
        return tip
    }

    /// True when `path` at `tip` is not what the commit's parent held there: the remote changed
    /// it since (a teammate's edit, or the purge scrubbing it), and the replayed change would
    /// overwrite that.
    private func changedSince(_ path: String, parent: String?, tip: String) throws(GitError) -> Bool {
        let repository = git.repository
        let before = try parent.map { parent throws(GitError) in try repository.blobID(at: path, in: parent) } ?? nil
        return try repository.blobID(at: path, in: tip) != before
    }
}

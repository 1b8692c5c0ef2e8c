import CRMGit
import CRMMerge
import CRMSyntax
import CRMWorkspace

/// Merges another commit into HEAD for `crm sync`: git merges what it can, and every file it
/// cannot is merged as a record, field by field. What is left is kept in the files (a record's
/// `conflicts:`, a record the other side deleted, a file that does not read as a record) and
/// marked as not merged in git's index.
public struct WorkspaceMerge {
    /// What the merge did to one file.
    public struct Step: Sendable {
        public enum Kind: Sendable, Equatable {
            /// Both sides changed it; the fields merged.
            case merged
            /// Both sides changed these fields differently.
            case conflicts([String])
            /// Created on both sides: the other side's version is kept under a second path.
            case keptBoth(String)
            /// Deleted on one side and changed on the other; the changed version is kept.
            case deletedOnOneSide
            /// A version does not read as a record; ours is kept and git holds the file as not merged.
            case unreadable(Diagnostic)
        }

        public var path: String
        public var kind: Kind

        public var isConflict: Bool {
            switch kind {
            case .merged, .keptBoth: return false
            default: return true
            }
        }
    }

    public let git: WorkspaceGit
    let merged: MergeIndex
    public private(set) var steps: [Step] = []
    private var unmerged: [MergeIndex.Conflict] = []

    /// Merges `theirs` into `ours` in memory; nothing is written yet. Every record both sides
    /// changed is merged field by field, also where git's line merge would have succeeded (as
    /// `git merge` does with the driver `crm setup-git` registers).
    public init(git: WorkspaceGit, ours: String, theirs: String) throws(GitError) {
        self.git = git
        merged = try git.repository.merge(ours, theirs)
        let other = String(theirs.prefix(7))
        let conflicts = try merged.conflicts()
        for conflict in conflicts { try settle(conflict, other: other) }
        guard let base = try git.repository.mergeBase(ours, theirs) else { return }
        let unsettled = Set(conflicts.map(\.path))
        let theirChanges = Dictionary(try git.repository.changes(from: base, to: theirs, under: git.prefix)
            .filter { $0.kind == .modified }.map { ($0.newPath!, $0) }, uniquingKeysWith: { first, _ in first })
        for change in try git.repository.changes(from: base, to: ours, under: git.prefix) where change.kind == .modified {
            guard let path = change.newPath, !unsettled.contains(path), let their = theirChanges[path],
                  let mine = change.newBytes, let yours = their.newBytes, mine != yours,
                  let workspacePath = git.workspacePath(path), git.workspace.schema.type(forPath: workspacePath) != nil else { continue }
            try settle(try merged.conflict(path, ancestor: change.oldBytes, ours: mine, theirs: yours), other: other)
        }
    }

    /// Merges one file both sides changed, or records why it cannot be.
    private mutating func settle(_ conflict: MergeIndex.Conflict, other: String) throws(GitError) {
        let path = git.workspacePath(conflict.path) ?? conflict.path
        guard let ours = conflict.ours, let theirs = conflict.theirs else {
            try merged.set(conflict.path, to: conflict.ours ?? conflict.theirs ?? [])
            unmerged.append(conflict)
            steps.append(Step(path: path, kind: .deletedOnOneSide))
            return
        }
        switch FileMerge.merge(base: conflict.ancestor, ours: ours, theirs: theirs, path: path, other: other) {
        case .merged(let bytes):
            try merged.set(conflict.path, to: bytes)
            steps.append(Step(path: path, kind: .merged))
        case .conflicted(let bytes, let fields):
            try merged.set(conflict.path, to: bytes)
            unmerged.append(conflict)
            steps.append(Step(path: path, kind: .conflicts(fields)))
        case .bothAdded(let ours, let theirs):
            let workdir = git.repository.workdir
            let second = FileMerge.secondPath(for: conflict.path) { FileIO.kind(of: workdir + "/" + $0) != nil }
            try merged.set(conflict.path, to: ours)
            try merged.set(second, to: theirs)
            steps.append(Step(path: path, kind: .keptBoth(git.workspacePath(second) ?? second)))
        case .unreadable(let problem):
            try merged.set(conflict.path, to: ours)
            unmerged.append(conflict)
            steps.append(Step(path: path, kind: .unreadable(problem)))
        }
    }

    /// True when something is left for a person to settle.
    public var hasConflicts: Bool { steps.contains(where: \.isConflict) }

    /// Writes the merged files and the index, leaving what is not settled marked as not merged.
    public func write() throws(GitError) {
        try git.repository.checkOut(merged, unmerged: unmerged)
    }
}

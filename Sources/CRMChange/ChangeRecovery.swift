#if canImport(Glibc)
import Glibc
#endif
import CRMGit
import CRMWorkspace

/// Finishes or undoes the change of a crm command that stopped half-way (killed, out of
/// power), from the journal it left (`ChangeJournal`). Whoever takes the workspace lock next
/// runs it; every crm command does, before and after it runs, at the cost of one or two
/// `lstat` calls when there is nothing to do. A live writer's change is never touched: while
/// the lock is taken, this does nothing.
///
/// - When a commit holds the change (crm's own commit, or one made by hand since), the change
///   is kept: crm's commit gets its index installed, and a change half committed by hand is
///   rolled forward and its rest committed. No change a commit holds is ever undone.
/// - Otherwise every file that still holds what the change wrote gets its old content back
///   (renamed back from its backup), and a new file is removed.
/// - A file that holds neither what it held before nor what the change wrote was changed by
///   someone since, and is left alone and named.
/// - Temporary files, backups and git's index lock left by the change are removed.
public enum ChangeRecovery {
    /// Recovers the workspace at `root` when a change was left there; returns what was done, for people.
    public static func recover(root: String, environment: [String: String]) -> [String] {
        let state = WorkspaceState(root: root)
        let markedLock = state.indexLockPath.map { FileIO.kind(of: $0) != nil && IndexLock.isMarkedByCrm($0) } ?? false
        guard FileIO.kind(of: state.journalPath) != nil || markedLock else { return [] }
        guard let lock = WorkspaceLock.tryTaking(Workspace(root: root)) else { return [] }
        var notes: [String] = []
        if markedLock, let path = state.indexLockPath, IndexLock.isMarkedByCrm(path), SystemCall.failure({ unlink(path) }) == nil {
            notes.append("removed git's index lock \(path), left by a crm command that stopped")
        }
        guard let journal = ChangeJournal.read(at: state.journalPath) else {
            ChangeJournal.remove(at: state.journalPath)
            return notes
        }
        var recovery = Recovery(journal: journal, state: state, environment: environment, lock: lock)
        notes += recovery.run()
        ChangeJournal.remove(at: state.journalPath)
        return notes
    }
}

/// One recovery, from one journal.
private struct Recovery {
    let journal: ChangeJournal
    let state: WorkspaceState
    let environment: [String: String]
    let lock: WorkspaceLock
    let workspace: Workspace
    let git: WorkspaceGit?

    init(journal: ChangeJournal, state: WorkspaceState, environment: [String: String], lock: WorkspaceLock) {
        self.journal = journal
        self.state = state
        self.environment = environment
        self.lock = lock
        workspace = Workspace(root: journal.root)
        git = try? WorkspaceGit(workspace: workspace)
    }

    private var subject: String { journal.message.split(whereSeparator: \.isNewline).first.map(String.init) ?? "a change" }

    mutating func run() -> [String] {
        let head = try? git?.repository.headTarget()
        if journal.mode != .files, let commit = journal.commit, let git, let now = head?.commit, git.repository.contains(commit, in: now) {
            if now == commit, let path = state.indexLockPath, let identity = journal.indexLock, IndexLock.installStale(at: path, identity: identity) {
                removeLeftovers()
                return ["finished '\(subject)', committed as \(commit.prefix(7)) by a crm command that stopped before git's index was written"]
            }
            removeStaleLock()
            removeLeftovers()
            if let lost = recommitLost(since: commit, now: now) { return lost }
            guard now == commit else { return [] }
            switch restage(commit, git: git) {
            case .unchanged: return []
            case .updated: return ["finished '\(subject)', committed as \(commit.prefix(7)): updated git's index, which the stopped crm command had not"]
            case .failed: return ["'\(subject)' is committed as \(commit.prefix(7)), but git's index could not be updated yet; `git status` may show it as undone until a crm command succeeds in that"]
            }
        }
        removeStaleLock()
        if let now = head?.commit, now != journal.head, journal.entries.contains(where: { heldByCommit($0, commit: now) }) {
            return rollForward()
        }
        return undo()
    }

    private enum Restaged { case unchanged, updated, failed }

    /// Sets git's index entries of the change's files to what `commit` has.
    private func restage(_ commit: String, git: WorkspaceGit) -> Restaged {
        let repository = git.repository
        guard let indexLock = try? IndexLock(repository: repository, timeout: 3) else { return .failed }
        let changes = journal.entries.map { entry in
            let path = git.repositoryPath(entry.path)
            return IndexChange(path: path, blob: (try? repository.blobID(at: path, in: commit)) ?? nil)
        }.filter { change in ((try? repository.indexedBlob(change.path)) ?? nil) != change.blob }
        guard !changes.isEmpty else { return .unchanged }
        let temporary = state.folder + "/index"
        do throws(GitError) {
            try repository.writeIndex(changes, to: temporary)
            try indexLock.fill(from: temporary)
            try indexLock.install()
            return .updated
        } catch {
            return .failed
        }
    }

    /// After a commit made since with git's index as it was before the change (its lock was
    /// removed by hand), HEAD may lack files the change committed while the working files still
    /// hold them: those are committed again. Returns what was done, or `nil` when nothing was lost.
    private func recommitLost(since commit: String, now: String) -> [String]? {
        guard let git else { return nil }
        let lost = journal.entries.filter { entry in
            let path = git.repositoryPath(entry.path)
            let working = digest(workspace.absolute(entry.path))
            let inHead = ((try? git.repository.file(path, at: now)) ?? nil).map(ChangeJournal.digest)
            return working == .some(entry.after) && inHead != entry.after
        }
        guard !lost.isEmpty else { return nil }
        var change = WorkspaceChange(workspace, options: ChangeOptions(environment: environment), lock: lock)
        for entry in lost { change.commitAsItIs(entry.path) }
        let message = "crm: commit again what '\(subject)' changed in " + lost.map(\.path).joined(separator: ", ")
        guard let made = try? change.apply(message: message).commit else {
            return ["\(lost.map(\.path).joined(separator: ", ")) changed by '\(subject)' are not in HEAD any more (a commit was made with git's old index); `crm commit` commits them"]
        }
        return ["committed \(lost.map(\.path).joined(separator: ", ")) again as \(made.shortID): a commit made after '\(subject)' with git's old index had left them out"]
    }

    /// True when the commit `commit` holds what the change wrote to the entry's file, and the
    /// change's starting commit did not: someone committed it by hand after the change stopped.
    private func heldByCommit(_ entry: ChangeJournal.Entry, commit: String) -> Bool {
        guard let git else { return false }
        let path = git.repositoryPath(entry.path)
        let now = (try? git.repository.file(path, at: commit)) ?? nil
        let then = journal.head.flatMap { (try? git.repository.file(path, at: $0)) ?? nil }
        return now.map(ChangeJournal.digest) == entry.after && then.map(ChangeJournal.digest) != entry.after
    }

    /// Makes every file hold what the change wrote, then commits what the commit made by hand left out.
    private mutating func rollForward() -> [String] {
        for entry in journal.entries {
            let target = workspace.absolute(entry.path)
            let folder = StagedFiles.folder(of: target)
            let current = digest(target)
            if current == .some(entry.after) { continue }
            if current == .some(entry.before), let temporary = entry.temporary, let after = entry.after,
               digest(folder + "/" + temporary) == .some(after) {
                _ = SystemCall.failure { rename(folder + "/" + temporary, target) }
            } else if entry.after == nil, current == .some(entry.before) {
                _ = SystemCall.failure { unlink(target) }
            }
        }
        removeLeftovers()
        var notes = ["kept '\(subject)': a crm command stopped half-way through it, and a commit made since holds part of it"]
        guard journal.mode == .commit else { return notes }
        var change = WorkspaceChange(workspace, options: ChangeOptions(environment: environment), lock: lock)
        for entry in journal.entries { change.commitAsItIs(entry.path) }
        if let commit = try? change.apply(message: "crm: finish an interrupted change (\(subject))").commit {
            notes.append("committed the rest of it as \(commit.shortID)")
        }
        return notes
    }

    /// Puts back every file that still holds what the change wrote.
    private func undo() -> [String] {
        var restored: [String] = []
        var kept: [String] = []
        for entry in journal.entries.reversed() {
            let target = workspace.absolute(entry.path)
            let folder = StagedFiles.folder(of: target)
            let backup = entry.backup.map { folder + "/" + $0 }
            guard let current = digest(target) else {
                kept.append(entry.path)
                continue
            }
            if current == entry.before { continue }
            guard current == entry.after else {
                kept.append(entry.path)
                continue
            }
            if let backup, FileIO.kind(of: backup) != nil {
                if SystemCall.failure({ rename(backup, target) }) == nil { restored.append(entry.path) } else { kept.append(entry.path) }
            } else if entry.before == nil {
                if SystemCall.failure({ unlink(target) }) == nil { restored.append(entry.path) } else { kept.append(entry.path) }
            } else {
                kept.append(entry.path)
            }
        }
        removeLeftovers()
        var notes: [String] = []
        if !restored.isEmpty {
            notes.append("put back \(restored.reversed().joined(separator: ", ")): a crm command stopped before it could commit '\(subject)'")
        }
        for path in kept.reversed() {
            notes.append("\(path) was left as it is: it changed after an interrupted crm command wrote it; see `crm status`")
        }
        return notes
    }

    /// The digest of a file: `.some(nil)` when it does not exist, `nil` when it cannot be read.
    private func digest(_ path: String) -> UInt64?? {
        do {
            return .some(ChangeJournal.digest(try FileIO.read(path)))
        } catch where error.code == ENOENT {
            return .some(nil)
        } catch {
            return nil
        }
    }

    private func removeStaleLock() {
        if let path = state.indexLockPath, let identity = journal.indexLock { IndexLock.removeStale(at: path, identity: identity) }
        _ = SystemCall.failure { unlink(state.folder + "/index") }
        _ = SystemCall.failure { unlink(state.folder + "/hook-index") }
    }

    /// Removes the change's temporary files and backups.
    private func removeLeftovers() {
        for entry in journal.entries {
            let folder = StagedFiles.folder(of: workspace.absolute(entry.path))
            for name in [entry.temporary, entry.backup].compactMap({ $0 }) { _ = SystemCall.failure { unlink(folder + "/" + name) } }
        }
    }
}

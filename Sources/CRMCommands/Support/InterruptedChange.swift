import CRMGit
import CRMWorkspace

/// Finishes or undoes the change of a `crm` command that stopped half-way: killed, out of
/// power, or failed before it could put its files back. It left the undo journal
/// (`ChangeJournal`); whoever holds the workspace lock next reads it. When the change's
/// commit was made, only git's index lags behind, and is brought up to date; otherwise every
/// file that still holds what the change wrote gets its old content back, and a file changed
/// since is left alone. Runs before and after every command, and costs one `lstat` when there
/// is nothing to do.
enum InterruptedChange {
    static func recover(_ context: inout CommandContext) {
        guard let root = try? Workspace.locate(explicit: context.workspaceOption, environment: context.environment,
                                                currentDirectory: context.currentDirectory),
              FileIO.kind(of: root + "/" + ChangeJournal.path) != nil else { return }
        let workspace = Workspace(root: root)
        let lock: WorkspaceLock
        do {
            lock = try WorkspaceLock(workspace: workspace)
        } catch {
            CRM.warn("an interrupted change waits to be finished, but the workspace lock is taken (\(error.reason))", context: &context)
            return
        }
        defer { withExtendedLifetime(lock) {} }
        guard let journal = ChangeJournal.read(in: workspace) else { return }
        let git = try? WorkspaceGit(workspace: workspace)
        if let git, let head = try? git.repository.head(), head.id != journal.head, head.parents.first == journal.head {
            finishIndex(journal, commit: head, git: git, context: &context)
            return
        }
        let (restored, kept) = journal.undo(in: workspace)
        if !restored.isEmpty {
            CRM.warn("put back \(restored.joined(separator: ", ")): a crm command stopped before it could commit its change",
                     context: &context)
        }
        for path in kept {
            CRM.warn("\(path) was left as it is: it changed after an interrupted crm command wrote it; see `crm status`",
                     context: &context)
        }
        ChangeJournal.remove(in: workspace)
    }

    /// The change was committed as `commit`; stages its files so git's index agrees.
    private static func finishIndex(_ journal: ChangeJournal, commit: CommitInfo, git: WorkspaceGit, context: inout CommandContext) {
        let workspace = git.workspace
        let paths = journal.paths
        paths.forEach { AtomicFile.removeTemporaryFiles(of: workspace.absolute($0)) }
        let present = paths.filter { FileIO.kind(of: workspace.absolute($0)) != nil }
        do {
            try git.stage(written: present, deleted: paths.filter { !present.contains($0) })
            ChangeJournal.remove(in: workspace)
        } catch {
            CRM.warn("the change committed as \(commit.shortID) left git's index behind, and it cannot be updated yet: \(error.description)",
                     context: &context)
        }
    }
}

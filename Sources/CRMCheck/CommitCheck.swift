import CRMGit
import CRMSyntax
import CRMWorkspace

/// The one check, for git's `pre-commit` hook: what `git commit` is about to commit (the staged
/// files, against the rest of the workspace). `PushCheck` is its server-side counterpart.
public enum CommitCheck {
    /// The problems of the staged change: each file staged (in `indexFile`, else git's index)
    /// below the workspace, as staged, checked against the rest as `crm commit` checks a change.
    public static func staged(_ git: WorkspaceGit, indexFile: String?, today: CivilDate?) throws(GitError) -> [Diagnostic] {
        let files = changedFiles(try git.repository.stagedChanges(under: git.prefix, indexFile: indexFile), path: git.workspacePath)
        guard !files.isEmpty else { return [] }
        return WorkspaceCheck(git.workspace, today: today).changes(files)
    }

    /// git's changes as the check's changed files, `path` turning a repository path into a
    /// workspace path (`nil` outside the workspace): a rename is its old path deleted and its new
    /// path written.
    static func changedFiles(_ changes: [FileChange], path: (String) -> String?) -> [ChangedFile] {
        var files: [ChangedFile] = []
        for change in changes {
            if change.kind == .renamed, let old = change.oldPath.flatMap(path) {
                files.append(ChangedFile(path: old, bytes: nil, before: change.oldBytes))
            }
            guard let target = change.newPath.flatMap(path) ?? change.oldPath.flatMap(path) else { continue }
            files.append(ChangedFile(path: target, bytes: change.kind == .deleted ? nil : change.newBytes,
                                     before: change.kind == .renamed ? nil : change.oldBytes))
        }
        return files
    }
}

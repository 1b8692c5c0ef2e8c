import CRMGit
import CRMSyntax
import CRMWorkspace

/// A change to the workspace's files: made under the workspace lock, each file written
/// atomically, then committed to git as one commit of exactly those files. When the commit
/// fails, every file is put back as it was.
struct WorkspaceMutation {
    let workspace: Workspace
    private let lock: WorkspaceLock
    /// Workspace paths written, in order, with what they held before (`nil`: did not exist).
    private var originals: [(path: String, bytes: [UInt8]?)] = []
    private(set) var written: [String] = []
    private(set) var deleted: [String] = []

    /// Takes the workspace lock (waiting briefly for another `crm`).
    init(_ workspace: Workspace) throws(CommandError) {
        self.workspace = workspace
        lock = try Self.lock(workspace)
    }

    /// The workspace lock, or an error saying another `crm` holds it.
    static func lock(_ workspace: Workspace) throws(CommandError) -> WorkspaceLock {
        do {
            return try WorkspaceLock(workspace: workspace)
        } catch {
            throw CommandError("another crm command is changing this workspace (\(error.reason))",
                               hint: "try again in a moment; if no crm is running, check \(WorkspaceLock.path)")
        }
    }

    /// Writes a file (relative to the workspace), creating its folders.
    mutating func write(_ bytes: [UInt8], to path: String) throws(CommandError) {
        let absolute = workspace.absolute(path)
        remember(path)
        do {
            try AtomicFile.makeFolders(for: absolute)
            try AtomicFile.write(bytes, to: absolute)
        } catch {
            rollBack()
            throw CommandError(error.description)
        }
        written.append(path)
    }

    mutating func delete(_ path: String) throws(CommandError) {
        remember(path)
        do {
            try AtomicFile.remove(workspace.absolute(path))
        } catch {
            rollBack()
            throw CommandError(error.description)
        }
        deleted.append(path)
    }

    private mutating func remember(_ path: String) {
        guard !originals.contains(where: { $0.path == path }) else { return }
        originals.append((path, try? FileIO.read(workspace.absolute(path))))
    }

    /// Puts every file back as it was before this mutation.
    mutating func rollBack() {
        for original in originals.reversed() {
            let absolute = workspace.absolute(original.path)
            if let bytes = original.bytes {
                try? AtomicFile.write(bytes, to: absolute)
            } else {
                try? AtomicFile.remove(absolute)
            }
        }
        originals = []
    }

    /// Commits the changed files unless `--no-commit` was given, auto-commit is off, or the
    /// workspace is not in a git repository; while a merge is in progress, stages them for it
    /// instead (except records still listing conflicts). Returns the commit, if one was made.
    mutating func commit(_ message: String, invocation: Invocation, context: inout CommandContext) throws(CommandError) -> CommitInfo? {
        guard !invocation.flag("no-commit"), workspace.config.autoCommit, !written.isEmpty || !deleted.isEmpty else { return nil }
        do {
            guard let git = try WorkspaceGit(workspace: workspace) else { return nil }
            if git.repository.isMerging {
                try git.stage(written: written.filter { !carriesConflicts($0) }, deleted: deleted)
                context.console.error("staged for the merge in progress; `crm sync` (or `git commit`) finishes it\n")
                return nil
            }
            return try git.commit(written: written, deleted: deleted, message: message, environment: context.environment)
        } catch {
            rollBack()
            throw CommandError("the change was not made: \(error.description)",
                               hint: "or make it without a commit with --no-commit")
        }
    }

    /// True when the record at `path` still lists merge conflicts, so git is to keep it as not merged.
    private func carriesConflicts(_ path: String) -> Bool {
        guard let bytes = try? FileIO.read(workspace.absolute(path)), let document = try? RecordDocument(parsing: bytes) else { return false }
        return document[ConflictMarks.field] != nil
    }

    /// The option every command that changes files takes.
    static let noCommitOption = OptionSpec(["--no-commit"], help: "Change the files but do not commit the change to git.")
}

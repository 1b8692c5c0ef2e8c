#if canImport(Glibc)
import Glibc
#endif
import CRMGit
import CRMSyntax
import CRMWorkspace

/// A change to the workspace's files: made under the workspace lock, each file written
/// atomically, then committed to git as one commit of exactly those files. When the commit
/// fails, every file is put back as it was. Before a file is touched, what it held goes to the
/// undo journal, so a command that dies half-way is finished or undone by the next one
/// (`InterruptedChange`).
struct WorkspaceMutation {
    let workspace: Workspace
    private let lock: WorkspaceLock
    /// Workspace paths written, in order, with what they held before (`nil`: did not exist).
    private var originals: [(path: String, bytes: [UInt8]?)] = []
    /// Where each path is in `originals`.
    private var originalIndex: [String: Int] = [:]
    private(set) var written: [String] = []
    private(set) var deleted: [String] = []
    private var journal: JournalFile?
    /// The repository holding the workspace, opened with the journal; `nil` outside git.
    private var git: WorkspaceGit?
    /// The commit HEAD pointed to when the first file changed.
    private var startingHead: String?

    /// Takes the workspace lock (waiting briefly for another `crm`).
    init(_ workspace: Workspace) throws(CommandError) {
        self.workspace = workspace
        lock = try Self.lock(workspace)
    }

    /// The workspace lock, or an error saying another `crm` holds it, or why it cannot be taken
    /// (a read-only file system, no permission to write the workspace).
    static func lock(_ workspace: Workspace) throws(CommandError) -> WorkspaceLock {
        do {
            return try WorkspaceLock(workspace: workspace)
        } catch where error.code != EBUSY {
            throw CommandError("cannot change this workspace: \(error.description)",
                               hint: "reading works; changes need a workspace you may write to")
        } catch {
            throw CommandError("another crm command is changing this workspace (\(error.reason))",
                               hint: "try again in a moment; if no crm is running, check \(WorkspaceLock.path)")
        }
    }

    /// Writes a file (relative to the workspace), creating its folders.
    mutating func write(_ bytes: [UInt8], to path: String) throws(CommandError) {
        let absolute = workspace.absolute(path)
        do {
            try remember(path, intended: ChangeJournal.digest(bytes))
            try AtomicFile.makeFolders(for: absolute)
            try AtomicFile.write(bytes, to: absolute)
        } catch {
            rollBack()
            throw CommandError(error.description)
        }
        written.append(path)
    }

    mutating func delete(_ path: String) throws(CommandError) {
        do {
            try remember(path, intended: nil)
            try AtomicFile.remove(workspace.absolute(path))
        } catch {
            rollBack()
            throw CommandError(error.description)
        }
        deleted.append(path)
    }

    /// Keeps what `path` holds before it changes, in memory and in the journal (flushed). A
    /// file that exists but cannot be read is not changed: it could not be put back.
    private mutating func remember(_ path: String, intended: UInt64?) throws(FileError) {
        let original: [UInt8]?
        if let known = originalIndex[path] {
            original = originals[known].bytes
        } else {
            do {
                original = try FileIO.read(workspace.absolute(path))
            } catch where error.code == ENOENT {
                original = nil
            }
            originalIndex[path] = originals.count
            originals.append((path, original))
        }
        if journal == nil {
            git = try? WorkspaceGit(workspace: workspace)
            startingHead = try? git?.repository.head()?.id
            journal = try JournalFile(workspace: workspace, head: startingHead)
        }
        try journal?.append(ChangeJournal.Entry(path: path, original: original, intended: intended))
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
        originalIndex = [:]
        finish()
    }

    /// Removes the journal: the change is complete (committed here, or by the caller, as
    /// `crm init` does with every file it made), or completely undone.
    mutating func finish() {
        journal?.remove()
        journal = nil
    }

    /// Commits the changed files unless `--no-commit` was given, auto-commit is off, or the
    /// workspace is not in a git repository; while a merge is in progress, stages them for it
    /// instead (except records still listing conflicts). Returns the commit, if one was made.
    mutating func commit(_ message: String, invocation: Invocation, context: inout CommandContext) throws(CommandError) -> CommitInfo? {
        guard !invocation.flag("no-commit"), workspace.config.autoCommit, !written.isEmpty || !deleted.isEmpty else {
            finish()
            return nil
        }
        do throws(GitError) {
            if git == nil { git = try WorkspaceGit(workspace: workspace) }
            guard let git else {
                finish()
                return nil
            }
            if git.repository.isMerging {
                try git.stage(written: written.filter { !carriesConflicts($0) }, deleted: deleted)
                finish()
                context.console.error("staged for the merge in progress; `crm sync` (or `git commit`) finishes it\n")
                return nil
            }
            let commit = try git.commit(written: written, deleted: deleted, message: message, environment: context.environment)
            if FaultInjection.fails(at: .indexed) { throw GitError(operation: "finish", code: -1, message: "fault injected after indexed") }
            finish()
            return commit
        } catch {
            if let head = try? git?.repository.head(), head.id != startingHead, head.parents.first == startingHead {
                CRM.warn("committed as \(head.shortID), but git's index was not updated: \(error.description)",
                         context: &context)
                return head
            }
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

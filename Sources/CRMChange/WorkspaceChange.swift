#if canImport(Glibc)
import Glibc
#endif
import CRMGit
import CRMSyntax
import CRMWorkspace

/// The one way to change a workspace, used by every writer: the CLI, the editor server, the
/// terminal UI and the git hooks. A change is planned (`write`, `delete`, `commitAsItIs`) and
/// then made whole by `apply`, or not at all:
///
/// 1. The workspace lock is taken when the change is opened, so no other crm writes meanwhile.
/// 2. `apply` takes git's own index lock (waiting briefly while another git process holds it),
///    so that no `git commit` or IDE stages or commits half of the change; it fails here, before
///    any file is touched, when the lock stays taken.
/// 3. What the change writes is checked by `WorkspaceCheck`: a record is refused when it is not
///    valid, or larger than crm reads, or when hand edits in it since its last commit are not
///    valid; hand edits that are valid are named. The free space the change needs is checked.
/// 4. The journal is written and flushed; then every new content goes to a temporary file and
///    every replaced file gets a backup (`StagedFiles`); then the files are switched over.
/// 5. The commit is built as `git commit --only` builds it (HEAD's tree with exactly these
///    files, stored through git's filters), the `pre-commit`, `prepare-commit-msg` and
///    `commit-msg` hooks run, the new index is written into the lock, HEAD moves (only if no one
///    moved it meanwhile), the index is installed, and `post-commit` runs.
///
/// Any failure before HEAD moves undoes every file (renames only: no space needed) and leaves
/// git as it was; a process that dies half-way leaves the journal for `ChangeRecovery`.
public struct WorkspaceChange {
    /// One file of the change.
    struct Planned {
        /// The new content; `nil` deletes the file.
        var bytes: [UInt8]?
        /// Commit the file as it is on disk instead of writing it.
        var asItIs = false
        /// The file whose committed version this one continues (a renamed record's old path).
        var continuing: String?
    }

    public let workspace: Workspace
    public let options: ChangeOptions
    let lock: WorkspaceLock
    var planned: [String: Planned] = [:]
    /// The planned paths, in the order first planned.
    public private(set) var paths: [String] = []
    /// When set, the change finishes the merge of this commit: the commit gets it as a second
    /// parent, its tree is the whole index, and git's merge state is cleaned up.
    public var mergeParent: String?

    /// Opens a change of `workspace`, taking its write lock (waiting up to 10 s for another crm).
    public init(_ workspace: Workspace, options: ChangeOptions = ChangeOptions()) throws(ChangeError) {
        self.workspace = workspace
        self.options = options
        lock = try Self.lock(workspace)
    }

    /// A change made under a workspace lock the caller holds already (`crm sync`, recovery).
    public init(_ workspace: Workspace, options: ChangeOptions, lock: WorkspaceLock) {
        self.workspace = workspace
        self.options = options
        self.lock = lock
    }

    /// The workspace lock, or an error saying who holds it or why it cannot be taken.
    public static func lock(_ workspace: Workspace) throws(ChangeError) -> WorkspaceLock {
        do {
            return try WorkspaceLock(workspace: workspace)
        } catch where error.code != EBUSY {
            throw ChangeError(.locked, "cannot change this workspace: \(error.description)",
                              hint: "reading works; changes need a workspace you may write to")
        } catch {
            throw ChangeError(.locked, "another crm command is changing this workspace (\(error.reason))",
                              hint: "try again in a moment; if no crm is running, check \(error.path)")
        }
    }

    /// Writes `bytes` to `path` (relative to the workspace). `continuing` names the file whose
    /// committed version this one carries on (the old path of a renamed record).
    public mutating func write(_ bytes: [UInt8], to path: String, continuing: String? = nil) {
        plan(path, Planned(bytes: bytes, continuing: continuing))
    }

    /// Deletes the file at `path`.
    public mutating func delete(_ path: String) {
        plan(path, Planned(bytes: nil))
    }

    /// Commits `path` as it is on disk (changed by hand, or deleted by hand); the file is not
    /// written, and the caller has checked it.
    public mutating func commitAsItIs(_ path: String) {
        plan(path, Planned(bytes: nil, asItIs: true))
    }

    /// True when nothing is planned.
    public var isEmpty: Bool { paths.isEmpty }

    /// What the file at `path` holds now, or `nil` when it does not exist.
    public func current(_ path: String) throws(ChangeError) -> [UInt8]? {
        do {
            return try FileIO.read(workspace.absolute(path))
        } catch where error.code == ENOENT {
            return nil
        } catch {
            throw ChangeError(.file, "cannot change \(path): \(error.description)",
                              hint: "crm changes only files it can read, so that it can put them back")
        }
    }

    private mutating func plan(_ path: String, _ item: Planned) {
        if planned[path] == nil { paths.append(path) }
        planned[path] = item
    }

    /// Makes the change: every file written and committed, or nothing changed at all.
    public mutating func apply(message: String) throws(ChangeError) -> ChangeOutcome {
        guard !paths.isEmpty || mergeParent != nil else { return ChangeOutcome() }
        for path in paths where !(planned[path]?.asItIs ?? false) {
            if let problem = WorkspacePath.problem(with: path, in: workspace.root) {
                throw ChangeError(.file, "cannot write \(path): \(problem)",
                                  hint: "replace the link with a real folder; crm writes only inside the workspace")
            }
        }
        let git: WorkspaceGit?
        do {
            git = try WorkspaceGit(workspace: workspace)
        } catch {
            throw ChangeError.git(error)
        }
        guard let git, options.commits || mergeParent != nil, workspace.config.autoCommit || mergeParent != nil else {
            return try applyToFiles(message: message, git: git)
        }
        return try commit(message: message, git: git, mode: git.repository.isMerging && mergeParent == nil ? .stage : .commit)
    }

    /// The files as staged items: their current and new content.
    func stagedItems() throws(ChangeError) -> [StagedFiles.Item] {
        var items: [StagedFiles.Item] = []
        for path in paths {
            let item = planned[path]!
            let original = try current(path)
            items.append(StagedFiles.Item(path: path, bytes: item.asItIs ? original : item.bytes, original: original))
        }
        return items
    }

    /// The change without git: the files only.
    private mutating func applyToFiles(message: String, git: WorkspaceGit?) throws(ChangeError) -> ChangeOutcome {
        let items = try stagedItems()
        try validate(items, git: git, head: try git.map { git throws(ChangeError) in try head(of: git).commit } ?? nil)
        try checkSpace(items, git: nil, head: nil)
        var files = StagedFiles(root: workspace.root, items: items)
        let journal = try openJournal(ChangeJournal(root: workspace.root, mode: .files, head: nil, indexLock: nil, message: message,
                                                    entries: files.journalEntries))
        try Self.switchOver(&files, journal: journal)
        files.finish()
        journal.remove()
        return ChangeOutcome()
    }

    /// Prepares the files and switches them over; on failure, nothing has changed and the
    /// journal is removed.
    static func switchOver(_ files: inout StagedFiles, journal: JournalFile) throws(ChangeError) {
        do {
            try files.prepare()
            try files.switchOver()
        } catch {
            journal.remove()
            throw ChangeError.file(error)
        }
    }

    func openJournal(_ journal: ChangeJournal) throws(ChangeError) -> JournalFile {
        do {
            return try JournalFile(journal, state: WorkspaceState(workspace: workspace))
        } catch {
            throw ChangeError.file(error)
        }
    }

    func head(of git: WorkspaceGit) throws(ChangeError) -> HeadTarget {
        do {
            return try git.repository.headTarget()
        } catch {
            throw ChangeError.git(error)
        }
    }
}

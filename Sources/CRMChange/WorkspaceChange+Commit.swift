import CRMGit
import CRMSyntax
import CRMWorkspace

extension WorkspaceChange {
    /// The change in git: committed (`mode` `.commit`), or staged for the merge in progress.
    mutating func commit(message: String, git: WorkspaceGit, mode: ChangeJournal.Mode) throws(ChangeError) -> ChangeOutcome {
        let repository = git.repository
        let indexLock: IndexLock
        do {
            indexLock = try IndexLock(repository: repository, timeout: options.indexLockWait)
        } catch {
            throw ChangeError.git(error)
        }
        let head = try self.head(of: git)
        let items = try stagedItems()
        try validate(items, git: git, head: head.commit, merging: mode == .stage || mergeParent != nil)
        var outcome = ChangeOutcome()
        if mode == .commit && mergeParent == nil { outcome.handEdits = handEdits(items, git: git, head: head.commit) }
        try checkSpace(items, git: git, head: head.commit)
        let text = CommitMessage.make(message, handEdits: outcome.handEdits)
        var files = StagedFiles(root: workspace.root, items: items)
        let journal = try openJournal(ChangeJournal(root: workspace.root, mode: mode, head: head.commit, indexLock: indexLock.identity,
                                                    message: text, entries: files.journalEntries))
        try Self.switchOver(&files, journal: journal)
        var step = GitStep(git: git, head: head, lock: indexLock, journal: journal, mode: mode)
        do {
            try step.run(items: items, message: text, change: self, outcome: &outcome)
        } catch {
            step.undo()
            files.undo()
            journal.remove()
            throw error
        }
        files.finish()
        journal.remove()
        return outcome
    }

    /// True when a record still lists merge conflicts, so that git is to keep it as not merged.
    static func carriesConflicts(_ bytes: [UInt8]) -> Bool {
        ((try? RecordDocument(parsing: bytes))?[ConflictMarks.field]) != nil
    }
}

/// The git steps of a change whose files are in place: blobs, index, tree, hooks, commit, HEAD.
struct GitStep {
    let git: WorkspaceGit
    let head: HeadTarget
    let lock: IndexLock
    let journal: JournalFile
    let mode: ChangeJournal.Mode
    /// The commit HEAD was moved to, until the change is complete.
    private var moved: String?

    init(git: WorkspaceGit, head: HeadTarget, lock: IndexLock, journal: JournalFile, mode: ChangeJournal.Mode) {
        self.git = git
        self.head = head
        self.lock = lock
        self.journal = journal
        self.mode = mode
    }

    private var repository: Repository { git.repository }

    mutating func run(items: [StagedFiles.Item], message: String, change: WorkspaceChange,
                      outcome: inout ChangeOutcome) throws(ChangeError) {
        let state = WorkspaceState(workspace: change.workspace)
        let temporaryIndex = state.folder + "/index"
        var treeChanges: [(path: String, blob: String?)] = []
        var indexChanges: [IndexChange] = []
        let index = try gitCall { () throws(GitError) in try IndexUpdate(repository: repository, at: temporaryIndex) }
        try gitCall { () throws(GitError) in
            for item in items {
                let path = git.repositoryPath(item.path)
                guard let bytes = item.bytes else {
                    treeChanges.append((path, nil))
                    indexChanges.append(IndexChange(path: path, blob: nil))
                    continue
                }
                if mode == .stage && WorkspaceChange.carriesConflicts(bytes) { continue }
                let blob = try repository.storeBlob(path, environment: change.options.environment)
                treeChanges.append((path, blob))
                indexChanges.append(IndexChange(path: path, blob: blob))
            }
            try index.apply(indexChanges)
            try index.write()
        }
        if mode == .stage {
            try gitCall { () throws(GitError) in
                try lock.fill(from: temporaryIndex)
                try lock.install()
            }
            outcome.stagedForMerge = true
            return
        }
        let tree = try gitCall { () throws(GitError) -> String in
            if change.mergeParent != nil {
                guard !index.hasConflicts else {
                    throw GitError(operation: "commit the merge", code: -1, message: "files are still not merged")
                }
                return try index.tree()
            }
            return try repository.tree(from: head.commit, applying: treeChanges)
        }
        if change.mergeParent == nil, let current = head.commit, (try? repository.treeID(of: current)) == tree {
            try gitCall { () throws(GitError) in
                try lock.fill(from: temporaryIndex)
                try lock.install()
            }
            return
        }
        let hooks = try gitCall { () throws(GitError) in try Hooks(repository: repository, environment: change.options.environment) }
        var environment = change.options.environment
        if change.options.verifies, hooks.path(of: "pre-commit") != nil {
            let hookIndex = state.folder + "/hook-index"
            try gitCall { () throws(GitError) in try repository.writeIndex(ofTree: tree, to: hookIndex) }
            environment["GIT_INDEX_FILE"] = hookIndex
            try runHook("pre-commit", [], hooks: hooks, environment: environment, outcome: &outcome)
            guard (try? repository.tree(ofIndexAt: hookIndex)) == tree else {
                throw ChangeError(.hook, "the pre-commit hook changed what is to be committed; crm commits only its own change, so nothing was changed",
                                  hint: "make the hook check without staging, or run it by hand and commit with crm commit")
            }
        }
        let text = try finalMessage(message, hooks: hooks, environment: environment, verifies: change.options.verifies, outcome: &outcome)
        let commit = try gitCall { () throws(GitError) -> String in
            let (author, committer) = try repository.signatures(environment: change.options.environment)
            let parents = [head.commit, change.mergeParent].compactMap { $0 }
            let commit = try repository.createCommit(tree: tree, parents: parents, message: text, author: author, committer: committer)
            try Self.fault(.stored)
            do throws(FileError) {
                try journal.appendCommit(commit)
            } catch {
                throw GitError(operation: "record the commit in the journal", code: -1, message: error.description)
            }
            try lock.fill(from: temporaryIndex)
            return commit
        }
        let summary = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let kind = change.mergeParent != nil ? "commit (merge)" : head.commit == nil ? "commit (initial)" : "commit"
        do throws(GitError) {
            try repository.moveHead(head, to: commit, reflog: "\(kind): \(summary)")
        } catch where error.code == -15 || error.code == -4 {
            throw ChangeError(.git, "the change was not made: \(head.reference) moved while crm was committing (another git command committed)",
                              hint: "try again")
        } catch {
            throw ChangeError.git(error)
        }
        moved = commit
        try gitCall { () throws(GitError) in
            try Self.fault(.committed)
            try lock.install()
        }
        moved = nil
        // From here the change is complete: HEAD and the index hold it. Only a kill stops at this step.
        _ = FaultInjection.fails(at: .indexed)
        if change.mergeParent != nil { try? repository.cleanUpMergeState() }
        if let run = try? hooks.run("post-commit", environment: change.options.environment) { outcome.hooks.append(run) }
        outcome.commit = try? repository.commit(id: commit)
    }

    /// Undoes what reached git: HEAD goes back when it had moved; the index lock is released.
    func undo() {
        if let moved { try? repository.moveBack(head, from: moved) }
        lock.release()
    }

    /// The message after `prepare-commit-msg` and `commit-msg`, which may change or refuse it.
    private func finalMessage(_ message: String, hooks: Hooks, environment: [String: String], verifies: Bool,
                              outcome: inout ChangeOutcome) throws(ChangeError) -> String {
        let wanted = ["prepare-commit-msg"] + (verifies ? ["commit-msg"] : [])
        guard wanted.contains(where: { hooks.path(of: $0) != nil }) else { return message }
        let file = repository.path(ofGitFile: "COMMIT_EDITMSG")
        do {
            try AtomicFile.write(Array(message.utf8), to: file)
        } catch {
            throw ChangeError.file(error)
        }
        try runHook("prepare-commit-msg", [file, "message"], hooks: hooks, environment: environment, outcome: &outcome)
        if verifies { try runHook("commit-msg", [file], hooks: hooks, environment: environment, outcome: &outcome) }
        let text = (try? FileIO.read(file)).map { String(decoding: $0, as: UTF8.self) } ?? message
        guard !text.trimmingWhitespace().isEmpty else {
            throw ChangeError(.hook, "the commit message is empty after the commit-msg hook; nothing was changed")
        }
        return text
    }

    /// Runs a hook when there is one; one that fails refuses the commit.
    private func runHook(_ name: String, _ arguments: [String], hooks: Hooks, environment: [String: String],
                         outcome: inout ChangeOutcome) throws(ChangeError) {
        guard let run = try gitCall({ () throws(GitError) in try hooks.run(name, arguments, environment: environment) }) else { return }
        outcome.hooks.append(run)
        guard run.result.succeeded else {
            throw ChangeError(.hook, "the \(name) hook refused the commit (exit status \(run.result.status)); nothing was changed",
                              hint: "fix what it says, or skip the hooks with --no-verify", hookOutput: run.output)
        }
    }

    private func gitCall<T>(_ body: () throws(GitError) -> T) throws(ChangeError) -> T {
        do {
            return try body()
        } catch {
            throw ChangeError.git(error)
        }
    }

    private static func fault(_ step: FaultInjection.Step) throws(GitError) {
        if FaultInjection.fails(at: step) { throw GitError(operation: "commit", code: -1, message: "fault injected after \(step.rawValue)") }
    }
}

import CRMChange
import CRMCheck
import CRMGit
import CRMLocale
import CRMPrivacy
import CRMSyntax
import CRMWorkspace
import CRMTerminal

/// `crm sync`: fetches, merges record by record, checks, and pushes.
enum SyncCommand {
    static let dryRun = Flag(["--dry-run"], help: "Fetch and say what the merge and push would do; change nothing else.")

    static let spec = CommandSpec(
        name: "sync",
        abstract: "Merge the team's changes and share ours, through a git remote",
        discussion: """
            Refuses to start while records or the workspace's own files (settings, types, saved queries
            and reports, .gitignore, .gitattributes) have uncommitted or invalid changes, and lists them.
            Then fetches from REMOTE (the branch's upstream, else origin), merges its branch of the same name
            (records both sides changed merge field by field, as with `crm merge-file`), checks the
            workspace, and pushes when the check finds no errors.

            When both sides changed a field differently, the merge stops (exit status 1, as for git pull):
            the records keep our values and list the other side's under `conflicts:`. Settle each with
            the `crm resolve` command shown, then run `crm sync` again to finish the merge and push. Local paths, file:// and
            ssh (through the ssh agent) and https (CRM_GIT_USERNAME, CRM_GIT_PASSWORD) remotes work.

            Examples:
              crm sync
              crm sync --dry-run
              crm sync backup
            """,
        arguments: [ArgumentSpec("remote", help: "The remote. (default: the branch's upstream, else origin)", optional: true)],
        options: [dryRun.spec, ChangeFlags.noVerify.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        let git = try History.git(workspace)
        let lock = try CommitCommand.change { () throws(ChangeError) in try WorkspaceChange.lock(workspace) }
        let options = ChangeFlags.options(invocation, context)
        let repository = git.repository
        let dryRun = invocation[self.dryRun]
        guard let branch = try History.run({ () throws(GitError) in try repository.currentBranch() }) else {
            throw CommandError(tr("err-detached"), hint: "git switch main")
        }
        let remote = try self.remote(invocation.arguments.first, branch: branch, repository)
        if let merge = MergeInProgress(git: git) {
            try finish(merge, dryRun: dryRun, options: options, lock: lock, &context)
        } else {
            try refuseUnfinished(git, workspace, &context)
        }
        let transport = GitTransport(environment: context.environment)
        try History.run { () throws(GitError) in try transport.fetch(remote, in: repository) }
        context.console.line("fetched \(remote)")
        let upstream = "\(remote)/\(branch)"
        guard let theirs = try History.run({ () throws(GitError) in try repository.commitID(of: "refs/remotes/\(upstream)") }) else {
            context.console.line("\(upstream) does not exist yet")
            return try push(branch, to: remote, upstream: nil, dryRun: dryRun, git, &context)
        }
        let head = try History.run { () throws(GitError) in try repository.commitID(of: "HEAD") }
        let analysis = try History.run { () throws(GitError) in try repository.analyzeMerge(with: theirs) }
        switch analysis {
        case .upToDate:
            context.console.line("already has every change of \(upstream)")
        case .fastForward, .unborn:
            let (_, behind) = head.flatMap { try? repository.aheadBehind($0, theirs) } ?? (0, 0)
            let changes = head.flatMap { try? git.changes(from: $0, to: theirs) } ?? []
            context.console.line((dryRun ? "would take " : "took ") + plural(behind, "commit") + " from \(upstream)"
                                 + (changes.isEmpty ? "" : " (" + plural(changes.count, "record") + " changed)"))
            if !dryRun { try History.run { () throws(GitError) in try repository.fastForward(to: theirs, branch: branch) } }
        case .merge:
            if let replay = try History.run({ () throws(GitError) in try PurgeReplay(git: git, head: head!, theirs: theirs) }) {
                return try moveOntoPurged(replay, branch: branch, remote: remote, dryRun: dryRun, git, &context)
            }
            let merge = try History.run { () throws(GitError) in try WorkspaceMerge(git: git, ours: head!, theirs: theirs) }
            for step in merge.steps { context.console.line(TerminalText.escaped(describe(step))) }
            if dryRun {
                context.console.line(merge.hasConflicts ? "the merge of \(upstream) would stop on conflicts; nothing was changed"
                                                        : "would merge \(upstream) and commit the merge")
                return ExitStatus.success
            }
            try History.run { () throws(GitError) in try merge.write() }
            let message = "crm sync: merge \(upstream)\n"
            if merge.hasConflicts {
                try History.run { () throws(GitError) in try repository.beginMerge(of: theirs, message: message) }
                return stopped(merge, upstream: upstream, &context)
            }
            let commit = try CommitCommand.change { () throws(ChangeError) in
                try MergeInProgress(git: git, theirs: theirs).finish(message: message, options: options, lock: lock)
            }
            context.console.line("merged \(upstream)" + (commit.map { " as \($0.shortID)" } ?? ""))
        }
        return try push(branch, to: remote, upstream: theirs, dryRun: dryRun, git, &context)
    }

    /// The remote named, the branch's upstream, origin, or the only remote.
    private static func remote(_ named: String?, branch: String, _ repository: Repository) throws(CommandError) -> String {
        let remotes = try History.run { () throws(GitError) in try repository.remoteNames() }
        if let named {
            guard remotes.contains(named) else {
                let hint = CommandError.didYouMean(named, in: remotes)
                    ?? (remotes.isEmpty ? tr("hint-add-remote") : tr("hint-remotes", ["remotes": remotes.joined(separator: ", ")]))
                throw CommandError(tr("err-no-remote", ["name": named]), hint: hint)
            }
            return named
        }
        if let upstream = repository.upstreamRemote(of: branch), remotes.contains(upstream) { return upstream }
        if remotes.contains("origin") { return "origin" }
        guard remotes.count == 1 else {
            throw CommandError(remotes.isEmpty ? "the repository has no remote to sync with" : "say which remote: " + remotes.joined(separator: ", "),
                               hint: remotes.isEmpty ? "add one: git remote add origin URL" : "crm sync REMOTE")
        }
        return remotes[0]
    }

    /// Refuses to sync over uncommitted changes, listing them and the problems of each.
    private static func refuseUnfinished(_ git: WorkspaceGit, _ workspace: Workspace, _ context: inout CommandContext) throws(CommandError) {
        let changed = try History.run { () throws(GitError) in try git.status() }
        let status = try History.run { () throws(GitError) in try WorkspaceStatus(git: git, today: try? context.today()) }
        let listed = Set(status.entries.map(\.path))
        let unfinished = changed.filter { !$0.untracked || listed.contains($0.path) }
        guard !unfinished.isEmpty else { return }
        for entry in unfinished { context.console.error("  \(entry.change.rawValue): \(TerminalText.escaped(entry.path))\n") }
        let problems = status.problems
        let message = tr("err-not-synced", count: unfinished.count)
        throw CommandError(problems.isEmpty ? message : tr("err-with-problems", count: problems.count, ["message": message]),
                           hint: tr(problems.isEmpty ? "hint-commit-first" : "hint-fix-then-commit"), problems: problems)
    }

    /// Finishes a merge that stopped earlier, or says what is left.
    private static func finish(_ merge: MergeInProgress, dryRun: Bool, options: ChangeOptions, lock: WorkspaceLock,
                               _ context: inout CommandContext) throws(CommandError) {
        let check = WorkspaceCheck(merge.git.workspace).all()
        let blockers = try History.run { () throws(GitError) in try merge.blockers(check.problems) }
        guard blockers.isEmpty else {
            throw CommandError(tr("err-merge-left", count: blockers.count), hint: tr("hint-merge-left"), problems: blockers)
        }
        if dryRun {
            context.console.line("would finish the merge of \(merge.theirs.prefix(7))")
            return
        }
        let commit = try CommitCommand.change { () throws(ChangeError) in try merge.finish(message: merge.message, options: options, lock: lock) }
        context.console.line("finished the merge of \(merge.theirs.prefix(7))" + (commit.map { " as \($0.shortID)" } ?? ""))
    }

    /// Checks the workspace and pushes the branch when it has commits the remote lacks.
    static func push(_ branch: String, to remote: String, upstream: String?, dryRun: Bool, _ git: WorkspaceGit,
                             _ context: inout CommandContext) throws(CommandError) -> Int32 {
        let repository = git.repository
        guard let head = try History.run({ () throws(GitError) in try repository.commitID(of: "HEAD") }) else {
            context.console.line("nothing to push: no commit yet")
            return ExitStatus.success
        }
        let ahead = upstream.flatMap { try? repository.aheadBehind(head, $0).ahead } ?? 1
        guard ahead > 0 || dryRun && upstream == nil else {
            context.console.line("nothing to push")
            return ExitStatus.success
        }
        let errors = WorkspaceCheck(git.workspace, today: try context.today()).all().problems.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw CommandError(tr("err-not-pushed", count: errors.count), hint: tr("hint-not-pushed"), problems: errors)
        }
        let what = upstream == nil ? "\(branch)" : plural(ahead, "commit")
        if dryRun {
            context.console.line("would push \(what) to \(remote)/\(branch)")
            return ExitStatus.success
        }
        try History.run { () throws(GitError) in
            try GitTransport(environment: context.environment).push(branch, to: remote, in: repository)
            if repository.upstreamRemote(of: branch) == nil { try repository.setUpstream(of: branch, to: remote) }
        }
        context.console.line("pushed \(what) to \(remote)/\(branch)")
        return ExitStatus.success
    }

    /// One line on what the merge did to a file.
    private static func describe(_ step: WorkspaceMerge.Step) -> String {
        switch step.kind {
        case .merged: return "\(step.path): merged field by field"
        case .conflicts(let fields): return "\(step.path): conflict in " + fields.joined(separator: ", ")
        case .keptBoth(let second): return "\(step.path): created on both sides; theirs kept as \(second) (a likely duplicate)"
        case .deletedOnOneSide: return "\(step.path): deleted on one side and changed on the other"
        case .unreadable(let problem): return "\(step.path): not merged: \(problem.message)"
        }
    }

    /// Lists what stopped the merge and the commands that settle it.
    private static func stopped(_ merge: WorkspaceMerge, upstream: String, _ context: inout CommandContext) -> Int32 {
        context.console.error("crm sync: the merge of \(upstream) stopped on conflicts; settle them:\n")
        for step in merge.steps where step.isConflict {
            let id = RecordFile(path: step.path, type: "").id
            switch step.kind {
            case .conflicts(let fields):
                for field in fields { context.console.error("  crm resolve \(id) \(field) --ours | --theirs | --value VALUE\n") }
            case .deletedOnOneSide:
                context.console.error("  crm resolve \(id) --keep | --delete\n")
            default:
                context.console.error("  merge \(step.path) by hand (ours is in the file), then crm sync\n")
            }
        }
        context.console.error("then run `crm sync` again to finish the merge and push\n")
        return ExitStatus.nothingFound
    }
}

import CRMGit
import CRMSyntax
import CRMWorkspace

/// `crm sync`: fetches, merges record by record, checks, and pushes.
enum SyncCommand {
    static let spec = CommandSpec(
        name: "sync",
        abstract: "Merge the team's changes and share ours, through a git remote",
        discussion: """
            Refuses to start while records have uncommitted or invalid changes, and lists them. Then
            fetches from REMOTE (the branch's upstream, else origin), merges its branch of the same name
            (records both sides changed merge field by field, as with `crm merge-file`), checks the
            workspace, and pushes when the check finds no errors.

            When both sides changed a field differently, the merge stops: the records keep our values
            and list the other side's under `conflicts:`. Settle each with the `crm resolve` command
            shown, then run `crm sync` again to finish the merge and push. Local paths, file:// and
            ssh (through the ssh agent) and https (CRM_GIT_USERNAME, CRM_GIT_PASSWORD) remotes work.

            Examples:
              crm sync
              crm sync --dry-run
              crm sync backup
            """,
        arguments: [ArgumentSpec("remote", help: "The remote. (default: the branch's upstream, else origin)", optional: true)],
        options: [OptionSpec(["--dry-run"], help: "Fetch and say what the merge and push would do; change nothing else.")],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        let git = try History.git(workspace)
        let lock = try WorkspaceMutation.lock(workspace)
        defer { withExtendedLifetime(lock) {} }
        let repository = git.repository
        let dryRun = invocation.flag("dry-run")
        guard let branch = try History.run({ () throws(GitError) in try repository.currentBranch() }) else {
            throw CommandError("HEAD is not on a branch, so there is nothing to sync", hint: "git switch main")
        }
        let remote = try self.remote(invocation.arguments.first, branch: branch, repository)
        if let merge = MergeInProgress(git: git) {
            guard try finish(merge, dryRun: dryRun, workspace, &context) else { return 1 }
        } else {
            try refuseUnfinished(git, workspace, &context)
        }
        try History.run { () throws(GitError) in try repository.fetch(remote) }
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
            let merge = try History.run { () throws(GitError) in try WorkspaceMerge(git: git, ours: head!, theirs: theirs) }
            for step in merge.steps { context.console.line(TerminalText.escaped(describe(step))) }
            if dryRun {
                context.console.line(merge.hasConflicts ? "the merge of \(upstream) would stop on conflicts; nothing was changed"
                                                        : "would merge \(upstream) and commit the merge")
                return 0
            }
            try History.run { () throws(GitError) in try merge.write() }
            let message = "crm sync: merge \(upstream)\n"
            if merge.hasConflicts {
                try History.run { () throws(GitError) in try repository.beginMerge(of: theirs, message: message) }
                return stopped(merge, upstream: upstream, &context)
            }
            let commit = try MergeInProgress(git: git, theirs: theirs).finish(message: message, environment: context.environment)
            context.console.line("merged \(upstream) as \(commit.shortID)")
        }
        return try push(branch, to: remote, upstream: theirs, dryRun: dryRun, git, &context)
    }

    /// The remote named, the branch's upstream, origin, or the only remote.
    private static func remote(_ named: String?, branch: String, _ repository: Repository) throws(CommandError) -> String {
        let remotes = try History.run { () throws(GitError) in try repository.remoteNames() }
        if let named {
            guard remotes.contains(named) else {
                let hint = Suggestions.closest(to: named, in: remotes).map { "did you mean '\($0)'?" }
                    ?? (remotes.isEmpty ? "add one: git remote add origin URL" : "remotes: " + remotes.joined(separator: ", "))
                throw CommandError("no remote '\(named)'", hint: hint)
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
        let status = try History.run { () throws(GitError) in try git.status() }
        let pending = try PendingChanges(git: git, workspace: workspace)
        let records = Set(pending.entries.map(\.status.path))
        let unfinished = status.filter { !$0.untracked || records.contains($0.path) }
        guard !unfinished.isEmpty else { return }
        for problem in pending.problems { context.report(problem) }
        for entry in unfinished { context.console.error("  \(entry.change.rawValue): \(TerminalText.escaped(entry.path))\n") }
        throw CommandError("not synced: \(plural(unfinished.count, "file")) changed since the last commit"
                           + (pending.problems.isEmpty ? "" : ", with \(plural(pending.problems.count, "problem"))"),
                           hint: pending.problems.isEmpty ? "commit them first: crm commit" : "fix the problems, then crm commit")
    }

    /// Finishes a merge that stopped earlier, or says what is left; true when it was finished.
    private static func finish(_ merge: MergeInProgress, dryRun: Bool, _ workspace: Workspace,
                               _ context: inout CommandContext) throws(CommandError) -> Bool {
        let blockers = try merge.blockers(WorkspaceChecker.check(workspace))
        guard blockers.isEmpty else {
            for blocker in blockers { context.report(blocker) }
            throw CommandError("a merge is in progress and \(plural(blockers.count, "conflict")) \(blockers.count == 1 ? "is" : "are") left",
                               hint: "settle them (`crm resolve` lists them), then run crm sync again")
        }
        if dryRun {
            context.console.line("would finish the merge of \(merge.theirs.prefix(7))")
            return true
        }
        let commit = try merge.finish(message: merge.message, environment: context.environment)
        context.console.line("finished the merge of \(merge.theirs.prefix(7)) as \(commit.shortID)")
        return true
    }

    /// Checks the workspace and pushes the branch when it has commits the remote lacks.
    private static func push(_ branch: String, to remote: String, upstream: String?, dryRun: Bool, _ git: WorkspaceGit,
                             _ context: inout CommandContext) throws(CommandError) -> Int32 {
        let repository = git.repository
        guard let head = try History.run({ () throws(GitError) in try repository.commitID(of: "HEAD") }) else {
            context.console.line("nothing to push: no commit yet")
            return 0
        }
        let ahead = upstream.flatMap { try? repository.aheadBehind(head, $0).ahead } ?? 1
        guard ahead > 0 || dryRun && upstream == nil else {
            context.console.line("nothing to push")
            return 0
        }
        let errors = WorkspaceChecker.check(git.workspace, today: try context.today()).filter { $0.severity == .error }
        guard errors.isEmpty else {
            for error in errors { context.report(error) }
            throw CommandError("not pushed: the workspace has \(plural(errors.count, "error")) after the merge",
                               hint: "fix them (`crm check`), commit, and run crm sync again")
        }
        let what = upstream == nil ? "\(branch)" : plural(ahead, "commit")
        if dryRun {
            context.console.line("would push \(what) to \(remote)/\(branch)")
            return 0
        }
        try History.run { () throws(GitError) in
            try repository.push(branch, to: remote)
            if repository.upstreamRemote(of: branch) == nil { try repository.setUpstream(of: branch, to: remote) }
        }
        context.console.line("pushed \(what) to \(remote)/\(branch)")
        return 0
    }

    /// One line on what the merge did to a file.
    private static func describe(_ step: WorkspaceMerge.Step) -> String {
        switch step.kind {
        case .merged: return "\(step.path): merged field by field"
        case .conflicts(let fields): return "\(step.path): conflict in " + fields.joined(separator: ", ")
        case .keptBoth(let second): return "\(step.path): created on both sides; theirs kept as \(second) (a likely duplicate)"
        case .deletedOnOneSide: return "\(step.path): deleted on one side and changed on the other"
        case .text(let conflicted): return "\(step.path): not a record; merged line by line" + (conflicted ? ", with conflict markers" : "")
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
                context.console.error("  edit \(step.path) (remove the conflict markers), then crm sync\n")
            }
        }
        context.console.error("then run `crm sync` again to finish the merge and push\n")
        return 1
    }
}

import CRMChange
import CRMCheck
import CRMGit
import CRMLocale
import CRMSyntax
import CRMWorkspace

/// `crm commit`: commits what was changed by hand (records, and the files that define the
/// workspace), after checking it.
enum CommitCommand {
    static let message = Option<String>(["-m", "--message"], value: "message", help: "The commit message. (default: one naming the files)")
    static let force = Flag(["--force"], help: "Commit even when the changes have problems.")

    static let spec = CommandSpec(
        name: "commit",
        abstract: "Commit records and workspace files changed by hand",
        discussion: """
            Checks what changed since the last commit (records added, changed and deleted, and the
            workspace's settings, types, saved queries and reports, .gitignore and .gitattributes), with
            the same check as `crm check`: a deleted record that others still refer to, or a type change
            that leaves records invalid, is a problem. Refuses, listing the problems, unless --force;
            then commits those files (and only them) to git, running git's hooks. While a merge is in
            progress, commits the merge once no conflict is left. Exits with 1 when there is nothing to commit.
            """,
        options: [message.spec, force.spec, ChangeFlags.noVerify.spec, ChangeFlags.allowDuplicate.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        let git = try History.git(workspace)
        let options = ChangeFlags.options(invocation, context)
        if let merge = MergeInProgress(git: git) {
            let lock = try change { () throws(ChangeError) in try WorkspaceChange.lock(workspace) }
            return try finish(merge, invocation, options: options, lock: lock, &context)
        }
        var change = try ChangeFlags.open(workspace, invocation, context)
        let status = try History.run { () throws(GitError) in try WorkspaceStatus(git: git, today: try? context.today(), allowsDuplicates: options.allowsDuplicates) }
        guard !status.isEmpty else {
            context.console.error("nothing to commit: nothing changed since the last commit\n")
            return ExitStatus.nothingFound
        }
        let problems = status.problems
        if !problems.isEmpty && !invocation[force] {
            throw CommandError(tr("err-not-committed", count: problems.count), hint: tr("hint-not-committed"), problems: problems)
        }
        for entry in status.entries { change.commitAsItIs(entry.path) }
        let names = status.entries.prefix(5).map { $0.id ?? $0.path }.joined(separator: ", ") + (status.entries.count > 5 ? ", ..." : "")
        let what = status.entries.allSatisfy(\.file.isRecord) ? plural(status.entries.count, "record") : plural(status.entries.count, "file")
        let outcome = try ChangeFlags.apply(&change, message: try invocation[message] ?? "crm: commit \(what) (\(names))", context: &context)
        context.console.line("committed \(what)" + (outcome.commit.map { " as \($0.shortID)" } ?? ""))
        return ExitStatus.success
    }

    /// Commits a merge in progress once nothing is left to settle.
    private static func finish(_ merge: MergeInProgress, _ invocation: Invocation, options: ChangeOptions, lock: WorkspaceLock,
                               _ context: inout CommandContext) throws -> Int32 {
        let check = WorkspaceCheck(merge.git.workspace).all()
        let blockers = try History.run { () throws(GitError) in try merge.blockers(check.problems) }
        guard blockers.isEmpty else {
            throw CommandError("the merge is not committed: \(plural(blockers.count, "conflict")) left",
                               hint: "settle them (`crm resolve` lists them), then commit again", problems: blockers)
        }
        let text = try invocation[message] ?? merge.message
        let commit = try change { () throws(ChangeError) in try merge.finish(message: text, options: options, lock: lock) }
        context.console.line("committed the merge of \(merge.theirs.prefix(7))" + (commit.map { " as \($0.shortID)" } ?? ""))
        return ExitStatus.success
    }

    /// Runs a change step, turning its error into one for people.
    static func change<T>(_ body: () throws(ChangeError) -> T) throws(CommandError) -> T {
        do {
            return try body()
        } catch {
            throw ChangeFlags.failure(error)
        }
    }
}

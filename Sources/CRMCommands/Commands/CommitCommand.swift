import CRMGit
import CRMSyntax
import CRMWorkspace

/// `crm commit`: commits records changed in an editor, after checking them.
enum CommitCommand {
    static let spec = CommandSpec(
        name: "commit",
        abstract: "Commit records changed by hand",
        discussion: """
            Checks the records added, changed and deleted since the last commit and refuses, listing the
            problems, unless --force; then commits them (and only them) to git. While a merge is in
            progress, commits the merge once no conflict is left.
            """,
        options: [
            OptionSpec(["-m", "--message"], value: "message", help: "The commit message. (default: one naming the records)"),
            OptionSpec(["--force"], help: "Commit even when records have problems."),
        ],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        let git = try History.git(workspace)
        let lock = try WorkspaceMutation.lock(workspace)
        defer { withExtendedLifetime(lock) {} }
        if let merge = MergeInProgress(git: git) { return try finish(merge, invocation, workspace, &context) }
        let pending = try PendingChanges(git: git, workspace: workspace)
        guard !pending.entries.isEmpty else {
            context.console.error("nothing to commit: no record changed since the last commit\n")
            return 1
        }
        let problems = pending.problems
        if !problems.isEmpty && !invocation.flag("force") {
            for problem in problems { context.report(problem) }
            throw CommandError("not committed: \(plural(problems.count, "problem")) in the changed records",
                               hint: "fix them, or commit anyway with --force")
        }
        let deleted = pending.entries.filter { $0.status.change == .deleted }.map(\.status.path)
        let written = pending.entries.filter { $0.status.change != .deleted }.map(\.status.path)
        let names = pending.entries.prefix(5).map(\.id).joined(separator: ", ") + (pending.entries.count > 5 ? ", ..." : "")
        let message = invocation.value("message") ?? "crm: commit \(plural(pending.entries.count, "record")) (\(names))"
        let commit = try History.run { () throws(GitError) in
            try git.commit(written: written, deleted: deleted, message: message, environment: context.environment)
        }
        context.console.line("committed \(plural(pending.entries.count, "record"))" + (commit.map { " as \($0.shortID)" } ?? ""))
        return 0
    }

    /// Commits a merge in progress once nothing is left to settle.
    private static func finish(_ merge: MergeInProgress, _ invocation: Invocation, _ workspace: Workspace,
                               _ context: inout CommandContext) throws -> Int32 {
        let blockers = try merge.blockers(WorkspaceChecker.check(workspace))
        guard blockers.isEmpty else {
            for blocker in blockers { context.report(blocker) }
            throw CommandError("the merge is not committed: \(plural(blockers.count, "conflict")) left",
                               hint: "settle them (`crm resolve` lists them), then commit again")
        }
        let commit = try merge.finish(message: invocation.value("message") ?? merge.message, environment: context.environment)
        context.console.line("committed the merge of \(merge.theirs.prefix(7)) as \(commit.shortID)")
        return 0
    }
}

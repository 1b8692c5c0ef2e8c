import CRMGit
import CRMPrivacy
import CRMWorkspace
import CRMTerminal

extension SyncCommand {
    /// The remote's history was purged and this clone still has the old commits: the local
    /// commits the remote lacks are moved onto the remote's branch (the old history is not
    /// merged back), the objects of the old history pruned, and the result pushed as usual.
    static func moveOntoPurged(_ replay: PurgeReplay, branch: String, remote: String, dryRun: Bool, _ git: WorkspaceGit,
                               _ context: inout CommandContext) throws -> Int32 {
        let upstream = "\(remote)/\(branch)"
        let repository = git.repository
        context.console.line("\(upstream) was purged (crm privacy purge): its history was rewritten")
        let count = plural(replay.commits.count, "commit")
        guard !dryRun else {
            context.console.line("would move \(count) made here onto it, instead of merging the old history back")
            return ExitStatus.success
        }
        let tip = try History.run { () throws(GitError) in try replay.replay() }
        try History.run { () throws(GitError) in try repository.fastForward(to: tip, branch: branch) }
        context.console.line("moved \(count) made here onto \(upstream)")
        let old = try History.run { () throws(GitError) in
            try repository.references().filter { !$0.name.hasPrefix("refs/remotes/") && !repository.contains($0.commit, in: tip) }
        }
        if old.isEmpty {
            try History.run { () throws(GitError) in try GitTransport(environment: context.environment).pruneUnreachable(in: repository) }
            context.console.line("pruned the old history from this clone")
        } else {
            context.console.line("still on the old history, so it stays in this clone: "
                                 + TerminalText.escaped(old.map(\.name).joined(separator: ", ")))
        }
        return try push(branch, to: remote, upstream: replay.onto, dryRun: false, git, &context)
    }
}

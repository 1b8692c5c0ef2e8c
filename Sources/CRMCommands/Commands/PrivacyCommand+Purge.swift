import CRMGit
import CRMInterchange
import CRMPrivacy
import CRMWorkspace
import CRMTerminal

extension PrivacyCommand {
    /// `crm privacy purge ID [--yes] [--push]`: says what the rewrite touches and what
    /// teammates must do; with `--yes` rewrites the history, and with `--push` pushes it.
    static func purge(_ subject: PrivacySubject, workspace: Workspace, _ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let git = try History.git(workspace)
        let purge = try privacy { () throws(PrivacyError) in try HistoryPurge(subject, git: git) }
        let plan = purge.plan
        let names = plan.references.map { $0.name.replacing(/^refs\/(heads|tags|remotes)\//, with: "") }
        let people = chosen == .text
        if people {
            context.console.line("A purge rewrites the history of this repository:")
            context.console.line("  \(plan.commits) commits, reached from \(TerminalText.escaped(names.joined(separator: ", ")))")
            context.console.line("  every file naming \(subject.record.id) is scrubbed in every commit (\(plan.identifiers) values);")
            context.console.line("  authors and dates stay; commit ids change from the first commit that named them")
            context.console.line("Before: every teammate pushes their work. After: each runs `crm sync`, which moves")
            context.console.line("work made on the old commits onto the new ones, or clones again. Backups and")
            context.console.line("copies on hosts (their caches, forks) keep the data: see docs/privacy.md.")
        }
        guard invocation[yes] else {
            throw CommandError("nothing changed: a purge rewrites history", hint: "run again with --yes to purge")
        }
        let today = try context.today()
        let options = ChangeFlags.options(invocation, context)
        let outcome = try privacy { () throws(PrivacyError) in try purge.run(today: today, options: options) }
        guard !outcome.commits.isEmpty else {
            context.console.line("no commit names \(subject.record.id): nothing to purge")
            return ExitStatus.nothingFound
        }
        let pushed = invocation[push] ? try privacy { () throws(PrivacyError) in try purge.push(outcome, environment: context.environment) } : []
        let objects = outcome.commits.map { JSON.object([("old", .string($0.old)), ("new", .string($0.new))]) }
        if ScriptOutput.write(chosen, objects: objects, ids: outcome.commits.map(\.new), context: &context) { return ExitStatus.success }
        context.console.line("")
        context.console.write(TableRenderer(headers: ["old commit", "new commit"],
                                            rows: outcome.commits.map { [String($0.old.prefix(12)), String($0.new.prefix(12))] })
            .render(width: context.console.width, style: context.console.style))
        context.console.line("rewrote \(outcome.commits.count) commits, moved \(outcome.references.count) references; the record: \(outcome.report)")
        if !pushed.isEmpty {
            context.console.line("pushed " + pushed.joined(separator: ", "))
        } else if try !git.repository.remoteNames().isEmpty {
            context.console.line("the remote still holds the old history: push it with git push --force-with-lease")
        }
        return ExitStatus.success
    }
}

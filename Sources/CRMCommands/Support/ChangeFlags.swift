import CRMChange
import CRMGit
import CRMWorkspace
import CRMTerminal

/// The options every command that changes files takes, and the one way such a command makes
/// its change: a `WorkspaceChange` opened with them, applied, and its outcome told.
enum ChangeFlags {
    static let noCommit = Flag(["--no-commit"], help: "Change the files but do not commit the change to git.")
    static let noVerify = Flag(["--no-verify"], help: "Do not run git's pre-commit and commit-msg hooks.")
    static let allowDuplicate = Flag(["--allow-duplicate"], help: "Keep a record that repeats another's unique value (an IČO, an e-mail).")
    /// For a command's option list.
    static let specs = [noCommit.spec, noVerify.spec]
    /// For a command that writes records.
    static let recordSpecs = specs + [allowDuplicate.spec]

    /// The change options the command line asks for (a command may offer only some of the flags).
    static func options(_ invocation: Invocation, _ context: CommandContext) -> ChangeOptions {
        ChangeOptions(commits: !invocation.isGiven(noCommit.spec), verifies: !invocation.isGiven(noVerify.spec),
                      environment: context.environment, allowsDuplicates: invocation.isGiven(allowDuplicate.spec))
    }

    /// Opens a change of `workspace`, taking its lock.
    static func open(_ workspace: Workspace, _ invocation: Invocation, _ context: CommandContext) throws(CommandError) -> WorkspaceChange {
        try open(workspace, options(invocation, context))
    }

    /// Opens a change of `workspace` with `options`, taking its lock.
    static func open(_ workspace: Workspace, _ options: ChangeOptions) throws(CommandError) -> WorkspaceChange {
        do {
            return try WorkspaceChange(workspace, options: options)
        } catch {
            throw failure(error)
        }
    }

    /// Makes the change and tells what it did beyond the command's own output: hand edits it
    /// committed, what hooks printed, a change staged for a merge.
    @discardableResult
    static func apply(_ change: inout WorkspaceChange, message: String, context: inout CommandContext) throws(CommandError) -> ChangeOutcome {
        let outcome: ChangeOutcome
        do {
            outcome = try change.apply(message: message)
        } catch {
            throw failure(error)
        }
        report(outcome, context: &context)
        return outcome
    }

    /// What a refused change is for people: exit status 2, the problems, what a hook said.
    static func failure(_ error: ChangeError) -> CommandError {
        CommandError(error.message, hint: error.hint, status: ExitStatus.failed, problems: error.problems, detail: error.hookOutput)
    }

    static func report(_ outcome: ChangeOutcome, context: inout CommandContext) {
        for run in outcome.hooks where !run.output.isEmpty {
            context.console.error(TerminalText.escaped(run.output, keepLineBreaks: true) + (run.output.hasSuffix("\n") ? "" : "\n"))
        }
        for edit in outcome.handEdits {
            guard !edit.isNewFile else {
                context.console.error("\(TerminalText.escaped(edit.path)): also committed the file itself, which was not committed before\n")
                continue
            }
            let fields = edit.fields.map { TerminalText.escaped($0.description) }.joined(separator: "; ")
            context.console.error("\(TerminalText.escaped(edit.path)): also committed hand edits: \(fields.isEmpty ? "layout" : fields)\n")
        }
        if outcome.stagedForMerge {
            context.console.error("staged for the merge in progress; `crm sync` (or `git commit`) finishes it\n")
        }
    }
}

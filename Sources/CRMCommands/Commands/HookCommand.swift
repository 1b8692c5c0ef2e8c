import CRMCheck
import CRMGit
import CRMSyntax
import CRMWorkspace
import Foundation

/// `crm hook pre-commit|pre-receive`: the one check, run by git's hooks, which
/// `crm setup-git --hooks` and `crm setup-git --server` install.
enum HookCommand {
    /// The workspace's folder in a server's repository, which `setup-git --server` passes on.
    static let workspace = Option<String>(["--workspace"], value: "folder",
                                          help: "With a server's repository: the workspace's folder in it. (default: its top)")

    static let spec = CommandSpec(
        name: "hook",
        abstract: "Run crm's check as a git hook",
        discussion: """
            pre-commit: checks the staged version of every changed record (git's index, or the one git
            names in GIT_INDEX_FILE) against the rest of the workspace, and refuses the commit (exit 1)
            with crm's usual diagnostics. `git commit --no-verify` commits anyway.
            pre-receive: reads the pushed refs from standard input and checks the workspace at each new
            tip from git's objects; a push whose tip has errors is refused and each problem is shown to
            the pusher. The last tip that passed is kept written out in the repository's crm/checked/
            folder, so a push is checked as a change against it. Deleted branches and pushes that
            change nothing in the workspace pass at once.

            Installed by `crm setup-git --hooks` (pre-commit) and `crm setup-git --server REPO`
            (pre-receive); see docs/hosting.md.
            """,
        arguments: [ArgumentSpec("hook", help: "pre-commit or pre-receive.", completion: .choices(["pre-commit", "pre-receive"]))],
        options: [workspace.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        switch invocation.arguments[0] {
        case "pre-commit": return try preCommit(&context)
        case "pre-receive": return try preReceive(prefix: try invocation[workspace] ?? "", &context)
        case let other:
            throw UsageError("unknown hook '\(other)'" + (Suggestions.closest(to: other, in: ["pre-commit", "pre-receive"]).map { "; did you mean '\($0)'?" } ?? ""),
                             command: spec)
        }
    }

    private static func preCommit(_ context: inout CommandContext) throws -> Int32 {
        // A commit outside any workspace is not crm's to judge.
        guard let workspace = try? context.workspace() else { return ExitStatus.success }
        let git = try History.git(workspace)
        let problems = try History.run { () throws(GitError) in
            try CommitCheck.staged(git, indexFile: context.environment["GIT_INDEX_FILE"], today: try? context.today())
        }
        return refuse(problems, what: "the commit", hint: "fix the files and `git add` them again; `git commit --no-verify` commits anyway",
                      &context)
    }

    private static func preReceive(prefix: String, _ context: inout CommandContext) throws -> Int32 {
        let repository = try History.run { () throws(GitError) in try Repository.openFromEnvironment() }
        let input = String(decoding: try context.console.readAll(), as: UTF8.self)
        let check = PushCheck(repository: repository, prefix: prefix, today: try? context.today())
        var status = ExitStatus.success
        for line in input.split(whereSeparator: \.isNewline) {
            guard let update = PushCheck.RefUpdate(line: line) else { continue }
            let problems = try History.run { () throws(GitError) in try check.check(update, in: repository) }
            if refuse(problems, what: "the push of \(update.name)", hint: "fix the records, commit and push again", &context) != ExitStatus.success {
                status = ExitStatus.nothingFound
            }
        }
        return status
    }

    /// Shows every problem; with errors, says what is refused and returns 1.
    private static func refuse(_ problems: [Diagnostic], what: String, hint: String, _ context: inout CommandContext) -> Int32 {
        for problem in problems { context.report(problem) }
        let errors = problems.filter { $0.severity == .error }.count
        guard errors > 0 else { return ExitStatus.success }
        CRM.fail("\(what) is refused: \(errors) \(errors == 1 ? "error" : "errors") in the records", hint: hint, context: &context)
        return ExitStatus.nothingFound
    }
}

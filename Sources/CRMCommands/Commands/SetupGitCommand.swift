import CRMChange
import CRMGit
import CRMWorkspace

/// `crm setup-git`: makes git merge records field by field in this clone.
enum SetupGitCommand {
    static let hooks = Flag(["--hooks"], help: "Also install a pre-commit hook that runs crm's check on every commit made with git.")
    static let server = Option<String>(["--server"], value: "repo",
                                       help: "Install the pre-receive hook in a server's (bare) repository instead; nothing else is set up.")
    static let workspace = HookCommand.workspace

    static let spec = CommandSpec(
        name: "setup-git",
        abstract: "Make git merge records field by field in this clone",
        discussion: """
            Registers `crm merge-file` as the merge driver for records: `.gitattributes` in the workspace
            gets `FOLDER/**/*.yaml merge=crm` for every type folder (committed, so every clone has it), and
            the repository's own configuration gets merge.crm.driver (each clone runs `crm setup-git` once;
            `crm init` does it). Then `git merge`, `git pull` and `crm sync` merge concurrent edits of
            a record the way a person would. Run it again after adding a type.

            --hooks also installs a pre-commit hook, so that a commit made with git itself (or an editor,
            or a GUI) is checked as crm checks its own: a commit whose staged records have errors is
            refused. A hook already there is kept and runs first. `git commit --no-verify` skips it.

            --server REPO installs a pre-receive hook in the repository a team pushes to (a bare
            repository on a server): a push whose records have errors is refused, and the pusher sees
            each problem. The hook runs this crm binary. See docs/hosting.md.
            """,
        options: [hooks.spec, server.spec, workspace.spec] + ChangeFlags.specs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        if let bare = try invocation[server] {
            return try installServerHook(FileIO.absolute(bare, from: context.currentDirectory), prefix: try invocation[workspace], &context)
        }
        let workspace = try context.workspace()
        let git = try History.git(workspace)
        var change = try ChangeFlags.open(workspace, invocation, context)
        let lines = try configure(git, change: &change, context: &context)
        if !lines.isEmpty { try ChangeFlags.apply(&change, message: "crm: setup-git", context: &context) }
        if invocation[hooks] { try installCommitHook(git, &context) }
        return ExitStatus.success
    }

    /// The pre-commit hook of this clone.
    static func installCommitHook(_ git: WorkspaceGit, _ context: inout CommandContext) throws {
        let folder = try History.run { () throws(GitError) in try Hooks(repository: git.repository, environment: context.environment).folder }
        let note = try installed { () throws(FileError) in
            try HookInstaller.install("pre-commit", in: folder, crm: HookInstaller.currentExecutable() ?? "crm",
                                      why: "git commit runs crm's check on the staged records")
        }
        context.console.line(note)
    }

    /// The pre-receive hook of a server's repository.
    private static func installServerHook(_ path: String, prefix: String?, _ context: inout CommandContext) throws -> Int32 {
        let repository = try History.run { () throws(GitError) in try Repository.open(path) }
        let folder = try History.run { () throws(GitError) in
            try repository.configValue("core.hooksPath").map { FileIO.absolute($0, from: path) } ?? repository.commonFolder + "/hooks"
        }
        let arguments = prefix.map { " --workspace '" + $0.replacing("'", with: "'\\''") + "'" } ?? ""
        let note = try installed { () throws(FileError) in
            try HookInstaller.install("pre-receive", in: folder, crm: HookInstaller.currentExecutable() ?? "crm",
                                      why: "a push whose records fail crm's check is refused", arguments: arguments)
        }
        context.console.line(note)
        return ExitStatus.success
    }

    private static func installed(_ body: () throws(FileError) -> String) throws(CommandError) -> String {
        do {
            return try body()
        } catch {
            throw CommandError("cannot install the hook: \(error.description)")
        }
    }

    /// Registers the driver and plans `.gitattributes`, saying what it did.
    static func configure(_ git: WorkspaceGit, change: inout WorkspaceChange, context: inout CommandContext) throws(CommandError) -> [String] {
        let lines: [String]
        do {
            lines = try MergeDriverSetup.configure(git, change: &change)
        } catch {
            throw ChangeFlags.failure(error)
        }
        context.console.line("git merges records with `\(MergeDriverSetup.driver)` in this clone")
        if !lines.isEmpty { context.console.line(".gitattributes: " + lines.joined(separator: ", ")) }
        return lines
    }
}

import CRMChange
import CRMGit
import CRMWorkspace

/// `crm init [DIR]`: creates a workspace, and in a git repository commits it.
enum InitCommand {
    static let name = Option<String>(["--name"], value: "name", help: "A name for the workspace. (default: the folder's name)")
    static let git = Flag(["--git"], help: "Start a git repository there when it is in none.")

    static let spec = CommandSpec(
        name: "init",
        abstract: "Create a workspace",
        discussion: """
            Creates DIR (default: the current folder) with .crm/config.yaml, the built-in types
            customer, contact, call and complaint in .crm/types/, the built-in reports, their folders,
            and a .gitignore for crm's caches. Refuses to touch a folder that already holds a workspace.
            The workspace sorts text in the language of $LANG (language: cs, sk or en in config.yaml).

            In a git repository (or with --git, which starts one when there is none), crm registers its
            merge driver (`crm setup-git`) and commits the workspace's definition, so that a teammate's
            clone is the same workspace; --no-commit leaves it uncommitted, for `crm commit`. `crm init
            --git` in an existing workspace starts its repository and commits it.
            """,
        arguments: [ArgumentSpec("dir", help: "The folder to create the workspace in.", optional: true,
                                 completion: .directories)],
        options: [name.spec, git.spec] + ChangeFlags.specs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let path = FileIO.absolute(invocation.arguments.first ?? ".", from: context.currentDirectory)
        let title = try invocation[name] ?? String(path.split(separator: "/").last ?? "crm")
        if invocation[git] && Workspace.isWorkspace(path) {
            try commit(Workspace(root: path), invocation: invocation, context: &context)
            return ExitStatus.success
        }
        let written: [String]
        do {
            // The language text sorts in, from the locale as POSIX orders its variables.
            let environment = context.environment
            let locale = ["LC_ALL", "LC_COLLATE", "LANG"].compactMap { environment[$0] }.first { !$0.isEmpty }
            written = try WorkspaceInitializer.create(at: path, name: title, language: Language.from(locale: locale))
        } catch {
            throw CommandError(error.description, hint: {
                if case .alreadyAWorkspace = error { return "use it as it is: `crm -C \(path) types`" }
                return "nothing was left behind"
            }())
        }
        context.console.line("Created a crm workspace in \(path)")
        for file in written { context.console.line("  " + file) }
        try commit(Workspace(root: path), invocation: invocation, context: &context)
        context.console.line("""

            Next:
              crm -C \(path) types                              the record types and their fields
              crm -C \(path) new customer 'name=Acme s.r.o.'    a first record
              crm -C \(path) list customer
            """)
        return ExitStatus.success
    }

    /// In a git repository (made with `--git` when there is none), registers the merge driver and
    /// commits the workspace's definition files, unless `--no-commit`.
    private static func commit(_ workspace: Workspace, invocation: Invocation, context: inout CommandContext) throws(CommandError) {
        var created = false
        let repository = try History.run { () throws(GitError) -> WorkspaceGit? in
            if let existing = try WorkspaceGit(workspace: workspace) { return existing }
            guard invocation[git] else { return nil }
            created = true
            return WorkspaceGit(repository: try Repository.create(at: workspace.root), workspace: workspace)
        }
        guard let repository else { return }
        if created { context.console.line("Started a git repository in \(workspace.root)") }
        var change = try ChangeFlags.open(workspace, invocation, context)
        _ = try SetupGitCommand.configure(repository, change: &change, context: &context)
        let files = try History.run { () throws(GitError) in try repository.status() }
            .filter { $0.change != .deleted && WorkspaceFile(path: $0.path, schema: workspace.schema).isDefinition }.map(\.path)
        for file in files where !change.paths.contains(file) { change.commitAsItIs(file) }
        let outcome = try ChangeFlags.apply(&change, message: "crm: init", context: &context)
        let count = change.paths.count
        if let commit = outcome.commit {
            context.console.line("Committed \(plural(count, "file")) as \(commit.shortID)")
        } else if invocation[ChangeFlags.noCommit] {
            context.console.line("Left \(plural(count, "file")) uncommitted (--no-commit); `crm commit` commits them")
        }
    }
}

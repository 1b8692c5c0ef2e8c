import CRMGit
import CRMWorkspace

/// `crm init [DIR]`: creates a workspace.
enum InitCommand {
    static let spec = CommandSpec(
        name: "init",
        abstract: "Create a workspace",
        discussion: """
            Creates DIR (default: the current folder) with .crm/config.yaml, the built-in types
            customer, contact, call and complaint in .crm/types/, their folders, and a .gitignore for
            crm's caches. Refuses to touch a folder that already holds a workspace.
            """,
        arguments: [ArgumentSpec("dir", help: "The folder to create the workspace in.", optional: true,
                                 completion: .directories)],
        options: [
            OptionSpec(["--name"], value: "name", help: "A name for the workspace. (default: the folder's name)"),
            OptionSpec(["--git"], help: "Also start a git repository there (unless it is in one already), register crm's merge driver, and commit the workspace."),
        ],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let path = FileIO.absolute(invocation.arguments.first ?? ".", from: context.currentDirectory)
        let name = invocation.value("name") ?? String(path.split(separator: "/").last ?? "crm")
        if invocation.flag("git") && Workspace.isWorkspace(path) {
            return try startGit(in: Workspace(root: path), context: &context)
        }
        let written: [String]
        do {
            written = try WorkspaceInitializer.create(at: path, name: name)
        } catch {
            throw CommandError(error.description, hint: {
                if case .alreadyAWorkspace = error { return "use it as it is: `crm -C \(path) types`" }
                return nil
            }())
        }
        context.console.line("Created a crm workspace in \(path)")
        for file in written { context.console.line("  " + file) }
        if invocation.flag("git") { _ = try startGit(in: Workspace(root: path), context: &context) }
        context.console.line("""

            Next:
              crm -C \(path) types                              the record types and their fields
              crm -C \(path) new customer 'name=Acme s.r.o.'    a first record
              crm -C \(path) list customer
            """)
        return 0
    }

    /// Makes the workspace a git repository (unless it is in one) and commits its files.
    private static func startGit(in workspace: Workspace, context: inout CommandContext) throws(CommandError) -> Int32 {
        var created = false
        let git = try History.run { () throws(GitError) -> WorkspaceGit in
            if let existing = try WorkspaceGit(workspace: workspace) { return existing }
            created = true
            return WorkspaceGit(repository: try Repository.create(at: workspace.root), workspace: workspace)
        }
        if created { context.console.line("Started a git repository in \(workspace.root)") }
        var mutation = try WorkspaceMutation(workspace)
        _ = try SetupGitCommand.configure(workspace, git: git, mutation: &mutation, context: &context)
        try History.run { () throws(GitError) in
            let files = (try git.status()).filter { $0.change != .deleted }.map(\.path)
            guard !files.isEmpty else { return }
            if let commit = try git.commit(written: files, deleted: [], message: "crm: init", environment: context.environment) {
                context.console.line("Committed \(plural(files.count, "file")) as \(commit.shortID)")
            }
        }
        mutation.finish()
        return 0
    }
}

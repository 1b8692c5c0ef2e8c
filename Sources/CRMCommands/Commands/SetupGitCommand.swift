import CRMChange
import CRMGit
import CRMWorkspace

/// `crm setup-git`: makes git merge records field by field in this clone.
enum SetupGitCommand {
    static let spec = CommandSpec(
        name: "setup-git",
        abstract: "Make git merge records field by field in this clone",
        discussion: """
            Registers `crm merge-file` as the merge driver for records: `.gitattributes` in the workspace
            gets `FOLDER/**/*.yaml merge=crm` for every type folder (committed, so every clone has it), and
            the repository's own configuration gets merge.crm.driver (each clone runs `crm setup-git` once;
            `crm init` does it). Then `git merge`, `git pull` and `crm sync` merge concurrent edits of
            a record the way a person would. Run it again after adding a type.
            """,
        options: ChangeFlags.specs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        let git = try History.git(workspace)
        var change = try ChangeFlags.open(workspace, invocation, context)
        let lines = try configure(git, change: &change, context: &context)
        if !lines.isEmpty { try ChangeFlags.apply(&change, message: "crm: setup-git", context: &context) }
        return ExitStatus.success
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

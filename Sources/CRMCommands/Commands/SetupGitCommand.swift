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
            `crm init --git` does it). Then `git merge`, `git pull` and `crm sync` merge concurrent edits of
            a record the way a person would. Run it again after adding a type.
            """,
        options: [WorkspaceMutation.noCommitOption],
        run: run)

    static let driver = "crm merge-file %O %A %B --path %P"

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        let git = try History.git(workspace)
        var mutation = try WorkspaceMutation(workspace)
        let changed = try configure(workspace, git: git, mutation: &mutation, context: &context)
        if changed { _ = try mutation.commit("crm: setup-git", invocation: invocation, context: &context) }
        return 0
    }

    /// Writes the attributes and the configuration; says whether `.gitattributes` changed.
    static func configure(_ workspace: Workspace, git: WorkspaceGit, mutation: inout WorkspaceMutation,
                          context: inout CommandContext) throws(CommandError) -> Bool {
        try History.run { () throws(GitError) in
            try git.repository.setConfigValue("merge.crm.name", "crm: merge records field by field")
            try git.repository.setConfigValue("merge.crm.driver", driver)
        }
        context.console.line("git merges records with `\(driver)` in this clone")
        let path = ".gitattributes"
        let existing = (try? FileIO.read(workspace.absolute(path))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let lines = existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let wanted = workspace.schema.types.map { "\($0.folder)/**/*.yaml merge=crm" }.filter { !lines.contains($0) }
        guard !wanted.isEmpty else { return false }
        var text = existing
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        if !lines.contains(where: { $0.hasSuffix("merge=crm") }) { text += "# Records merge field by field: crm setup-git\n" }
        text += wanted.map { $0 + "\n" }.joined()
        try mutation.write(Array(text.utf8), to: path)
        context.console.line("\(path): " + wanted.joined(separator: ", "))
        return true
    }
}

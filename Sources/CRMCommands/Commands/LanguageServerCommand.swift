import CRMEditor
import CRMWorkspace

/// `crm lsp`: the language server for editors, over standard input and output.
enum LanguageServerCommand {
    static let stdio = Flag(["--stdio"], help: "Talk over standard input and output (the default).")

    static let spec = CommandSpec(
        name: "lsp",
        abstract: "Serve records to an editor (Language Server Protocol)",
        discussion: """
            An editor starts crm lsp and talks to it over standard input and output: diagnostics as
            you type (what crm check says about the unsaved text), completion of field names, enum
            values and record ids, hover, go to definition, find references and the fields as
            symbols, quick fixes for "did you mean". The workspace is -C, else $CRM_WORKSPACE, else
            the editor's root folder.
            docs/editors.md shows the set-up for Neovim, Vim, VS Code, Helix, Emacs and Kakoune.
            """,
        options: [stdio.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        _ = invocation[stdio]
        var root: String?
        if context.workspaceOption != nil || context.environment["CRM_WORKSPACE"] != nil {
            root = try context.workspace().root
        }
        var connection = ServerConnection(server: LanguageServer(root: root, today: try context.today(), now: try context.now()))
        do {
            return try connection.run()
        } catch {
            throw CommandError(error.description, status: ExitStatus.failed)
        }
    }
}

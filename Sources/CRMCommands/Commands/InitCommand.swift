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
        options: [OptionSpec(["--name"], value: "name", help: "A name for the workspace. (default: the folder's name)")],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let path = FileIO.absolute(invocation.arguments.first ?? ".", from: context.currentDirectory)
        let name = invocation.value("name") ?? String(path.split(separator: "/").last ?? "crm")
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
        context.console.line("""

            Next:
              crm -C \(path) types             the record types and their fields
              $EDITOR \(path)/customers/acme.yaml   write a first record (name: Acme)
              crm -C \(path) check             validate it
            """)
        return 0
    }
}

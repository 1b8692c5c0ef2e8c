import CRMGit
import CRMWorkspace

/// `crm clone URL [DIR]`: a team's workspace, ready to work in.
enum CloneCommand {
    static let hooks = Flag(["--hooks"], help: "Also install the pre-commit hook (crm setup-git --hooks).")

    static let spec = CommandSpec(
        name: "clone",
        abstract: "Clone a team's workspace, set up and checked",
        discussion: """
            Runs `git clone URL DIR` (with your git: ~/.ssh/config, the ssh agent, known hosts and
            credential helpers all apply; CRM_GIT_USERNAME and CRM_GIT_PASSWORD give https credentials),
            then `crm setup-git` in the clone (the record merge driver, and with --hooks the pre-commit
            hook), then `crm check`, and says what the workspace holds. DIR defaults to the last part
            of URL without .git. Exits with 1 when the check finds errors (the clone stays).

            Examples:
              crm clone git@git.firma.cz:obchod/crm.git
              crm clone https://git.firma.cz/obchod/crm.git zakaznici --hooks
            """,
        arguments: [ArgumentSpec("url", help: "What `git clone` takes: a path, ssh or https URL, or an ~/.ssh/config alias (host:path)."),
                    ArgumentSpec("dir", help: "The folder to clone into.", optional: true, completion: .files)],
        options: [hooks.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let url = invocation.arguments[0]
        let shown = invocation.arguments.count > 1 ? invocation.arguments[1] : folderName(of: url)
        let target = FileIO.absolute(shown, from: context.currentDirectory)
        if FileIO.kind(of: target) != nil && !(DirectoryWalker.names(in: target, includingHidden: true)?.isEmpty ?? false) {
            throw CommandError("\(shown) exists and is not empty", hint: "name another folder: crm clone \(url) DIR")
        }
        try History.run { () throws(GitError) in try GitTransport(environment: context.environment).clone(url, into: target) }
        context.console.line("cloned \(url) into \(shown)")
        guard FileIO.isDirectory(target + "/.crm") else {
            throw CommandError("\(shown) holds no crm workspace (no .crm/ at its top)", hint: "`crm init` in it makes one")
        }
        let setUp = CRM.run(["-C", target, "setup-git"] + (invocation[hooks] ? ["--hooks"] : []), context: &context)
        guard setUp == ExitStatus.success else { return setUp }
        let checked = CRM.run(["-C", target, "check"], context: &context)
        let workspace = Workspace(root: target)
        let counts = RecordScanner.scan(workspace).files.reduce(into: [String: Int]()) { $0[$1.type, default: 0] += 1 }
        let summary = workspace.schema.typeNames.compactMap { name in counts[name].map { "\($0) \(name)\($0 == 1 ? "" : "s")" } }
        context.console.line("\(workspace.config.name.isEmpty ? shown : workspace.config.name): "
                             + (summary.isEmpty ? "no records yet" : summary.joined(separator: ", ")))
        return checked
    }

    /// `crm` for `git@host:team/crm.git`, `https://host/team/crm`, `/srv/git/crm.git/`.
    static func folderName(of url: String) -> String {
        var name = Substring(url)
        while name.hasSuffix("/") { name = name.dropLast() }
        if let slash = name.lastIndex(where: { $0 == "/" || $0 == ":" }) { name = name[name.index(after: slash)...] }
        if name.hasSuffix(".git") { name = name.dropLast(4) }
        return name.isEmpty ? "crm" : String(name)
    }
}

import CRMWorkspace

/// Fetching and pushing as the user's git does it: when `git` is installed, crm runs
/// `git fetch` and `git push` for the network part, so every remote works as it does for git
/// (`~/.ssh/config` host aliases, ports and identity files, the ssh agent, known-hosts checks,
/// credential helpers, proxies, `insteadOf` URLs), which libgit2 alone does not read. Without
/// git, libgit2 does it, with the ssh agent and `CRM_GIT_USERNAME`/`CRM_GIT_PASSWORD`.
public struct GitTransport: Sendable {
    /// The git CLI, when installed.
    public let git: String?
    let environment: [String: String]

    public init(environment: [String: String]) {
        git = Subprocess.find("git", path: environment["PATH"])
        var environment = environment
        // Never wait for a password on a terminal nobody is looking at.
        environment["GIT_TERMINAL_PROMPT"] = environment["GIT_TERMINAL_PROMPT"] ?? "0"
        self.environment = environment
    }

    /// `-c credential.helper=…` giving `CRM_GIT_USERNAME` and `CRM_GIT_PASSWORD` when both are set,
    /// after the user's own helpers.
    var credentialArguments: [String] {
        guard environment["CRM_GIT_USERNAME"] != nil, environment["CRM_GIT_PASSWORD"] != nil else { return [] }
        return ["-c", "credential.helper=!f() { test \"$1\" = get || exit 0; echo username=\"$CRM_GIT_USERNAME\"; "
                + "echo password=\"$CRM_GIT_PASSWORD\"; }; f"]
    }

    /// `git clone URL FOLDER`.
    public func clone(_ url: String, into folder: String) throws(GitError) {
        guard let git else {
            throw GitError(operation: "clone \(url)", code: -1, message: "git is not installed", hint: "install git (apt-get install git)")
        }
        try run(git, credentialArguments + ["clone", "--quiet", url, folder], operation: "clone \(url)", folder: nil)
    }

    public func fetch(_ remote: String, in repository: Repository) throws(GitError) {
        guard let git else { return try repository.fetch(remote) }
        try run(git, credentialArguments + ["fetch", "--quiet", remote], operation: "fetch from \(remote)", folder: repository.workdir)
    }

    public func push(_ branch: String, to remote: String, in repository: Repository) throws(GitError) {
        guard let git else { return try repository.push(branch, to: remote) }
        try run(git, credentialArguments + ["push", "--quiet", "--porcelain", remote, "refs/heads/\(branch):refs/heads/\(branch)"],
                operation: "push \(branch) to \(remote)", folder: repository.workdir)
    }

    /// `git push --force-with-lease`: moves `branch` on `remote` to the local one only while the
    /// remote's branch is still `expected` (what it was before the history was rewritten).
    public func forcePush(_ branch: String, to remote: String, expecting expected: String, in repository: Repository) throws(GitError) {
        guard let git else {
            throw GitError(operation: "push \(branch) to \(remote)", code: -1, message: "git is not installed",
                           hint: "install git (apt-get install git); crm pushes rewritten history only through git")
        }
        try run(git, credentialArguments + ["push", "--quiet", "--porcelain", "--force-with-lease=refs/heads/\(branch):\(expected)", remote,
                                            "refs/heads/\(branch):refs/heads/\(branch)"],
                operation: "push the rewritten \(branch) to \(remote)", folder: repository.workdir)
    }

    /// Drops every object no reference reaches: the reflogs expired and the repository pruned
    /// (`git reflog expire --expire=now --all`, `git gc --prune=now`). Needs git.
    public func pruneUnreachable(in repository: Repository) throws(GitError) {
        guard let git else {
            throw GitError(operation: "prune the old history", code: -1, message: "git is not installed",
                           hint: "install git (apt-get install git), then run `git reflog expire --expire=now --all && git gc --prune=now`")
        }
        try run(git, ["reflog", "expire", "--expire=now", "--expire-unreachable=now", "--all"], operation: "expire the reflogs",
                folder: repository.workdir)
        try run(git, ["gc", "--quiet", "--prune=now"], operation: "prune the old history", folder: repository.workdir)
    }

    private func run(_ git: String, _ arguments: [String], operation: String, folder: String?) throws(GitError) {
        let result: Subprocess.Result
        do {
            result = try Subprocess(git, arguments, environment: environment, folder: folder).run()
        } catch {
            throw GitError(operation: operation, code: -1, message: error.description)
        }
        guard result.succeeded else {
            let said = String(decoding: result.errors + result.output, as: UTF8.self)
                .split(whereSeparator: \.isNewline).map(String.init).filter { !$0.hasPrefix("To ") && $0 != "Done" }
            throw GitError(operation: operation, code: -1, message: said.isEmpty ? "git exited with \(result.status)" : said.joined(separator: "\n"),
                           hint: Self.hint(for: said.joined(separator: "\n")))
        }
    }

    /// What to do about the failures people meet.
    static func hint(for text: String) -> String? {
        if text.contains("Host key verification failed") || text.contains("REMOTE HOST IDENTIFICATION HAS CHANGED") {
            return "the server's ssh host key is unknown or has changed; check it with the server's admin, then `ssh` to it once to accept it"
        }
        if text.contains("Permission denied (publickey") { return "add your ssh key to the agent (ssh-add) or to ~/.ssh/config, and to the server" }
        if text.contains("Authentication failed") || text.contains("could not read Username") || text.contains("terminal prompts disabled") {
            return "store your credentials with a git credential helper, or set CRM_GIT_USERNAME and CRM_GIT_PASSWORD (a token)"
        }
        if text.contains("pre-receive hook declined") { return "the server refused the push: fix what it reports, commit and run crm sync again" }
        return nil
    }
}

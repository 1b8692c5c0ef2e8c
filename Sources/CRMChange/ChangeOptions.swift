/// How a change goes into git. Commands fill it from their options (`--no-commit`,
/// `--no-verify`); the library reads no command line.
public struct ChangeOptions: Sendable {
    /// Commit the change (when the workspace is in git and its settings have `auto-commit: true`).
    public var commits: Bool
    /// Run the `pre-commit` and `commit-msg` hooks (`--no-verify` skips them, as for git).
    public var verifies: Bool
    /// The environment hooks and filters run with; also `GIT_AUTHOR_NAME` and the like for the commit.
    public var environment: [String: String]
    /// How long to wait for git's index lock, which another git process may hold for a moment.
    public var indexLockWait: Double
    /// Let a record repeat another's value of a `unique` field (`--allow-duplicate`).
    public var allowsDuplicates: Bool

    public init(commits: Bool = true, verifies: Bool = true, environment: [String: String] = [:], indexLockWait: Double = 3,
                allowsDuplicates: Bool = false) {
        self.commits = commits
        self.verifies = verifies
        self.environment = environment
        self.indexLockWait = indexLockWait
        self.allowsDuplicates = allowsDuplicates
    }
}

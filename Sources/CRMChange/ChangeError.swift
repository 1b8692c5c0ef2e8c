import CRMGit
import CRMSyntax
import CRMWorkspace

/// Why a change was not made. Whatever the reason, every file and git are as they were.
public struct ChangeError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable {
        /// Another crm holds the workspace lock, or it cannot be taken.
        case locked
        /// What the change would write is not valid (`problems` says why).
        case invalid
        /// The file system lacks the space the change needs.
        case noSpace
        /// A file could not be read or written.
        case file
        /// git refused, or its index is locked by another process.
        case git
        /// A `pre-commit` or `commit-msg` hook refused the commit.
        case hook
    }

    public var reason: Reason
    public var message: String
    public var hint: String?
    /// The problems behind an `invalid` change, each located in its file.
    public var problems: [Diagnostic]
    /// What a refusing hook printed.
    public var hookOutput: String?

    public init(_ reason: Reason, _ message: String, hint: String? = nil, problems: [Diagnostic] = [], hookOutput: String? = nil) {
        self.reason = reason
        self.message = message
        self.hint = hint
        self.problems = problems
        self.hookOutput = hookOutput
    }

    public var description: String { message }

    static func file(_ error: FileError) -> ChangeError {
        ChangeError(.file, "the change was not made: \(error.description)")
    }

    static func git(_ error: GitError, hint: String? = nil) -> ChangeError {
        ChangeError(.git, "the change was not made: \(error.description)", hint: hint)
    }
}

import CRMLocale
import CRMSyntax
import CRMWorkspace

/// The command line could not be understood: exit status 64, with the usage and a pointer to help.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// The command whose usage to show, when known.
    public let command: CommandSpec?

    public init(_ message: String, command: CommandSpec? = nil) {
        self.message = message
        self.command = command
    }

    public var description: String { message }
}

/// A command could not do all it was asked: exit status 2 (or the given one), the problems
/// behind it (each shown with its excerpt and caret), then the message and a hint, on standard error.
public struct CommandError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let hint: String?
    public let status: Int32
    /// Problems in files or options, shown before the message.
    public let problems: [Diagnostic]
    /// Something another program printed that explains the failure (a refusing git hook).
    public let detail: String?
    /// True when the error is the one problem shown (a query's, a file's), with no message after it.
    public let isProblemOnly: Bool

    public init(_ message: String, hint: String? = nil, status: Int32 = ExitStatus.failed, problems: [Diagnostic] = [],
                detail: String? = nil) {
        self.message = message
        self.hint = hint
        self.status = status
        self.problems = problems
        self.detail = detail
        isProblemOnly = false
    }

    /// An error that is one problem in a file or an option, shown with its excerpt and caret.
    public init(diagnostic: Diagnostic, status: Int32 = ExitStatus.failed) {
        message = diagnostic.message
        hint = diagnostic.hint
        self.status = status
        problems = [diagnostic]
        detail = nil
        isProblemOnly = true
    }

    public var description: String { message }
}

/// What crm's exit status says, the same for every command (`crm help exit-status`).
public enum ExitStatus {
    /// Done; a query found something.
    public static let success: Int32 = 0
    /// A query found nothing, or a check found problems.
    public static let nothingFound: Int32 = 1
    /// The command could not do all it was asked: a record could not be read, a file could not
    /// be written, a change was refused. What was done is said; a refused change changed nothing.
    public static let failed: Int32 = 2
    /// The command line is wrong (an unknown option, type or value).
    public static let usage: Int32 = 64
}

/// Refusals and hints several commands give, worded once in the catalogs.
extension CommandError {
    /// The workspace has no type `type` (one `crm init` writes), which the command works on.
    static func noType(_ type: String) -> CommandError {
        CommandError(tr("err-no-type", ["type": type]), hint: tr("hint-no-type", ["type": type]))
    }

    /// The type file of the record at `path` does not read, so the record cannot be changed.
    static func unreadableType(of path: String) -> CommandError {
        CommandError(tr("err-type-unreadable", ["path": path]), hint: tr("hint-type-unreadable"))
    }

    /// "did you mean 'NAME'?" in the run's language for the one of `names` closest to `word`,
    /// written with `prefix` (`@` for a saved query); `nil` when none is close.
    static func didYouMean(_ word: String, in names: some Sequence<String>, prefix: String = "") -> String? {
        Suggestions.closest(to: word, in: names).map { tr("did-you-mean", ["candidates": "'\(prefix)\($0)'"]) }
    }
}

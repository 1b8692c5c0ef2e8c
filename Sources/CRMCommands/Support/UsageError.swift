import CRMSyntax

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

/// A command failed: exit status 1 (or the given one), the message and a hint on standard error.
public struct CommandError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let hint: String?
    public let status: Int32
    /// A problem in a file or an option, shown with its excerpt and caret instead of the message.
    public let diagnostic: Diagnostic?

    public init(_ message: String, hint: String? = nil, status: Int32 = 1) {
        self.message = message
        self.hint = hint
        self.status = status
        self.diagnostic = nil
    }

    public init(diagnostic: Diagnostic, status: Int32 = 1) {
        self.message = diagnostic.message
        self.hint = diagnostic.hint
        self.status = status
        self.diagnostic = diagnostic
    }

    public var description: String { message }
}

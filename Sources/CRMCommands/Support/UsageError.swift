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

    public init(_ message: String, hint: String? = nil, status: Int32 = 1) {
        self.message = message
        self.hint = hint
        self.status = status
    }

    public var description: String { message }
}

import CRMWorkspace

/// The values a command was given, after parsing.
public struct Invocation: Sendable {
    public let command: CommandSpec
    public let arguments: [String]
    private let values: [String: [String]]
    private let flags: Set<String>

    init(command: CommandSpec, arguments: [String], values: [String: [String]], flags: Set<String>) {
        self.command = command
        self.arguments = arguments
        self.values = values
        self.flags = flags
    }

    /// The last value given for `--key`.
    public func value(_ key: String) -> String? {
        values[key]?.last
    }

    /// Every value given for `--key`, in order.
    public func values(_ key: String) -> [String] {
        values[key] ?? []
    }

    /// The two values of an option that takes two (`--per month at`).
    public func pair(_ key: String) -> (String, String)? {
        guard let value = value(key) else { return nil }
        let parts = value.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    public func flag(_ key: String) -> Bool {
        flags.contains(key)
    }

    /// `--key` as a positive integer.
    public func positiveInteger(_ key: String) throws(UsageError) -> Int? {
        try integer(key, from: 1, "a positive whole number")
    }

    /// `--key` as a whole number, 0 or more.
    public func nonNegativeInteger(_ key: String) throws(UsageError) -> Int? {
        try integer(key, from: 0, "a whole number, 0 or more")
    }

    private func integer(_ key: String, from minimum: Int, _ expected: String) throws(UsageError) -> Int? {
        guard let text = value(key) else { return nil }
        guard let number = Int(text), number >= minimum else {
            throw UsageError("'\(text)' is not a valid value for '--\(key) <n>': expected \(expected)", command: command)
        }
        return number
    }

    /// `--key` as one of `choices`.
    public func choice(_ key: String, _ choices: [String], default fallback: String) throws(UsageError) -> String {
        guard let text = value(key) else { return fallback }
        guard choices.contains(text) else {
            var message = "'\(text)' is not a valid value for '--\(key)': expected one of \(choices.joined(separator: ", "))"
            if let close = Suggestions.closest(to: text, in: choices) { message += "; did you mean '\(close)'?" }
            throw UsageError(message, command: command)
        }
        return text
    }
}

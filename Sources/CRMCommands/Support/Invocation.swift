import CRMWorkspace

/// The values a command was given, after parsing. Options are read through their typed
/// declarations (`invocation[Self.limit]`, `invocation[Self.force]`), never by name.
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

    /// The option's value (the last given, for one given twice), or `nil` when it was not given.
    public subscript<Value>(option: Option<Value>) -> Value? {
        get throws(UsageError) {
            declared(option.spec)
            guard let text = values[option.spec.key]?.last else { return nil }
            return try option.convert(text, command)
        }
    }

    /// Every value given for a repeatable option, in order.
    public func all<Value>(_ option: Option<Value>) throws(UsageError) -> [Value] {
        declared(option.spec)
        var result: [Value] = []
        for text in values[option.spec.key] ?? [] { result.append(try option.convert(text, command)) }
        return result
    }

    /// True when the flag was given.
    public subscript(flag: Flag) -> Bool {
        assert(command.allOptions.contains { $0.key == flag.spec.key }, "\(command.name) does not declare \(flag.spec.names)")
        return flags.contains(flag.spec.key)
    }

    /// The format asked for, or the option's default.
    public func format(_ option: FormatOption) throws(UsageError) -> OutputFormat {
        try self[option.option] ?? option.fallback
    }

    /// Whether the option was given at all, for errors that name what was given.
    public func isGiven(_ spec: OptionSpec) -> Bool {
        values[spec.key] != nil || flags.contains(spec.key)
    }

    private func declared(_ spec: OptionSpec) {
        assert(command.allOptions.contains { $0.key == spec.key }, "\(command.name) does not declare \(spec.names)")
    }
}

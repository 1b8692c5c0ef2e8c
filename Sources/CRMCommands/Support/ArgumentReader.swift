import CRMWorkspace

/// Reads a command line the way swift-argument-parser does: `--name value`, `--name=value`,
/// `-n value`, flags, `--` to end options, positional arguments in order; unknown options and
/// commands get "did you mean".
struct ArgumentReader {
    let commands: [CommandSpec]

    /// What the command line asks for.
    enum Request {
        case run(Invocation, workspace: String?, noCache: Bool)
        case help(CommandSpec?)
        case version
    }

    func read(_ arguments: [String]) throws(UsageError) -> Request {
        var rest = arguments[...]
        var workspace: String?
        var noCache = false
        // Options before the command name: only the global ones.
        while let first = rest.first, first.hasPrefix("-"), first != "-" {
            rest.removeFirst()
            let (name, attached) = split(first)
            switch name {
            case "-h", "--help": return .help(nil)
            case "--version": return .version
            case "--no-cache": noCache = true
            case "-C", "--workspace":
                if let attached {
                    workspace = attached
                } else {
                    workspace = try takeValue(for: name, placeholder: "dir", from: &rest, command: nil)
                }
            default:
                throw UsageError(unknownOption(name, among: ["-C", "--workspace", "--no-cache", "--help", "--version"]))
            }
        }
        guard let name = rest.popFirst() else { return .help(nil) }
        if name == "help" {
            guard let topic = rest.first else { return .help(nil) }
            return .help(try command(named: topic))
        }
        let command = try command(named: name)
        var values: [String: [String]] = [:]
        var flags: Set<String> = []
        var positionals: [String] = []
        var optionsEnded = false
        while let token = rest.popFirst() {
            if optionsEnded || !token.hasPrefix("-") || token == "-" || isNegativeNumber(token) {
                positionals.append(token)
                continue
            }
            if token == "--" {
                optionsEnded = true
                continue
            }
            let (optionName, attached) = split(token)
            guard let option = command.allOptions.first(where: { $0.names.contains(optionName) }) else {
                throw UsageError(unknownOption(optionName, among: command.allOptions.flatMap(\.names)), command: command)
            }
            if option.key == "help" { return .help(command) }
            if let placeholder = option.value {
                var value = attached ?? ""
                if attached == nil {
                    value = try takeValue(for: optionName, placeholder: placeholder, from: &rest, command: command)
                }
                if let second = option.secondValue {
                    value += "\u{0}" + (try takeValue(for: optionName, placeholder: second, from: &rest, command: command))
                }
                if option.key == "workspace" {
                    workspace = value
                } else {
                    if !option.repeatable && values[option.key] != nil {
                        throw UsageError("option '\(optionName)' given more than once", command: command)
                    }
                    values[option.key, default: []].append(value)
                }
            } else {
                if attached != nil {
                    throw UsageError("option '\(optionName)' takes no value", command: command)
                }
                if option.key == "no-cache" { noCache = true }
                flags.insert(option.key)
            }
        }
        try check(positionals, against: command)
        return .run(Invocation(command: command, arguments: positionals, values: values, flags: flags), workspace: workspace,
                    noCache: noCache)
    }

    private func command(named name: String) throws(UsageError) -> CommandSpec {
        if let command = commands.first(where: { $0.name == name }) { return command }
        var message = "unknown command '\(name)'"
        if let close = Suggestions.closest(to: name, in: commands.filter { !$0.hidden }.map(\.name)) {
            message += "; did you mean '\(close)'?"
        }
        throw UsageError(message)
    }

    private func check(_ positionals: [String], against command: CommandSpec) throws(UsageError) {
        let required = command.arguments.filter { !$0.optional }
        if positionals.count < required.count {
            let missing = required[positionals.count]
            throw UsageError("missing expected argument '<\(missing.name)>'", command: command)
        }
        if !(command.arguments.last?.repeating ?? false) && positionals.count > command.arguments.count {
            throw UsageError("unexpected argument '\(positionals[command.arguments.count])'", command: command)
        }
    }

    private func split(_ token: String) -> (String, String?) {
        guard token.hasPrefix("--"), let equals = token.firstIndex(of: "=") else {
            if !token.hasPrefix("--") && token.count > 2 {
                return (String(token.prefix(2)), String(token.dropFirst(2)))
            }
            return (token, nil)
        }
        return (String(token[..<equals]), String(token[token.index(after: equals)...]))
    }

    /// The value after an option. It may start with `-` (`--sort -opened`) unless it is `--` or one
    /// of the options the command knows.
    private func takeValue(for name: String, placeholder: String, from rest: inout ArraySlice<String>,
                           command: CommandSpec?) throws(UsageError) -> String {
        let options = (command?.allOptions ?? GlobalOptions.all).flatMap(\.names) + ["--version"]
        guard let value = rest.first, value != "--", !options.contains(split(value).0) else {
            throw UsageError("missing value for '\(name) <\(placeholder)>'", command: command)
        }
        rest.removeFirst()
        return value
    }

    private func isNegativeNumber(_ token: String) -> Bool {
        token.count > 1 && token.hasPrefix("-") && token.dropFirst().allSatisfy { $0.isNumber || $0 == "." }
    }

    private func unknownOption(_ name: String, among names: [String]) -> String {
        var message = "unknown option '\(name)'"
        if let close = Suggestions.closest(to: name, in: names) { message += "; did you mean '\(close)'?" }
        return message
    }
}

import CRMWorkspace

/// An option a command reads as a typed value. It is declared once (names, placeholder, help,
/// and how its text becomes a value) and read from an `Invocation` through the declaration
/// itself, `invocation[Self.limit]`, so no option is looked up by a string that could be mistyped.
public struct Option<Value: Sendable>: Sendable {
    public let spec: OptionSpec
    let convert: @Sendable (String, CommandSpec) throws(UsageError) -> Value

    public init(_ spec: OptionSpec, convert: @escaping @Sendable (String, CommandSpec) throws(UsageError) -> Value) {
        self.spec = spec
        self.convert = convert
    }

    /// An option whose value is `choices`' raw value, with "did you mean" for a near miss.
    public static func choice(_ names: [String], value: String, help: String, choices: [Value],
                              repeatable: Bool = false) -> Option<Value> where Value: RawRepresentable<String> {
        let names = names
        return Option(OptionSpec(names, value: value, help: help, completion: .choices(choices.map(\.rawValue)), repeatable: repeatable)) {
            text, command throws(UsageError) in
            if let choice = choices.first(where: { $0.rawValue == text }) { return choice }
            let words = choices.map(\.rawValue)
            var message = "'\(text)' is not a valid value for '\(names.last!) <\(value)>': expected one of \(words.joined(separator: ", "))"
            if let close = Suggestions.closest(to: text, in: words) { message += "; did you mean '\(close)'?" }
            throw UsageError(message, command: command)
        }
    }
}

extension Option where Value == String {
    /// An option with a text value, taken as it is.
    public init(_ names: [String], value: String, help: String, completion: Completion = .none, repeatable: Bool = false) {
        self.init(OptionSpec(names, value: value, help: help, completion: completion, repeatable: repeatable)) { text, _ in text }
    }
}

extension Option where Value == Int {
    /// A whole number of at least `minimum` (`--limit <n>`).
    public static func number(_ names: [String], value: String = "n", from minimum: Int = 1, help: String) -> Option<Int> {
        let expected = minimum == 1 ? "a positive whole number" : "a whole number, \(minimum) or more"
        let names = names
        return Option(OptionSpec(names, value: value, help: help)) { text, command throws(UsageError) in
            guard let number = Int(text), number >= minimum else {
                throw UsageError("'\(text)' is not a valid value for '\(names.last!) <\(value)>': expected \(expected)", command: command)
            }
            return number
        }
    }
}

/// How many of something to show: `all`, or the first n.
public enum Limit: Sendable, Hashable {
    case all
    case first(Int)

    /// The count, `nil` for all.
    public var count: Int? {
        if case .first(let count) = self { return count }
        return nil
    }
}

extension Option where Value == Limit {
    /// A positive whole number or `all` (`--calls <n|all>`).
    public static func limit(_ names: [String], help: String) -> Option<Limit> {
        let names = names
        return Option(OptionSpec(names, value: "n|all", help: help, completion: .choices(["all", "10", "50"]))) { text, command throws(UsageError) in
            if text == "all" { return .all }
            guard let number = Int(text), number >= 1 else {
                throw UsageError("'\(text)' is not a valid value for '\(names.last!) <n|all>': expected a positive whole number or all",
                                 command: command)
            }
            return .first(number)
        }
    }
}

/// The two values of an option that takes two (`--per month at`).
public struct OptionPair: Sendable, Hashable {
    public var first: String
    public var second: String
}

extension Option where Value == OptionPair {
    /// An option followed by two values.
    public init(_ names: [String], value: String, secondValue: String, help: String, completion: Completion = .none) {
        self.init(OptionSpec(names, value: value, secondValue: secondValue, help: help, completion: completion)) { text, _ in
            let parts = text.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return OptionPair(first: parts[0], second: parts.count > 1 ? parts[1] : "")
        }
    }
}

/// An option without a value (`--force`), read as `invocation[Self.force]`.
public struct Flag: Sendable {
    public let spec: OptionSpec

    public init(_ names: [String], help: String) {
        spec = OptionSpec(names, help: help)
    }
}

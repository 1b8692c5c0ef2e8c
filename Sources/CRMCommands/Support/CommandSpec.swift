/// What a value on the command line can be completed with.
public enum Completion: Sendable, Hashable {
    case none
    case types
    /// Field names of the type given as the command's first argument (or of the record it names),
    /// for comma-separated lists (`--fields`, `--sort`).
    case fields
    /// `FIELD=` for each field of the type or record of the first argument, and `FIELD=VALUE`
    /// for the values of an enum or bool field once its `=` is typed.
    case assignments
    case ids
    /// The contacts of the customer given as the command's first argument.
    case contacts
    case choices([String])
    case files
    case directories
}

/// An option a command accepts: a flag, or a name with a value.
public struct OptionSpec: Sendable {
    /// `["-C", "--workspace"]`, `["--limit"]`.
    public let names: [String]
    /// The value's placeholder (`n`, `fields`); `nil` for a flag.
    public let value: String?
    /// A second value's placeholder, for options that take two (`--per <unit> <field>`).
    public let secondValue: String?
    public let help: String
    public let completion: Completion
    /// May be given more than once (values accumulate).
    public let repeatable: Bool

    public init(_ names: [String], value: String? = nil, secondValue: String? = nil, help: String,
                completion: Completion = .none, repeatable: Bool = false) {
        self.names = names
        self.value = value
        self.secondValue = secondValue
        self.help = help
        self.completion = completion
        self.repeatable = repeatable
    }

    /// The long name without dashes: the key its value is found under.
    public var key: String {
        String((names.first { $0.hasPrefix("--") } ?? names[0]).drop { $0 == "-" })
    }

    /// `-C, --workspace <dir>`.
    var synopsis: String {
        names.joined(separator: ", ") + (value.map { " <\($0)>" } ?? "") + (secondValue.map { " <\($0)>" } ?? "")
    }
}

/// A positional argument.
public struct ArgumentSpec: Sendable {
    public let name: String
    public let help: String
    public let optional: Bool
    /// Takes every remaining argument.
    public let repeating: Bool
    public let completion: Completion

    public init(_ name: String, help: String, optional: Bool = false, repeating: Bool = false,
                completion: Completion = .none) {
        self.name = name
        self.help = help
        self.optional = optional
        self.repeating = repeating
        self.completion = completion
    }

    var synopsis: String {
        var text = "<\(name)>"
        if repeating { text += " ..." }
        return optional ? "[\(text)]" : text
    }
}

/// A subcommand of `crm`: its name, help, arguments and options, and what it runs.
public struct CommandSpec: Sendable {
    public let name: String
    /// One line, without a final period, shown in `crm help`.
    public let abstract: String
    /// More help, shown by `crm COMMAND --help`.
    public let discussion: String?
    public let arguments: [ArgumentSpec]
    public let options: [OptionSpec]
    /// Kept out of `crm help` and completion (`__complete`).
    public let hidden: Bool
    public let run: @Sendable (Invocation, inout CommandContext) throws -> Int32

    public init(name: String, abstract: String, discussion: String? = nil, arguments: [ArgumentSpec] = [],
                options: [OptionSpec] = [], hidden: Bool = false,
                run: @escaping @Sendable (Invocation, inout CommandContext) throws -> Int32) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.hidden = hidden
        self.run = run
    }

    /// The command's options and the options every command takes.
    var allOptions: [OptionSpec] { options + GlobalOptions.all }

    /// `crm list <type> [--sort <fields>] ...`.
    var usage: String {
        var parts = ["crm", name] + arguments.map(\.synopsis)
        parts += options.map { "[\($0.names.last!)\($0.value.map { " <\($0)>" } ?? "")\($0.secondValue.map { " <\($0)>" } ?? "")]" }
        return parts.joined(separator: " ")
    }
}

/// Options every command accepts.
public enum GlobalOptions {
    public static let workspace = OptionSpec(["-C", "--workspace"], value: "dir",
                                             help: "The workspace folder (default: $CRM_WORKSPACE, else the nearest folder holding .crm/).",
                                             completion: .directories)
    public static let noCache = OptionSpec(["--no-cache"], help: "Read every record file instead of the cache in .crm/cache/.")
    public static let help = OptionSpec(["-h", "--help"], help: "Show help information.")
    public static let all = [workspace, noCache, help]
}

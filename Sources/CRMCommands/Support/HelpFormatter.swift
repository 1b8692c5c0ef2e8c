/// Help text in swift-argument-parser's layout: OVERVIEW, USAGE, ARGUMENTS, OPTIONS.
struct HelpFormatter {
    let commands: [CommandSpec]
    private let column = 26

    func root() -> String {
        var text = """
            OVERVIEW: A plain-text CRM: customers, contacts, calls and complaints as small text files in
            a folder you own, with history and sync through git.

            USAGE: crm [-C <dir>] <subcommand>

            OPTIONS:

            """
        for option in [GlobalOptions.workspace, GlobalOptions.noCache, OptionSpec(["--version"], help: "Show the version."),
                       GlobalOptions.help] {
            text += row(option.synopsis, option.help)
        }
        text += "\nSUBCOMMANDS:\n"
        for command in commands where !command.hidden {
            text += row(command.name, command.abstract + ".")
        }
        text += "\n  See 'crm help <subcommand>' for detailed help.\n"
        return text
    }

    func command(_ command: CommandSpec) -> String {
        var text = "OVERVIEW: \(command.abstract).\n"
        if let discussion = command.discussion { text += "\n" + discussion + "\n" }
        text += "\nUSAGE: \(command.usage)\n"
        if !command.arguments.isEmpty {
            text += "\nARGUMENTS:\n"
            for argument in command.arguments { text += row("<\(argument.name)>", argument.help) }
        }
        text += "\nOPTIONS:\n"
        for option in command.allOptions { text += row(option.synopsis, option.help) }
        return text
    }

    /// One two-column row; a long name pushes its help to the next line.
    private func row(_ name: String, _ help: String) -> String {
        let label = "  " + name
        if label.count >= column - 1 {
            return label + "\n" + String(repeating: " ", count: column) + help + "\n"
        }
        return label + String(repeating: " ", count: column - label.count) + help + "\n"
    }
}

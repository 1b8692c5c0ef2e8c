import CRMLocale
import CRMTerminal

/// Help text in swift-argument-parser's layout: OVERVIEW, USAGE, ARGUMENTS, OPTIONS.
struct HelpFormatter {
    let commands: [CommandSpec]
    private let column = 26

    func root() -> String {
        // The list of commands speaks the run's language; a command's own help is English.
        let translation = Translation.current
        var text = tr("help-overview") + "\n\n" + tr("help-usage") + "\n\n" + tr("help-options") + "\n"
        for option in [GlobalOptions.workspace, GlobalOptions.noCache, OptionSpec(["--version"], help: "Show the version."),
                       GlobalOptions.help] {
            text += row(option.synopsis, translation.text("option" + (option.names.last ?? ""), default: option.help))
        }
        text += "\n" + tr("help-subcommands") + "\n"
        for command in commands where !command.hidden {
            text += row(command.name, translation.text("abstract_" + command.name, default: command.abstract) + ".")
        }
        text += "\n  " + tr("help-see-command") + "\n"
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
        if TerminalText.width(label) >= column - 1 {
            return label + "\n" + String(repeating: " ", count: column) + help + "\n"
        }
        return TerminalText.padded(label, to: column) + help + "\n"
    }
}

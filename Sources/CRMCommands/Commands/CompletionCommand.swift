import CRMWorkspace

/// `crm completion bash|zsh|fish`: a completion script. The scripts ask `crm __complete` for
/// the candidates, so they always know the current commands, options, types, fields and ids.
enum CompletionCommand {
    static let shells = ["bash", "zsh", "fish"]

    static let spec = CommandSpec(
        name: "completion",
        abstract: "Print a shell completion script",
        discussion: """
            Completes commands, options, type names, field names and record ids.

              bash:  echo 'source <(crm completion bash)' >> ~/.bashrc
              zsh:   echo 'source <(crm completion zsh)' >> ~/.zshrc
              fish:  crm completion fish > ~/.config/fish/completions/crm.fish
            """,
        arguments: [ArgumentSpec("shell", help: "bash, zsh or fish.", completion: .choices(shells))],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let shell = invocation.arguments[0]
        switch shell {
        case "bash": context.console.write(bash)
        case "zsh": context.console.write(zsh)
        case "fish": context.console.write(fish)
        default:
            var message = "unknown shell '\(shell)': expected bash, zsh or fish"
            if let close = Suggestions.closest(to: shell, in: shells) { message += "; did you mean '\(close)'?" }
            throw UsageError(message, command: spec)
        }
        return 0
    }

    static let bash = """
        # crm completion for bash: source <(crm completion bash)
        _crm() {
            local IFS=$'\\n'
            local candidates
            candidates=$(crm __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
            COMPREPLY=($(compgen -W "$candidates" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -o nospace -F _crm crm

        """

    static let zsh = """
        #compdef crm
        # crm completion for zsh: source <(crm completion zsh)
        _crm() {
            local -a candidates
            candidates=("${(@f)$(crm __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
            compadd -S '' -- ${candidates:#}
        }
        compdef _crm crm

        """

    static let fish = """
        # crm completion for fish: crm completion fish > ~/.config/fish/completions/crm.fish
        complete -c crm -f -a '(crm __complete (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'

        """
}



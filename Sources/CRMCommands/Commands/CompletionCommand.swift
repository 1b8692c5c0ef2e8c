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

    /// bash splits words at `=` (COMP_WORDBREAKS), so the script splits the line itself and
    /// gives back only what follows the last `=`; a candidate ending in `=` or `,` gets no space.
    static let bash = """
        # crm completion for bash: source <(crm completion bash)
        _crm() {
            local line=${COMP_LINE:0:COMP_POINT}
            local -a words
            read -ra words <<< "$line"
            [[ $line == *[[:space:]] ]] && words+=("")
            local cur=${words[${#words[@]}-1]}
            local prefix=""
            [[ $cur == *=* && $COMP_WORDBREAKS == *=* ]] && prefix=${cur%=*}=
            local IFS=$'\n'
            local -a candidates=($(crm __complete -- "${words[@]:1}" 2>/dev/null))
            COMPREPLY=()
            local candidate
            for candidate in "${candidates[@]}"; do
                [[ $candidate == "$cur"* ]] && COMPREPLY+=("${candidate#"$prefix"}")
            done
            if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *[=,] ]]; then compopt -o nospace 2>/dev/null; fi
        }
        complete -o default -F _crm crm

        """

    static let zsh = """
        #compdef crm
        # crm completion for zsh: source <(crm completion zsh)
        _crm() {
            local -a candidates spaced bare
            candidates=("${(@f)$(crm __complete -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
            local candidate
            for candidate in ${candidates:#}; do
                if [[ $candidate == *[=,] ]]; then bare+=("$candidate"); else spaced+=("$candidate"); fi
            done
            (( ${#spaced} )) && compadd -- "${spaced[@]}"
            (( ${#bare} )) && compadd -S '' -- "${bare[@]}"
            return 0
        }
        compdef _crm crm

        """

    static let fish = """
        # crm completion for fish: crm completion fish > ~/.config/fish/completions/crm.fish
        complete -c crm -f -a '(crm __complete -- (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'

        """
}

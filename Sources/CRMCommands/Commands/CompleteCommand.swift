import CRMSyntax
import CRMWorkspace

/// `crm __complete WORD…`: the candidates for the last word of a partly typed command line,
/// one per line. Used by the scripts of `crm completion`; not listed in help.
enum CompleteCommand {
    static let spec = CommandSpec(
        name: "__complete",
        abstract: "Print completion candidates for a partial command line",
        arguments: [ArgumentSpec("words", help: "The words typed so far; the last is being completed.", optional: true,
                                 repeating: true)],
        hidden: true,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        var words = invocation.arguments
        let current = words.popLast() ?? ""
        let candidates = self.candidates(for: words, current: current, context: context)
        for candidate in candidates where candidate.hasPrefix(current) { context.console.line(candidate) }
        return 0
    }

    private static func candidates(for words: [String], current: String, context: CommandContext) -> [String] {
        var remaining = words[...]
        var workspaceOption = context.workspaceOption
        while let first = remaining.first, first.hasPrefix("-") {
            remaining.removeFirst()
            if (first == "-C" || first == "--workspace"), let value = remaining.popFirst() { workspaceOption = value }
        }
        let visible = CRM.commands.filter { !$0.hidden }
        guard let name = remaining.popFirst() else {
            return current.hasPrefix("-") ? ["-C", "--workspace", "--help", "--version"] : visible.map(\.name)
        }
        if name == "help" { return remaining.isEmpty ? visible.map(\.name) : [] }
        guard let command = CRM.commands.first(where: { $0.name == name }) else { return [] }
        var positionals: [String] = []
        var pendingOption: OptionSpec?
        for word in remaining {
            if let option = pendingOption {
                if option.key == "workspace" { workspaceOption = word }
                pendingOption = nil
            } else if word.hasPrefix("-"), let option = command.allOptions.first(where: { $0.names.contains(word) }) {
                pendingOption = option.value == nil ? nil : option
            } else if !word.hasPrefix("-") {
                positionals.append(word)
            }
        }
        var lookup = context
        lookup.workspaceOption = workspaceOption
        if let option = pendingOption {
            return values(option.completion, current: current, typeName: positionals.first, context: lookup)
        }
        if current.hasPrefix("-") { return command.allOptions.flatMap(\.names) }
        let argument = command.arguments.indices.contains(positionals.count)
            ? command.arguments[positionals.count] : command.arguments.last.flatMap { $0.repeating ? $0 : nil }
        guard let argument else { return [] }
        return values(argument.completion, current: current, typeName: positionals.first, context: lookup)
    }

    private static func values(_ completion: Completion, current: String, typeName: String?,
                               context: CommandContext) -> [String] {
        switch completion {
        case .none, .files, .directories:
            return []
        case .choices(let choices):
            return choices
        case .types:
            return (try? context.workspace().schema.typeNames) ?? []
        case .fields:
            guard let workspace = try? context.workspace(), let type = type(typeName, in: workspace) else { return [] }
            let done = current.lastIndex(of: ",").map { String(current[...$0]) } ?? ""
            let descending = current.dropFirst(done.count).hasPrefix("-") ? "-" : ""
            return names(of: type).map { done + descending + $0 }
        case .assignments:
            guard let workspace = try? context.workspace(), let type = type(typeName, in: workspace) else { return [] }
            if let equals = current.firstIndex(of: "=") {
                let name = String(current[..<equals])
                let values: [String]
                switch type.field(name)?.kind {
                case .enumeration(let allowed)?: values = allowed
                case .bool?: values = ["true", "false"]
                default: values = []
                }
                return values.map { name + "=" + $0 }
            }
            return names(of: type).filter { name in
                if case .map = type.field(name)?.kind { return false }
                return true
            }.map { $0 + "=" }
        case .ids:
            guard let workspace = try? context.workspace() else { return [] }
            let (files, _) = RecordScanner.scan(workspace)
            return files.map(\.id)
        case .contacts:
            guard let workspace = try? context.workspace() else { return [] }
            let index = WorkspaceIndex(workspace: workspace, types: workspace.schema.types.filter { $0.name == "contact" })
            let contacts = index.records(ofType: "contact")
            let own = contacts.filter { $0.string("customer") == typeName }
            return (own.isEmpty ? contacts : own).map(\.id)
        }
    }

    /// The type a command's first argument names: a type (or its folder), or a record's id.
    private static func type(_ word: String?, in workspace: Workspace) -> RecordType? {
        guard let word else { return nil }
        if let type = workspace.schema.type(named: word) ?? workspace.schema.types.first(where: { $0.folder == word }) { return type }
        let file = RecordID.isValid(word) ? RecordScanner.likelyFile(of: word, in: workspace) : nil
        return (file?.type ?? RecordScanner.scan(workspace).files.first { $0.id == word }?.type).flatMap(workspace.schema.type(named:))
    }

    /// Every field of `type`, and `map.entry` for its maps' entries.
    private static func names(of type: RecordType) -> [String] {
        type.fields.flatMap { field -> [String] in
            if case .map(let entries) = field.kind { return [field.key] + entries.map { "\(field.key).\($0)" } }
            return [field.key]
        }
    }
}

import CRMGit
import CRMSyntax
import CRMWorkspace

/// `crm new TYPE [FIELD=VALUE…]`: creates a record.
enum NewCommand {
    static let spec = CommandSpec(
        name: "new",
        abstract: "Create a record",
        discussion: """
            The record gets the schema's defaults and the given values, checked against the schema
            before anything is written. Its id comes from its title (`Škoda Transport a.s.` →
            skoda-transport, a clash gets -2), or for calls and complaints from its date and customer
            with a random part (2026-11-20-skoda-transport-k2f7). Prints the new id.

            Dates take today, tomorrow, yesterday, +7d, -2w, +1m or 20.11.2026; list fields take
            comma-separated items; map entries are set as address.city=Brno.

            Examples:
              crm new customer 'name=Škoda Transport a.s.' status=prospect address.city=Plzeň
              crm new call customer=skoda-transport channel=phone 'subject=Price list' follow-up=+7d
            """,
        arguments: [
            ArgumentSpec("type", help: "The type of the new record.", completion: .types),
            ArgumentSpec("field=value", help: "Values for its fields.", optional: true, repeating: true, completion: .fields),
        ],
        options: [
            OptionSpec(["--id"], value: "id", help: "Use this id instead of making one."),
            OptionSpec(["--edit"], help: "Open the new record in $VISUAL or $EDITOR before it is saved."),
            WorkspaceMutation.noCommitOption,
        ],
        run: run)

    /// A new record ready to be written.
    struct Draft {
        var id: String
        /// Relative to the workspace.
        var path: String
        var document: RecordDocument
    }

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        let type = try RecordPresentation.type(named: invocation.arguments[0], in: workspace.schema)
        var locator = RecordLocator(workspace: workspace)
        guard let draft = try prepare(type: type, assignments: Array(invocation.arguments.dropFirst()), invocation: invocation,
                                      locator: &locator, context: &context) else { return 1 }
        var mutation = try WorkspaceMutation(workspace)
        try write(draft, with: &mutation)
        _ = try mutation.commit("crm: new \(type.name) \(draft.id)", invocation: invocation, context: &context)
        context.console.line(draft.id)
        return 0
    }

    /// The new record from `FIELD=VALUE` texts, the schema's defaults and the lifecycle, edited
    /// first with `--edit` (`nil` when the person discards it), with an id from `--id` or made
    /// from its fields.
    static func prepare(type: RecordType, assignments texts: [String], invocation: Invocation, locator: inout RecordLocator,
                        context: inout CommandContext) throws -> Draft? {
        var assignments = Assignments(type: type, input: try context.valueInput(), locator: locator)
        let values = try assignments.parse(texts)
        var document = try draft(type: type, values: values, assignments: &assignments)
        if invocation.flag("edit") {
            var session = EditSession(context: context, locator: locator)
            guard let edited = try session.edit(document.bytes, path: "\(type.folder)/new-\(type.name).yaml", type: type,
                                                before: nil, context: &context) else { return nil }
            document = edited
        } else {
            let missing = type.fields.filter { $0.required && (document[$0.key]?.isEmpty ?? true) }.map(\.key)
            if !missing.isEmpty {
                throw CommandError("\(English.a(type.name)) needs \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                                   hint: "give " + missing.map { "\($0)=..." }.joined(separator: " ") + ", or use --edit")
            }
            try RecordEdit.applyLifecycle(type, before: nil, to: &document, context: context)
        }
        let ids = locator.ids()
        let id: String
        if let chosen = invocation.value("id") {
            if let problem = RecordID.problem(with: chosen) {
                throw CommandError("invalid id '\(chosen)': \(problem)", hint: RecordID.suggestion(for: chosen).map { "for example \($0)" })
            }
            guard !ids.contains(chosen) else { throw CommandError("a record with id '\(chosen)' exists already") }
            id = chosen
        } else {
            var generator = RecordIDGenerator(random: SystemRandomNumberGenerator())
            guard let made = generator.id(for: type, fields: document.values, existing: ids) else {
                throw CommandError("cannot make an id for the new \(type.name): its '\(type.title)' is empty",
                                   hint: "give \(type.title)=..., or choose one with --id")
            }
            id = made
        }
        let path = RecordIDGenerator<SystemRandomNumberGenerator>.folder(for: type, fields: document.values) + "/\(id).yaml"
        return Draft(id: id, path: path, document: document)
    }

    /// Writes a new record's file, refusing to replace one.
    static func write(_ draft: Draft, with mutation: inout WorkspaceMutation) throws(CommandError) {
        try ensureInside(draft.path, mutation.workspace)
        guard FileIO.kind(of: mutation.workspace.absolute(draft.path)) == nil else { throw CommandError("\(draft.path) exists already") }
        try mutation.write(draft.document.bytes, to: draft.path)
    }

    /// Refuses a new record file whose path could lead outside the workspace (a type folder that is a symbolic link).
    static func ensureInside(_ path: String, _ workspace: Workspace) throws(CommandError) {
        if let problem = WorkspacePath.problem(with: path, in: workspace.root) {
            throw CommandError("cannot write \(path): \(problem)",
                               hint: "replace the link with a real folder; crm writes records only inside the workspace")
        }
    }

    /// The new record's text: defaults, then the given values, in the schema's field order.
    static func draft(type: RecordType, values: [Assignments.Assignment], assignments: inout Assignments) throws(CommandError) -> RecordDocument {
        var fields: [Field] = []
        for definition in type.fields {
            let given = values.filter { $0.key == definition.key }
            if case .map = definition.kind, !given.isEmpty {
                fields.append(Field(key: definition.key, value: .map(given.map { MapEntry(key: $0.entry ?? "", value: $0.value) })))
            } else if let last = given.last {
                if !last.value.isEmpty { fields.append(Field(key: definition.key, value: last.value)) }
            } else if let fallback = definition.defaultValue {
                let value: Value
                switch fallback {
                case .string(let text): value = try assignments.value(text, for: definition, entry: nil)
                default: value = fallback
                }
                fields.append(Field(key: definition.key, value: value))
            }
        }
        do {
            return try RecordDocument(fields: fields)
        } catch {
            throw CommandError(error.description)
        }
    }
}

import CRMChange
import CRMLocale
import CRMMerge
import CRMSyntax
import CRMWorkspace
import CRMTerminal

/// `crm new TYPE [FIELD=VALUE…]`: creates a record.
enum NewCommand {
    static let id = Option<String>(["--id"], value: "id", help: "Use this id instead of making one.")
    static let edit = Flag(["--edit"], help: "Open the new record in $VISUAL or $EDITOR before it is saved.")

    static let spec = CommandSpec(
        name: "new",
        abstract: "Create a record",
        discussion: """
            The record gets the schema's defaults and the given values, checked against the schema
            before anything is written. Its id comes from its title (`Škoda Transport a.s.` →
            skoda-transport, a clash gets -2), or for calls and complaints from its date and customer
            with a random part (2026-11-20-skoda-transport-k2f7). Prints the new id.

            Dates take today, tomorrow, yesterday, +7d, -2w, +1m or 20.11.2026; list fields take
            comma-separated items (quote an item that holds a comma: tags='"a, b", c'); map entries
            are set as address.city=Brno.

            Examples:
              crm new customer 'name=Škoda Transport a.s.' status=prospect address.city=Plzeň
              crm new call customer=skoda-transport channel=phone 'subject=Price list' follow-up=+7d
            """,
        arguments: [
            ArgumentSpec("type", help: "The type of the new record.", completion: .types),
            ArgumentSpec("field=value", help: "Values for its fields.", optional: true, repeating: true, completion: .assignments),
        ],
        options: [id.spec, edit.spec] + ChangeFlags.recordSpecs,
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
        guard let draft = try prepare(type: type, assignments: Array(invocation.arguments.dropFirst()), id: try invocation[id],
                                      editing: invocation[edit], locator: &locator, context: &context) else { return ExitStatus.failed }
        var change = try ChangeFlags.open(workspace, invocation, context)
        try write(draft, to: &change)
        try ChangeFlags.apply(&change, message: "crm: new \(type.name) \(draft.id)", context: &context)
        context.console.line(draft.id)
        warnOfLikelyDuplicates(draft, type: type, workspace: workspace, context: &context)
        return ExitStatus.success
    }

    /// A new customer or person that `crm duplicates` would pair with an existing record (by
    /// name, e-mail, phone, IČO, at its default score) is named on standard error, with which.
    private static func warnOfLikelyDuplicates(_ draft: Draft, type: RecordType, workspace: Workspace, context: inout CommandContext) {
        guard type.idStyle == .title else { return }
        let index = WorkspaceIndex(workspace: workspace, types: [type])
        let new = DuplicateFinder.Candidate(record: Record(id: draft.id, type: type.name, path: draft.path, fields: draft.document.values),
                                            type: type)
        let others = index.records(ofType: type.name).map { DuplicateFinder.Candidate(record: $0, type: type) }
        for pair in DuplicateFinder().matches(for: new, among: others).prefix(3) {
            let title = index.record(pair.first).map { index.title(of: $0) } ?? pair.first
            context.console.error("warning: \(draft.id) is very close to \(pair.first) (\(TerminalText.escaped(title))): "
                                  + pair.evidence.joined(separator: "; ") + "\n"
                                  + "hint: if they are one \(type.name), `crm merge \(pair.first) \(draft.id)` keeps the first\n")
        }
    }

    /// The new record from `FIELD=VALUE` texts (and `extra` assignments made without text), the
    /// schema's defaults and the lifecycle, edited first when `editing` (`nil` when the person
    /// discards it), with the id `given` or one made from its fields.
    static func prepare(type: RecordType, assignments texts: [String], extra: [(field: String, value: String)] = [],
                        id given: String? = nil, editing: Bool, locator: inout RecordLocator,
                        context: inout CommandContext) throws -> Draft? {
        var assignments = Assignments(type: type, input: try context.valueInput(), locator: locator)
        var values = try assignments.parse(texts)
        for (field, value) in extra { values.append(try assignments.assign(field, value)) }
        var document = try draft(type: type, values: values, assignments: &assignments)
        if editing {
            var session = try EditSession(context: context, locator: locator)
            guard let edited = try session.edit(document.bytes, path: "\(type.folder)/new-\(type.name).yaml", type: type,
                                                before: nil, context: &context) else { return nil }
            document = edited
        } else {
            let missing = type.fields.filter { $0.required && (document[$0.key]?.isEmpty ?? true) }.map(\.key)
            if !missing.isEmpty {
                throw CommandError(tr("err-new-needs", ["type": Translation.current.typeName(type.name),
                                                          "fields": missing.map { "'\($0)'" }.joined(separator: ", ")]),
                                   hint: tr("hint-new-needs", ["assignments": missing.map { "\($0)=..." }.joined(separator: " ")]))
            }
            try RecordEdit.applyLifecycle(type, before: nil, to: &document, context: context)
        }
        let ids = locator.ids()
        let chosen: String
        if let given {
            if let problem = RecordID.problem(with: given) {
                throw CommandError(tr("err-invalid-id", ["id": given, "problem": problem]),
                                   hint: RecordID.suggestion(for: given).map { tr("hint-for-example", ["example": $0]) })
            }
            guard !ids.contains(given) else { throw CommandError(tr("err-id-exists", ["id": given])) }
            chosen = given
        } else {
            var generator = RecordIDGenerator(random: SystemRandomNumberGenerator())
            guard let made = generator.id(for: type, fields: document.values, existing: ids) else {
                throw CommandError(tr("err-new-no-title", ["type": type.name, "title": type.title]),
                                   hint: tr("hint-new-no-title", ["title": type.title]))
            }
            chosen = made
        }
        let path = RecordIDGenerator<SystemRandomNumberGenerator>.folder(for: type, fields: document.values) + "/\(chosen).yaml"
        return Draft(id: chosen, path: path, document: document)
    }

    /// Plans a new record's file, refusing to replace one.
    static func write(_ draft: Draft, to change: inout WorkspaceChange) throws(CommandError) {
        guard FileIO.kind(of: change.workspace.absolute(draft.path)) == nil else { throw CommandError("\(draft.path) exists already") }
        change.write(draft.document.bytes, to: draft.path)
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

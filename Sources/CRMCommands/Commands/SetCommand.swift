import CRMChange
import CRMLocale
import CRMSyntax
import CRMWorkspace
import CRMTerminal

/// `crm set ID FIELD=VALUE…`: changes fields, and only their lines.
enum SetCommand {
    static let optOut = Option<String>(["--opt-out"], value: "offer", help: "Add this offer (or all) to a customer's opt-outs.", repeatable: true)
    static let type = Option<String>(["--type"], value: "type", help: "With --where: change records of this type.", completion: .types)
    static let condition = Option<String>(["--where"], value: "expr", help: "Change every record of --type that meets this condition.")
    static let dryRun = Flag(["--dry-run"], help: "With --where: list the records that would change, and change nothing.")

    static let spec = CommandSpec(
        name: "set",
        abstract: "Set fields of a record",
        discussion: """
            Changes only the lines of the given fields; comments and every other line stay. Values are
            checked against the field's kind: dates are normalised to ISO 8601 (today, tomorrow, +7d,
            20.11.2026 are understood), enum values must be in the schema, references must exist. List
            fields take comma-separated items (quote an item that holds a comma); map entries are set as
            address.city=Brno.

            A complaint's status follows its workflow (see `crm types complaint`): resolving or
            rejecting one needs a resolution and stamps closed; reopening clears closed.
            --opt-out records that a customer does not want an offer (or `all` contact), so that
            `crm campaign select` leaves them out.

            With --type TYPE --where EXPR (and no ID), sets the fields of every record of TYPE that
            meets EXPR, in one commit, and says how many changed; --dry-run lists them instead.

            Examples:
              crm set skoda-transport status=active owner=jana address.city=Plzeň
              crm set 2026-11-16-skoda-transport-9han status=resolved 'resolution=Replaced the seal'
              crm set skoda-transport --opt-out newsletter
              crm set --type customer --where 'status = lead and created < -1y' status=inactive
            """,
        arguments: [
            ArgumentSpec("id", help: "The record.", completion: .ids),
            ArgumentSpec("field=value", help: "The fields to set.", optional: true, repeating: true, completion: .assignments),
        ],
        options: [optOut.spec, type.spec, condition.spec, dryRun.spec] + ChangeFlags.recordSpecs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        if let expression = try invocation[condition] { return try runOnMatches(expression, invocation, &context) }
        if invocation.isGiven(type.spec) || invocation[dryRun] {
            throw UsageError("--type and --dry-run go with --where", command: spec)
        }
        let assignmentTexts = Array(invocation.arguments.dropFirst())
        let optOuts = try invocation.all(optOut)
        guard !assignmentTexts.isEmpty || !optOuts.isEmpty else {
            throw UsageError("nothing to set: give FIELD=VALUE or --opt-out OFFER", command: spec)
        }
        return try set(invocation.arguments[0], assignmentTexts, optOuts: optOuts, options: ChangeFlags.options(invocation, context),
                       context: &context)
    }

    /// Sets the fields `texts` (`FIELD=VALUE`) of the record `id` and adds `optOuts`, committed with `options`.
    static func set(_ id: String, _ texts: [String], optOuts: [String] = [], options: ChangeOptions,
                    context: inout CommandContext) throws -> Int32 {
        let message = { (id: String) in (["crm: set", id] + texts + optOuts.map { "--opt-out \($0)" }).joined(separator: " ") }
        return try RecordEdit.run(id, options: options, context: &context, message: message) { document, type, assignments in
            try edit(&document, type: type, assignments: &assignments, texts: texts, optOuts: optOuts)
        }
    }

    /// `crm set --type TYPE --where EXPR FIELD=VALUE…`: every matching record, in one change.
    private static func runOnMatches(_ expression: String, _ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        guard let typeName = try invocation[type] else { throw UsageError("--where needs --type TYPE", command: spec) }
        let texts = invocation.arguments
        let optOuts = try invocation.all(optOut)
        if let wrong = texts.first(where: { !$0.contains("=") }) {
            throw UsageError("'\(wrong)' is not FIELD=VALUE; with --where, crm set takes no id", command: spec)
        }
        let workspace = try context.workspace()
        let recordType = try RecordPresentation.type(named: typeName, in: workspace.schema)
        let query = try RecordPresentation.query(expression, type: recordType, workspace: workspace, today: try context.today(), context: context)
        let index = WorkspaceIndex(workspace: workspace, types: workspace.schema.types.filter {
            $0.name == recordType.name || query.relatedTypes.contains($0.name)
        })
        let matches = query.select(in: index)
        guard !matches.isEmpty else {
            context.console.error("no \(recordType.name) records match\n")
            return ExitStatus.nothingFound
        }
        var locator = RecordLocator(workspace: workspace)
        var assignments = Assignments(type: recordType, input: try context.valueInput(), locator: locator)
        var change = try ChangeFlags.open(workspace, invocation, context)
        var lines: [String] = []
        var changed = 0
        for record in matches {
            let (file, original) = try locator.document(record.id)
            var document = original
            try edit(&document, type: recordType, assignments: &assignments, texts: texts, optOuts: optOuts)
            try RecordEdit.applyLifecycle(recordType, before: original.values, to: &document, context: context)
            let changes = RecordChanges.between(original.values, document.values)
            guard !changes.isEmpty else { continue }
            changed += 1
            lines += changes.map { "\(file.id): \(TerminalText.escaped($0.description))" }
            if !invocation[dryRun] { change.write(document.bytes, to: file.path) }
        }
        let what = "\(changed) of \(matches.count) \(recordType.name) \(matches.count == 1 ? "record" : "records")"
        if invocation[dryRun] {
            for line in lines { context.console.line(line) }
            context.console.error("would change \(what); changed nothing (--dry-run)\n")
            return ExitStatus.success
        }
        if changed > 0 {
            let message = (["crm: set --type", recordType.name, "--where", "'\(expression)'"] + texts + optOuts.map { "--opt-out \($0)" })
                .joined(separator: " ")
            try ChangeFlags.apply(&change, message: message, context: &context)
        }
        for line in lines { context.console.line(line) }
        context.console.error("changed \(what)\n")
        return ExitStatus.success
    }

    /// Sets the fields `texts` (`FIELD=VALUE`) and adds `optOuts` in `document`.
    private static func edit(_ document: inout RecordDocument, type: RecordType, assignments: inout Assignments, texts: [String],
                             optOuts: [String]) throws {
        for offer in optOuts { try addOptOut(offer, to: &document, type: type) }
        for assignment in try assignments.parse(texts) {
            let position = type.position(forNewField: assignment.key, in: document)
            if let entry = assignment.entry {
                if assignment.value.isEmpty {
                    try RecordEdit.apply { () throws(RecordEditError) in _ = try document.remove(assignment.key, entry: entry) }
                } else {
                    try RecordEdit.apply { () throws(RecordEditError) in
                        try document.set(assignment.key, entry: entry, to: assignment.value, at: position)
                    }
                }
            } else if assignment.value.isEmpty, type.field(assignment.key)?.required == true {
                throw CommandError(tr("err-required-empty", ["field": assignment.key, "type": Translation.current.typeName(type.name)]))
            } else {
                try RecordEdit.apply { () throws(RecordEditError) in try document.set(assignment.key, to: assignment.value, at: position) }
            }
        }
    }

    /// Adds `offer` to the record's `opt-outs` unless it is there already (without regard to case).
    static func addOptOut(_ offer: String, to document: inout RecordDocument, type: RecordType) throws(CommandError) {
        guard type.field("opt-outs")?.kind.isList == true else {
            throw CommandError(tr("err-no-opt-outs", ["type": Translation.current.typeName(type.name)]), hint: tr("hint-opt-outs"))
        }
        let offer = offer.trimmingWhitespace()
        guard !offer.isEmpty else { throw CommandError(tr("err-opt-out-name")) }
        let current = (document["opt-outs"]?.strings ?? []).filter { !$0.isEmpty }
        guard !current.contains(where: { TextFold.fold($0) == TextFold.fold(offer) }) else { return }
        let position = type.position(forNewField: "opt-outs", in: document)
        try RecordEdit.apply { () throws(RecordEditError) in try document.set("opt-outs", to: .list(current + [offer]), at: position) }
    }
}

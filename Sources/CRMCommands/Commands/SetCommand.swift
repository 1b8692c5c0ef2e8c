import CRMSyntax
import CRMWorkspace

/// `crm set ID FIELD=VALUE…`: changes fields, and only their lines.
enum SetCommand {
    static let optOut = Option<String>(["--opt-out"], value: "offer", help: "Add this offer (or all) to a customer's opt-outs.", repeatable: true)

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

            Examples:
              crm set skoda-transport status=active owner=jana address.city=Plzeň
              crm set 2026-11-16-skoda-transport-9han status=resolved 'resolution=Replaced the seal'
              crm set skoda-transport --opt-out newsletter
            """,
        arguments: [
            ArgumentSpec("id", help: "The record.", completion: .ids),
            ArgumentSpec("field=value", help: "The fields to set.", optional: true, repeating: true, completion: .fields),
        ],
        options: [optOut.spec] + ChangeFlags.recordSpecs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let assignmentTexts = Array(invocation.arguments.dropFirst())
        let optOuts = try invocation.all(optOut)
        guard !assignmentTexts.isEmpty || !optOuts.isEmpty else {
            throw UsageError("nothing to set: give FIELD=VALUE or --opt-out OFFER", command: spec)
        }
        let message = { (id: String) in (["crm: set", id] + assignmentTexts + optOuts.map { "--opt-out \($0)" }).joined(separator: " ") }
        return try RecordEdit.run(invocation, context: &context, message: message) { document, type, assignments in
            for offer in optOuts { try addOptOut(offer, to: &document, type: type) }
            for assignment in try assignments.parse(assignmentTexts) {
                if let entry = assignment.entry {
                    if assignment.value.isEmpty {
                        try RecordEdit.apply { () throws(RecordEditError) in _ = try document.remove(assignment.key, entry: entry) }
                    } else {
                        let position = type.position(forNewField: assignment.key, in: document)
                        try RecordEdit.apply { () throws(RecordEditError) in
                            try document.set(assignment.key, entry: entry, to: assignment.value, at: position)
                        }
                    }
                } else if assignment.value.isEmpty, type.field(assignment.key)?.required == true {
                    throw CommandError("'\(assignment.key)' is required for \(English.a(type.name)) and cannot be empty")
                } else {
                    let position = type.position(forNewField: assignment.key, in: document)
                    try RecordEdit.apply { () throws(RecordEditError) in
                        try document.set(assignment.key, to: assignment.value, at: position)
                    }
                }
            }
        }
    }

    /// Adds `offer` to the record's `opt-outs` unless it is there already (without regard to case).
    static func addOptOut(_ offer: String, to document: inout RecordDocument, type: RecordType) throws(CommandError) {
        guard type.field("opt-outs")?.kind.isList == true else {
            throw CommandError("\(English.a(type.name)) has no opt-outs list", hint: "opt-outs belong to customers")
        }
        let offer = offer.trimmingWhitespace()
        guard !offer.isEmpty else { throw CommandError("--opt-out needs the name of an offer, or all") }
        let current = (document["opt-outs"]?.strings ?? []).filter { !$0.isEmpty }
        guard !current.contains(where: { TextFold.fold($0) == TextFold.fold(offer) }) else { return }
        let position = type.position(forNewField: "opt-outs", in: document)
        try RecordEdit.apply { () throws(RecordEditError) in try document.set("opt-outs", to: .list(current + [offer]), at: position) }
    }
}

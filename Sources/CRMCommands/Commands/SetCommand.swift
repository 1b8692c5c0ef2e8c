import CRMSyntax
import CRMWorkspace

/// `crm set ID FIELD=VALUE…`: changes fields, and only their lines.
enum SetCommand {
    static let spec = CommandSpec(
        name: "set",
        abstract: "Set fields of a record",
        discussion: """
            Changes only the lines of the given fields; comments and every other line stay. Values are
            checked against the field's kind: dates are normalised to ISO 8601 (today, tomorrow, +7d,
            20.11.2026 are understood), enum values must be in the schema, references must exist. List
            fields take comma-separated items; map entries are set as address.city=Brno.

            Example:
              crm set skoda-transport status=active owner=jana address.city=Plzeň
            """,
        arguments: [
            ArgumentSpec("id", help: "The record.", completion: .ids),
            ArgumentSpec("field=value", help: "The fields to set.", repeating: true, completion: .fields),
        ],
        options: [WorkspaceMutation.noCommitOption],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let id = invocation.arguments[0]
        let assignmentTexts = Array(invocation.arguments.dropFirst())
        return try RecordEdit.run(invocation, context: &context,
                                  message: "crm: set \(id) " + assignmentTexts.joined(separator: " ")) { document, type, assignments in
            for assignment in try assignments.parse(assignmentTexts) {
                if let entry = assignment.entry {
                    if assignment.value.isEmpty {
                        try RecordEdit.apply { () throws(RecordEditError) in _ = try document.remove(assignment.key, entry: entry) }
                    } else {
                        let position = position(of: assignment.key, in: type, document)
                        try RecordEdit.apply { () throws(RecordEditError) in
                            try document.set(assignment.key, entry: entry, to: assignment.value, at: position)
                        }
                    }
                } else if assignment.value.isEmpty, type.field(assignment.key)?.required == true {
                    throw CommandError("'\(assignment.key)' is required for a \(type.name) and cannot be empty")
                } else {
                    let position = position(of: assignment.key, in: type, document)
                    try RecordEdit.apply { () throws(RecordEditError) in
                        try document.set(assignment.key, to: assignment.value, at: position)
                    }
                }
            }
        }
    }

    /// Where a new field goes: after the nearest field before it in the schema, so records keep
    /// the schema's order.
    static func position(of key: String, in type: RecordType, _ document: RecordDocument) -> FieldPosition {
        guard let index = type.fields.firstIndex(where: { $0.key == key }) else { return .end }
        for previous in type.fields[..<index].reversed() where document[previous.key] != nil {
            return .after(previous.key)
        }
        for next in type.fields[(index + 1)...] where document[next.key] != nil {
            return .before(next.key)
        }
        return .end
    }
}

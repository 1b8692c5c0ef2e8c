import CRMLocale
import CRMSyntax
import CRMWorkspace

/// `crm unset ID FIELD…`: removes fields (or map entries), and only their lines.
enum UnsetCommand {
    static let spec = CommandSpec(
        name: "unset",
        abstract: "Remove fields from a record",
        discussion: "Removes the fields' lines; comments stay. Required fields cannot be removed. Map entries are named as address.zip.",
        arguments: [
            ArgumentSpec("id", help: "The record.", completion: .ids),
            ArgumentSpec("field", help: "The fields to remove.", repeating: true, completion: .fields),
        ],
        options: ChangeFlags.recordSpecs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let names = Array(invocation.arguments.dropFirst())
        return try RecordEdit.run(invocation, context: &context,
                                  message: { "crm: unset \($0) " + names.joined(separator: " ") }) { document, type, assignments in
            for name in names {
                let (definition, entry) = try assignments.field(name)
                if let entry {
                    try RecordEdit.apply { () throws(RecordEditError) in _ = try document.remove(definition.key, entry: entry) }
                } else if definition.required {
                    throw CommandError(tr("err-required-removed", ["field": definition.key, "type": Translation.current.typeName(type.name)]))
                } else {
                    try RecordEdit.apply { () throws(RecordEditError) in _ = try document.remove(definition.key) }
                }
            }
        }
    }
}

import CRMLocale
import CRMSyntax
import CRMWorkspace

/// `crm add ID FIELD VALUE` and `crm remove ID FIELD VALUE`: list items.
enum ItemCommand {
    static let add = spec(name: "add", abstract: "Add an item to a list field",
                          example: "crm add skoda-transport tags 'key account'")
    static let remove = spec(name: "remove", abstract: "Remove an item from a list field",
                             example: "crm remove skoda-transport opt-outs newsletter")

    private static func spec(name: String, abstract: String, example: String) -> CommandSpec {
        CommandSpec(
            name: name,
            abstract: abstract,
            discussion: "Adds or removes the item's line only; the list keeps its form ([a, b] or - item lines).\n\nExample:\n  \(example)",
            arguments: [
                ArgumentSpec("id", help: "The record.", completion: .ids),
                ArgumentSpec("field", help: "The list field.", completion: .fields),
                ArgumentSpec("value", help: "The item."),
            ],
            options: ChangeFlags.recordSpecs,
            run: { invocation, context in try run(invocation, &context, adding: name == "add") })
    }

    static func run(_ invocation: Invocation, _ context: inout CommandContext, adding: Bool) throws -> Int32 {
        let (id, name, text) = (invocation.arguments[0], invocation.arguments[1], invocation.arguments[2])
        let verb = adding ? "add" : "remove"
        return try RecordEdit.run(invocation, context: &context, message: { "crm: \(verb) \($0) \(name) \(text)" }) { document, type, assignments in
            let (definition, _) = try assignments.field(name)
            guard definition.kind.isList else {
                throw CommandError("'\(definition.key)' is \(definition.kind.name), not a list", hint: "use crm set \(id) \(definition.key)=...")
            }
            if adding {
                let item = try assignments.scalar(text, for: definition)
                if document[definition.key]?.list?.contains(item) == true { return }
                if let existing = document[definition.key], !existing.isEmpty {
                    try RecordEdit.apply { () throws(RecordEditError) in try document.append(item, to: definition.key) }
                } else {
                    let position = type.position(forNewField: definition.key, in: document)
                    try RecordEdit.apply { () throws(RecordEditError) in
                        try document.set(definition.key, to: .list([item]), at: position)
                    }
                }
            } else {
                var removed = false
                try RecordEdit.apply { () throws(RecordEditError) in removed = try document.removeItem(text, from: definition.key) }
                if !removed {
                    throw CommandError(tr("err-item-missing", ["field": definition.key, "id": id, "text": text]),
                                       hint: tr("hint-it-holds", ["items": document[definition.key]?.strings.joined(separator: ", ") ?? tr("none")]))
                }
            }
        }
    }
}

import CRMInterchange
import CRMWorkspace

/// Completion in a record: field names of its type (those not written yet first, required
/// ones before them), enum values in order, ids of records a reference may name (a call's
/// contact offers its customer's contacts first), dates (from today, or the ISO date for what
/// was typed: `+7d`, `tomorrow`), entries of a map, and a new file's skeleton with its
/// required fields.
struct RecordCompletion {
    let type: RecordType
    let index: WorkspaceIndex
    let today: CivilDate
    let now: CivilDateTime

    /// CompletionItemKind values of the protocol.
    enum Kind: Int {
        case field = 5, value = 12, snippet = 15, reference = 18, enumMember = 20
    }

    func items(in context: RecordContext, at position: EditorText.Position) -> [JSON] {
        switch context.place(at: position) {
        case .key(let prefix):
            return fieldItems(context, prefix: prefix) + (context.fields.isEmpty ? [skeleton()] : [])
        case .value(let key, let prefix), .listItem(let key, let prefix):
            guard let field = type.field(key) else { return [] }
            return valueItems(field.kind.isList ? field.kind.itemKind : field.kind, field: field, context: context, prefix: prefix,
                              at: position)
        case .mapKey(let key, _):
            guard case .map(let keys)? = type.field(key)?.kind else { return [] }
            return keys.enumerated().map { item($0.element, kind: .field, detail: "entry of \(key)", insert: $0.element + ": ", order: $0.offset) }
        case .elsewhere:
            return []
        }
    }

    private func fieldItems(_ context: RecordContext, prefix: String) -> [JSON] {
        let used = Set(context.fields.map(\.key))
        return type.fields.enumerated().map { offset, field in
            let rank = used.contains(field.key) ? 2 : field.required ? 0 : 1
            return item(field.key, kind: .field, detail: field.kind.description + (field.required ? ", required" : ""),
                        documentation: field.description, insert: field.key + ": ", order: rank * 1000 + offset)
        }
    }

    /// What a person typed for a date (`+7d`, `tomorrow`, `20.11.2026`, `dnes`) as the ISO
    /// date it stands for, written over the typed text; `nil` when it is ISO already or no date.
    private func typedDate(_ prefix: String, kind: FieldKind, at position: EditorText.Position) -> JSON? {
        let input = ValueInput(today: today, now: now)
        guard !prefix.isEmpty, case .success(let value) = input.normalize(prefix, kind: kind), value != prefix else { return nil }
        let start = EditorText.Position(line: position.line, character: max(0, position.character - prefix.utf16.count))
        let edit = JSON.object([("range", RPC.range(start, position)), ("newText", .string(value))])
        return item(value, kind: .value, detail: prefix, filter: prefix, order: 0, textEdit: edit)
    }

    private func valueItems(_ kind: FieldKind, field: FieldDefinition, context: RecordContext, prefix: String,
                            at position: EditorText.Position) -> [JSON] {
        switch kind {
        case .enumeration(let values):
            return values.enumerated().map { item($0.element, kind: .enumMember, detail: field.key, order: $0.offset) }
        case .bool:
            return ["true", "false"].enumerated().map { item($0.element, kind: .value, detail: field.key, order: $0.offset) }
        case .date:
            if let typed = typedDate(prefix, kind: kind, at: position) { return [typed] }
            return [(0, "today"), (1, "tomorrow"), (7, "in a week"), (14, "in two weeks"), (30, "in 30 days")].enumerated().map { offset, day in
                let date = today.adding(days: day.0).description
                return item(date, kind: .value, detail: day.1, order: offset)
            }
        case .datetime:
            if let typed = typedDate(prefix, kind: kind, at: position) { return [typed] }
            return [item(String(now.description.prefix(16)), kind: .value, detail: "now", order: 0)]
        case .reference(let target):
            let customer = context.value(of: "customer")
            let sameCustomer = type.name != "customer" && target != "customer"
            return index.records(ofType: target).map { record in
                let near = sameCustomer && customer != nil && record["customer"]?.string == customer
                return item(record.id, kind: .reference, detail: index.title(of: record), filter: record.id + " " + index.title(of: record),
                            order: near ? 0 : 1, sortName: record.id)
            }
        default:
            return []
        }
    }

    /// A new record: its required fields, each with its default.
    private func skeleton() -> JSON {
        let lines = type.fields.filter(\.required).map { field in
            field.key + ": " + (field.defaultValue?.string.flatMap { $0 == "today" ? today.description : $0 == "now" ? String(now.description.prefix(16)) : $0 } ?? "")
        }
        return item("new \(type.name)", kind: .snippet, detail: "the required fields of \(English.a(type.name))",
                    insert: lines.joined(separator: "\n") + "\n", order: 9999)
    }

    private func item(_ label: String, kind: Kind, detail: String, documentation: String? = nil, insert: String? = nil,
                      filter: String? = nil, order: Int, sortName: String? = nil, textEdit: JSON? = nil) -> JSON {
        var members: [(key: String, value: JSON)] = [("label", .string(label)), ("kind", .integer(kind.rawValue)), ("detail", .string(detail))]
        if let documentation { members.append(("documentation", .string(documentation))) }
        if let insert { members.append(("insertText", .string(insert))) }
        if let filter { members.append(("filterText", .string(filter))) }
        if let textEdit { members.append(("textEdit", textEdit)) }
        let rank = String(order)
        members.append(("sortText", .string(String(repeating: "0", count: max(0, 5 - rank.count)) + rank + (sortName ?? ""))))
        return .object(members)
    }
}

extension LanguageServer {
    mutating func completion(_ params: JSON) throws(Failure) -> JSON {
        let document = try document(params)
        guard let position = params["position"]?.position else { throw Failure(code: RPC.invalidParams, message: "the request has no position") }
        guard let index = index(), let type = workspace?.schema.type(forPath: document.path) else { return .array([]) }
        let completion = RecordCompletion(type: type, index: index, today: today, now: now)
        return .object([("isIncomplete", .bool(false)), ("items", .array(completion.items(in: RecordContext(document.text), at: position)))])
    }
}

import CRMInterchange
import CRMWorkspace

/// What hovering shows: on a field's name its kind, values and description from the schema;
/// on a reference the record it names, with its key fields and, for a customer, how many of
/// its records are still open (complaints and others whose workflow has not closed them).
struct RecordHover {
    let type: RecordType
    let index: WorkspaceIndex

    func markdown(in context: RecordContext, at position: EditorText.Position) -> String? {
        guard let word = context.word(at: position), let owner = context.owner(ofLine: position.line),
              let field = type.field(owner.key) else { return nil }
        let line = context.lines[position.line]
        let onKey = owner.line == position.line && EditorText.character(ofColumn: owner.key.unicodeScalars.count + 1, in: line) >= word.end.character
        if onKey { return describe(field) }
        guard let target = field.kind.referencedType, let record = index.record(word.text), record.type == target else { return nil }
        return describe(record)
    }

    func describe(_ field: FieldDefinition) -> String {
        var lines = ["**\(field.key)** · \(field.kind.description)" + (field.required ? " · required" : "")]
        if let description = field.description { lines.append(description) }
        if let values = field.kind.enumValues { lines.append("values: " + values.joined(separator: ", ")) }
        if let value = field.defaultValue?.string { lines.append("default: " + value) }
        if let pattern = field.pattern { lines.append("pattern: `\(pattern)`") }
        return lines.joined(separator: "\n\n")
    }

    func describe(_ record: Record) -> String {
        var lines = ["**\(index.title(of: record))** · \(record.type) `\(record.id)`"]
        if let type = index.schema.type(named: record.type) {
            for key in type.columns where key != type.title {
                guard let value = record[key], !value.isEmpty else { continue }
                lines.append("- \(key): " + (value.string ?? value.strings.joined(separator: ", ")))
            }
        }
        if let position = index.position(of: record.id) {
            var open: [String: Int] = [:]
            var lifecycles: [String: Lifecycle?] = [:]
            for other in index.referrerPositions(of: position) {
                let referrer = index.records[other]
                guard let type = index.schema.type(named: referrer.type) else { continue }
                if lifecycles.index(forKey: type.name) == nil { lifecycles.updateValue(Lifecycle(type: type), forKey: type.name) }
                guard let lifecycle = lifecycles[type.name] ?? nil,
                      let state = lifecycle.stateField, let value = referrer[state]?.string,
                      !(lifecycle.workflow?.closing.contains(value) ?? true) else { continue }
                open[type.folder, default: 0] += 1
            }
            for (folder, count) in open.sorted(by: { $0.key < $1.key }) { lines.append("- open \(folder): \(count)") }
        }
        return lines.joined(separator: "\n")
    }
}

extension LanguageServer {
    mutating func hover(_ params: JSON) throws(Failure) -> JSON {
        let document = try document(params)
        guard let position = params["position"]?.position else { throw Failure(code: RPC.invalidParams, message: "the request has no position") }
        guard let index = index(), let type = workspace?.schema.type(forPath: document.path),
              let text = RecordHover(type: type, index: index).markdown(in: RecordContext(document.text), at: position) else { return .null }
        return .object([("contents", .object([("kind", .string("markdown")), ("value", .string(text))]))])
    }
}

import CRMQuery
import CRMSyntax
import CRMWorkspace

/// How records are written for scripts (JSON) and shown to people (display text).
enum RecordPresentation {
    /// `{"id": ..., "type": ..., "path": ..., "fields": {...}}`, field values exactly as read, keys in file order.
    static func json(_ record: Record, extra: [(String, JSON)] = []) -> JSON {
        .object([
            ("id", .string(record.id)),
            ("type", .string(record.type)),
            ("path", .string(record.path)),
            ("fields", .object(record.fields.map { ($0.key, JSON($0.value)) })),
        ] + extra)
    }

    /// A value on one line: list items and map entries joined with `, `.
    static func inline(_ value: Value) -> String {
        switch value {
        case .string(let text): return text
        case .list(let items): return items.joined(separator: ", ")
        case .map(let entries): return entries.map { "\($0.key): \(inline($0.value))" }.joined(separator: ", ")
        }
    }

    /// Values at a path for a table cell: references shown by their record's title.
    static func cell(_ path: FieldPath, of record: Record, index: WorkspaceIndex) -> String {
        let values = path.values(of: record, in: index)
        if path.kind == .money {
            return values.map { Number($0).map { Money.format($0.value) } ?? $0 }.joined(separator: ", ")
        }
        guard path.kind.referencedType != nil else { return values.joined(separator: ", ") }
        return values.map { id in index.record(id).map { index.title(of: $0) } ?? id }.joined(separator: ", ")
    }

    /// The type named `name` (or its folder), or an error that lists the types and suggests one.
    static func type(named name: String, in schema: Schema) throws(CommandError) -> RecordType {
        if let type = schema.type(named: name) ?? schema.types.first(where: { $0.folder == name }) { return type }
        var hint = "known types: \(schema.typeNames.joined(separator: ", "))"
        if let close = Suggestions.closest(to: name, in: schema.typeNames) { hint = "did you mean '\(close)'? " + hint }
        throw CommandError("unknown type '\(name)'", hint: hint)
    }

    /// A field path, or an error pointing at the part that is wrong.
    static func path(_ text: String, in type: RecordType, schema: Schema, option: String) throws(CommandError) -> FieldPath {
        do {
            return try FieldPath(text, in: type, schema: schema)
        } catch {
            throw CommandError("\(option) \(text): \(error.message)", hint: error.hint)
        }
    }

    /// The types whose records must be loaded to read `paths` of records of `type`: the type,
    /// the types the paths pass through, and with `titles` the types their references point to.
    static func typesNeeded(for paths: [FieldPath], type: RecordType, schema: Schema, titles: Bool) -> [RecordType] {
        var names: Set<String> = [type.name]
        for path in paths {
            names.formUnion(path.intermediateTypes)
            if titles, let target = path.kind.referencedType { names.insert(target) }
        }
        return schema.types.filter { names.contains($0.name) }
    }
}

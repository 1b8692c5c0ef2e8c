import CRMSyntax

/// Fields a type declares `unique: true` (a customer's IČO and DIČ, a contact's e-mail): no two
/// records of the type may hold the same value, compared without case, diacritics and spaces
/// (e-mail addresses without case, phone numbers by their digits).
public enum UniqueValues {
    /// The form two values are compared in; empty for no value.
    public static func key(_ text: String, kind: FieldKind) -> String {
        switch kind.itemKind {
        case .email: return text.trimmingWhitespace().lowercased()
        case .phone: return PhoneNumber.normalized(text) ?? text.filter { !$0.isWhitespace }
        default: return TextFold.fold(text).filter { !$0.isWhitespace }
        }
    }

    /// The keys of `record`'s unique fields, by field.
    public static func keys(of fields: [Field], type: RecordType) -> [(field: FieldDefinition, text: String, key: String)] {
        type.fields.filter(\.unique).flatMap { definition in
            (fields[definition.key]?.strings ?? []).compactMap { text in
                let key = key(text, kind: definition.kind)
                return key.isEmpty ? nil : (definition, text, key)
            }
        }
    }

    /// The problem of `document` holding `text` in `field`, which record `other` holds too.
    public static func problem(_ document: RecordDocument, field: String, text: String, other: String, type: RecordType,
                               severity: Diagnostic.Severity) -> Diagnostic {
        let location = document.field(field)?.valueLocation ?? SourceLocation(line: 1, column: 1)
        return Diagnostic(severity, code: "duplicate-value", path: document.path, location: location,
                          message: "\(other) has \(field) '\(text)' already; no two \(type.folder) may share it",
                          hint: "if they are one \(type.name), merge them (crm merge \(other) …); if not, correct the \(field)"
                              + (severity == .error ? ", or keep both with --allow-duplicate" : ""),
                          sourceLine: document.sourceLine(location.line))
    }

    /// A warning on each record that repeats the unique value of an earlier one (in id order).
    public static func problems(records: [Record], documents: [RecordDocument], schema: Schema) -> [Diagnostic] {
        var seen: [String: String] = [:]
        var problems: [Diagnostic] = []
        for (record, document) in zip(records, documents).sorted(by: { $0.0.id < $1.0.id }) {
            guard let type = schema.type(named: record.type) else { continue }
            for (field, text, key) in keys(of: record.fields, type: type) {
                let slot = type.name + "\u{0}" + field.key + "\u{0}" + key
                if let first = seen[slot] {
                    problems.append(problem(document, field: field.key, text: text, other: first, type: type, severity: .warning))
                } else {
                    seen[slot] = record.id
                }
            }
        }
        return problems
    }
}

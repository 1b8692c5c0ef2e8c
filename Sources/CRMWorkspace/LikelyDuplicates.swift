import CRMSyntax

/// Records that are likely one and the same: of a type named by title (customers, contacts),
/// with the same title and the same references (a deal of the same name for another customer
/// is another deal) or the same e-mail address, compared without case or diacritics. Two
/// people adding the same new customer, merged, leave such a pair.
public enum LikelyDuplicates {
    /// A warning on each record that repeats an earlier one (in id order: `acme-2` repeats `acme`), at the field that matches.
    public static func problems(records: [Record], documents: [RecordDocument], schema: Schema) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen: [String: Record] = [:]
        let pairs = zip(records, documents).sorted { ($0.0.id, $0.0.path) < ($1.0.id, $1.0.path) }
        for (record, document) in pairs {
            guard let type = schema.type(named: record.type), type.idStyle == .title else { continue }
            // A unique e-mail field is `UniqueValues`' to report.
            let keys = [type.title] + type.fields.filter { $0.kind == .email && !$0.unique }.map(\.key)
            var reported = false
            for key in keys {
                guard !reported, let text = record.string(key), case let folded = TextFold.fold(text.trimmingWhitespace()),
                      !folded.isEmpty else { continue }
                let owners = key == type.title ? type.referenceFields.map { record.string($0.key) ?? "" } : []
                let slot = ([type.name, key, folded] + owners).joined(separator: "\u{0}")
                guard let first = seen[slot] else {
                    seen[slot] = record
                    continue
                }
                let location = document.field(key)?.valueLocation ?? SourceLocation(line: 1, column: 1)
                problems.append(Diagnostic(
                    .warning, code: "likely-duplicate", path: record.path, location: location,
                    message: "likely the same \(type.name) as '\(first.id)' (same \(key) '\(text)')",
                    hint: "if it is, keep one and point references at it; if not, tell them apart in '\(key)'",
                    sourceLine: document.sourceLine(location.line)))
                reported = true
            }
        }
        return problems
    }
}

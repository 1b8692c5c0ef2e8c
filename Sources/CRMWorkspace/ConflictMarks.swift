import CRMSyntax

/// The fields a merge adds to a record where both sides changed a field differently:
/// `conflicts` maps each such field to the other side's value, and `conflicts-with` names the
/// other side (docs/format.md). Every record may carry them; each entry is an error until
/// `crm resolve` settles it.
public enum ConflictMarks {
    public static let field = "conflicts"
    public static let otherField = "conflicts-with"
    public static let keys: Set<String> = [field, otherField]

    /// One error per conflict recorded in `document`, at the entry's line.
    public static func problems(in document: RecordDocument) -> [Diagnostic] {
        guard let marks = document.field(field) else { return [] }
        let id = document.path.split(separator: "/").last.map { String($0.dropLast(".yaml".count)) } ?? document.path
        let other = document[otherField]?.string.map { "the other side (\($0))" } ?? "the other side"
        guard case .map(let entries) = marks.value else {
            return [Diagnostic(code: "merge-conflict", path: document.path, location: marks.valueLocation,
                               message: "'\(field)' must list each field in conflict with the other side's value",
                               hint: "write one `FIELD: VALUE` line per conflict under it, or remove it",
                               sourceLine: document.sourceLine(marks.valueLocation.line))]
        }
        return zip(entries, marks.items).map { entry, item in
            let location = item.keyLocation ?? item.location
            let ours = document[entry.key].map(describe) ?? "no value"
            let theirs = entry.value.isEmpty ? "removed it" : "has \(describe(entry.value))"
            return Diagnostic(code: "merge-conflict", path: document.path, location: location,
                              message: "merge conflict in '\(entry.key)': ours is \(ours), \(other) \(theirs)",
                              hint: "settle it: crm resolve \(id) \(entry.key) --ours, --theirs or --value VALUE",
                              sourceLine: document.sourceLine(location.line))
        }
    }

    private static func describe(_ value: Value) -> String {
        switch value {
        case .string(let text):
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            return "'" + (line.count > 40 || line.count < text.count ? line.prefix(40) + "..." : line) + "'"
        case .list(let items): return "[" + items.joined(separator: ", ") + "]"
        case .map(let entries): return "{" + entries.map { "\($0.key): \($0.value.strings.joined(separator: ", "))" }.joined(separator: ", ") + "}"
        }
    }
}

import CRMWorkspace

/// Records of one type as CSV, as `crm export --format csv` writes them and `crm import csv`
/// reads them back: an `id` column, then every field, a map's entries as `key.entry`, a list's
/// items in one cell (`ListCell`).
public enum RecordCSV {
    /// `id`, then every field of `type`.
    public static func columns(_ type: RecordType) -> [String] {
        ["id"] + type.fields.flatMap { field -> [String] in
            if case .map(let entries) = field.kind { return entries.map { "\(field.key).\($0)" } }
            return [field.key]
        }
    }

    /// The cell of `column` for `record`.
    public static func cell(_ column: String, of record: Record) -> String {
        if column == "id" { return record.id }
        if let value = record[column] {
            if case .list(let items) = value { return ListCell.join(items) }
            return value.strings.joined(separator: ", ")
        }
        return record.string(column) ?? ""
    }
}

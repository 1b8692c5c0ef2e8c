import CRMSyntax
import CRMWorkspace

/// A record as JSON, as `crm list --format json`, `crm show --format json` and `crm export`
/// write it and `crm import json` reads it back: `{"id", "type", "path", "fields"}`, the
/// field values exactly as read, keys in the file's order.
public enum RecordJSON {
    public static func object(_ record: Record, extra: [(key: String, value: JSON)] = []) -> JSON {
        .object([
            (key: "id", value: .string(record.id)),
            (key: "type", value: .string(record.type)),
            (key: "path", value: .string(record.path)),
            (key: "fields", value: .object(record.fields.map { (key: $0.key, value: JSON($0.value)) })),
        ] + extra)
    }
}

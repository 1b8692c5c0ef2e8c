import CRMSyntax
import CRMWorkspace

/// Records from the JSON (or JSON Lines) that `crm list --format json` and `crm export` write:
/// `{"id": …, "type": …, "path": …, "fields": {…}}`.
public enum JSONImport {
    /// Plans every record of the file (`path` names it in messages).
    public static func run(_ bytes: [UInt8], path: String, schema: Schema, key: String?, into importer: inout RecordImport) throws(ImportError) {
        let values: [JSON]
        do {
            values = try JSONReader.readAny(bytes)
        } catch {
            throw ImportError(error.diagnostic(path: path, code: "json", text: String(decoding: bytes, as: UTF8.self)))
        }
        for (number, value) in values.enumerated() {
            let label = "record \(number + 1)"
            guard let name = value["type"]?.string, let type = schema.type(named: name) else {
                let given = value["type"]?.string.map { "an unknown type '\($0)'" } ?? "no \"type\""
                importer.reject(label, type: nil, reason: "it has \(given)")
                continue
            }
            guard case .object(let members)? = value["fields"] else {
                importer.reject(label, type: type, reason: "it has no \"fields\" object")
                continue
            }
            var fields: [Field] = []
            for member in members {
                guard let field = self.value(member.value) else { continue }
                fields.append(Field(key: member.key, value: field))
            }
            importer.add(RecordImport.Item(label: label, type: type, id: value["id"]?.string, fields: fields), key: key)
        }
    }

    /// A JSON value as a field's value: strings, lists of strings, maps of strings; numbers and
    /// booleans as written; `nil` for null.
    private static func value(_ json: JSON) -> Value? {
        switch json {
        case .null: return nil
        case .bool(let flag): return .string(flag ? "true" : "false")
        case .number(let text), .string(let text): return .string(text)
        case .array(let items): return .list(items.compactMap { self.value($0)?.string })
        case .object(let members):
            return .map(members.compactMap { member in self.value(member.value).map { MapEntry(key: member.key, value: .string($0.strings.joined(separator: ", "))) } })
        }
    }
}

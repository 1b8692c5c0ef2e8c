import CRMInterchange
import CRMTerminal

/// What a command writes for scripts, the same way in every command: `json` one indented
/// document, `jsonl` one object per line, `csv` a header and rows, `ids` and `paths` one per line.
enum ScriptOutput {
    /// Writes `objects` (or the `document` for `json`, when the command's JSON is one object)
    /// in `format`, and `csv` when given, else the objects flattened into columns. Returns
    /// false for the formats for people, which the command writes itself.
    /// What is not written is not computed.
    static func write(_ format: OutputFormat, objects: @autoclosure () -> [JSON], document: @autoclosure () -> JSON? = nil,
                      csv: @autoclosure () -> (header: [String], rows: [[String]])? = nil, ids: @autoclosure () -> [String] = [],
                      paths: @autoclosure () -> [String] = [], context: inout CommandContext) -> Bool {
        switch format {
        case .json:
            context.console.line((document() ?? .array(objects())).pretty)
        case .jsonl:
            for object in objects() { context.console.line(object.compact) }
        case .csv:
            let table = csv() ?? flattened(objects())
            context.console.write(CSVWriter.text(header: table.header, rows: table.rows))
        case .ids:
            for id in ids() { context.console.line(TerminalText.escaped(id)) }
        case .paths:
            for path in paths() { context.console.line(TerminalText.escaped(path)) }
        case .table, .text, .yaml, .vcard, .ics, .github, .gitlab, .jsonSchema:
            return false
        }
        return true
    }

    /// Objects as CSV: one column per member (a nested object's members as `key.member`), a
    /// list's items in one cell.
    static func flattened(_ objects: [JSON]) -> (header: [String], rows: [[String]]) {
        var header: [String] = []
        var rows: [[String: String]] = []
        for object in objects {
            var row: [String: String] = [:]
            flatten(object, prefix: "", into: &row, header: &header)
            rows.append(row)
        }
        return (header, rows.map { row in header.map { row[$0] ?? "" } })
    }

    private static func flatten(_ value: JSON, prefix: String, into row: inout [String: String], header: inout [String]) {
        func set(_ text: String) {
            if !header.contains(prefix) { header.append(prefix) }
            row[prefix] = text
        }
        switch value {
        case .object(let members):
            for member in members {
                flatten(member.value, prefix: prefix.isEmpty ? member.key : prefix + "." + member.key, into: &row, header: &header)
            }
        case .array(let items):
            set(ListCell.join(items.map { $0.string ?? $0.compact }))
        case .string(let text): set(text)
        case .number(let text): set(text)
        case .bool(let flag): set(flag ? "true" : "false")
        case .null: set("")
        }
    }
}

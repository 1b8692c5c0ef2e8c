import CRMQuery
import CRMSyntax
import CRMWorkspace

/// `crm list TYPE`: the records of a type, as an aligned table or for scripts.
enum ListCommand {
    static let formats = ["table", "json", "jsonl", "csv", "ids", "paths"]

    static let spec = CommandSpec(
        name: "list",
        abstract: "List the records of a type",
        discussion: """
            Shows the type's columns (see `crm types TYPE`) as a table fitted to the terminal, with the
            records' ids first and referenced records named by their title. For scripts, --format json
            and jsonl write each record as {"id", "type", "path", "fields"}; csv, ids and paths
            write one record per line.

            Examples:
              crm list customer --sort owner,name
              crm list complaint --sort -opened --limit 10
              crm list contact --fields name,customer,customer.status --format csv
            """,
        arguments: [ArgumentSpec("type", help: "The record type (customer, contact, call, complaint, ...).",
                                 completion: .types)],
        options: [
            OptionSpec(["--sort"], value: "fields", help: "Sort by these fields, comma-separated; a - before a field sorts it descending.",
                       completion: .fields),
            OptionSpec(["--limit"], value: "n", help: "Show at most n records."),
            OptionSpec(["--fields"], value: "fields", help: "Show these fields (comma-separated; customer.name follows a reference) instead of the type's columns.",
                       completion: .fields),
            OptionSpec(["--format"], value: "format", help: "table, json, jsonl, csv, ids or paths. (default: table)",
                       completion: .choices(formats)),
            History.atOption,
        ],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let format = try invocation.choice("format", formats, default: "table")
        let limit = try invocation.positiveInteger("limit")
        let workspace = try context.workspace()
        let type = try RecordPresentation.type(named: invocation.arguments[0], in: workspace.schema)
        let columnNames = invocation.value("fields").map(splitList) ?? type.columns
        var paths: [FieldPath] = []
        for name in columnNames where !["id", "type", "path"].contains(name) {
            paths.append(try RecordPresentation.path(name, in: type, schema: workspace.schema, option: "--fields"))
        }
        var sorter: RecordSorter?
        if let sort = invocation.value("sort") {
            do {
                sorter = try RecordSorter(sort, type: type, schema: workspace.schema)
            } catch {
                throw CommandError("--sort \(sort): \(error.message)", hint: error.hint)
            }
        }
        let needsFields = !["ids", "paths"].contains(format) || sorter != nil
        let loadedTypes = needsFields
            ? RecordPresentation.typesNeeded(for: paths + (sorter?.criteria.map(\.path) ?? []), type: type,
                                             schema: workspace.schema, titles: format == "table")
            : [type]
        let index = try History.index(workspace, types: loadedTypes, at: invocation.value("at"))
        var records = index.records(ofType: type.name)
        if let sorter { records = sorter.sorted(records, index: index) }
        if let limit { records = Array(records.prefix(limit)) }

        let columns: [(name: String, path: FieldPath?)] = columnNames.map { name in
            (name, paths.first { $0.text == name })
        }
        switch format {
        case "ids":
            for record in records { context.console.line(record.id) }
        case "paths":
            for record in records { context.console.line(record.path) }
        case "json", "jsonl":
            let objects = records.map { record in
                invocation.value("fields") == nil
                    ? RecordPresentation.json(record)
                    : RecordPresentation.json(Record(id: record.id, type: record.type, path: record.path, fields: columns.compactMap { column in
                        column.path.map { Field(key: column.name, value: selectedValue($0, of: record, index: index)) }
                    }))
            }
            if format == "json" {
                context.console.line(JSON.array(objects).pretty)
            } else {
                for object in objects { context.console.line(object.compact) }
            }
        case "csv":
            let writer = CSVWriter()
            let names = columnNames.contains("id") ? columnNames : ["id"] + columnNames
            context.console.write(writer.row(names))
            for record in records {
                context.console.write(writer.row(names.map { name in
                    plain(name, path: paths.first { $0.text == name }, of: record, index: index)
                }))
            }
        default:
            let names = columnNames.contains("id") ? columnNames : ["id"] + columnNames
            let rows = records.map { record in
                names.map { name -> String in
                    guard let path = paths.first(where: { $0.text == name }) else {
                        return plain(name, path: nil, of: record, index: index)
                    }
                    return RecordPresentation.cell(path, of: record, index: index)
                }
            }
            let numeric = Set(names.indices.filter { position in
                guard let kind = paths.first(where: { $0.text == names[position] })?.kind else { return false }
                return kind == .number || kind == .money
            })
            if !records.isEmpty {
                context.console.write(TableRenderer(headers: names, rows: rows, rightAligned: numeric)
                    .render(width: context.console.width, style: context.console.style))
            }
        }
        for problem in index.problems { context.report(problem) }
        if records.isEmpty && format == "table" {
            context.console.error("no \(type.name) records\n")
        }
        return records.isEmpty || !index.problems.isEmpty ? 1 : 0
    }

    /// A value for scripts: references as ids, lists joined with `; `.
    private static func plain(_ name: String, path: FieldPath?, of record: Record, index: WorkspaceIndex) -> String {
        switch name {
        case "id": return record.id
        case "type": return record.type
        case "path": return record.path
        default: return path?.values(of: record, in: index).joined(separator: "; ") ?? ""
        }
    }

    private static func selectedValue(_ path: FieldPath, of record: Record, index: WorkspaceIndex) -> Value {
        if path.isLocal, let value = record[path.text] { return value }
        let values = path.values(of: record, in: index)
        return path.kind.isList || values.count > 1 ? .list(values) : .string(values.first ?? "")
    }
}

/// `a,b, c` → `["a", "b", "c"]`.
func splitList(_ text: String) -> [String] {
    text.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}

import CRMInterchange
import CRMQuery
import CRMSyntax
import CRMWorkspace

/// `crm list TYPE` and `crm list @QUERY`: records as an aligned table or for scripts.
enum ListCommand {
    static let formats = ["table", "json", "jsonl", "csv", "ids", "paths"]

    static let spec = CommandSpec(
        name: "list",
        abstract: "List the records of a type",
        discussion: """
            Shows the type's columns (see `crm types TYPE`) as a table fitted to the terminal, with the
            records' ids first and referenced records named by their title. For scripts, --format json
            and jsonl write each record as {"id", "type", "path", "fields"}; csv, ids and paths
            write one record per line. `crm list @NAME` runs the saved query .crm/queries/NAME.yaml
            (see `crm queries`); --where narrows it further. docs/query.md describes the query language.

            Examples:
              crm list complaint --where 'status = open and opened < -14d and customer.segment = enterprise'
              crm list customer --where 'status = active and last(calls.at) < -90d' --sort owner,name
              crm list contact --fields name,customer,customer.city,count(calls) --format csv
              crm list @open-complaints-by-age
            """,
        arguments: [ArgumentSpec("type", help: "The record type (customer, contact, call, complaint, ...), or @QUERY.",
                                 completion: .types)],
        options: [
            OptionSpec(["--where"], value: "expr", help: "Only records that meet this condition."),
            OptionSpec(["--sort"], value: "fields", help: "Sort by these fields, comma-separated; a - before a field sorts it descending.",
                       completion: .fields),
            OptionSpec(["--limit"], value: "n", help: "Show at most n records."),
            OptionSpec(["--fields"], value: "fields", help: "Show these fields (comma-separated; customer.name follows a reference, count(calls) counts related records) instead of the type's columns.",
                       completion: .fields),
            OptionSpec(["--format"], value: "format", help: "table, json, jsonl, csv, ids or paths. (default: table)",
                       completion: .choices(formats)),
            History.atOption,
        ],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let format = try invocation.choice("format", formats, default: "table")
        let workspace = try context.workspace()
        let today = try context.today()
        let saved = try savedQuery(invocation.arguments[0], workspace: workspace)
        let type = try RecordPresentation.type(named: saved?.type ?? invocation.arguments[0], in: workspace.schema)
        let limit = try invocation.positiveInteger("limit") ?? saved?.limit
        let columnNames = invocation.value("fields").map { splitTopLevel($0) } ?? saved?.fields ?? type.columns
        var columns: [ColumnSpec] = []
        for name in columnNames {
            columns.append(try RecordPresentation.column(name, type: type, schema: workspace.schema, today: today, option: "--fields"))
        }
        let conditions = [saved?.condition, invocation.value("where")].compactMap { $0 }
        var queries: [RecordQuery] = []
        for text in conditions {
            queries.append(try RecordPresentation.query(text, type: type, schema: workspace.schema, today: today))
        }
        var sorter: RecordSorter?
        if let sort = invocation.value("sort") ?? saved?.sort {
            do {
                sorter = try RecordSorter(sort, type: type, schema: workspace.schema, today: today)
            } catch {
                throw RecordPresentation.queryFailure(error, in: sort, option: "--sort")
            }
        }
        var related: Set<String> = queries.reduce(into: []) { $0.formUnion($1.relatedTypes) }
        related.formUnion(sorter?.relatedTypes ?? [])
        if !["ids", "paths"].contains(format) {
            for column in columns {
                related.formUnion(column.relatedTypes)
                if format == "table", let target = column.kind.referencedType { related.insert(target) }
            }
        }
        related.insert(type.name)
        let index = try History.index(workspace, types: workspace.schema.types.filter { related.contains($0.name) },
                                      at: invocation.value("at"))
        var positions = index.positions(ofType: type.name)
        for query in queries { positions = query.filter(positions, in: index) }
        var records = positions.map { index.records[$0] }
        if let sorter { records = sorter.sorted(records, index: index) }
        if let limit { records = Array(records.prefix(limit)) }
        write(records, columns: columns, custom: invocation.value("fields") != nil || saved?.fields != nil, format: format,
              index: index, context: &context)
        for problem in index.problems { context.report(problem) }
        if records.isEmpty && format == "table" {
            context.console.error(queries.isEmpty ? "no \(type.name) records\n" : "no \(type.name) records match\n")
        }
        return records.isEmpty || !index.problems.isEmpty ? 1 : 0
    }

    /// The saved query an `@NAME` argument names, or `nil` for a type name.
    static func savedQuery(_ argument: String, workspace: Workspace) throws(CommandError) -> SavedQuery? {
        guard argument.hasPrefix("@") else { return nil }
        let name = String(argument.dropFirst())
        let (queries, _) = SavedQuery.all(in: workspace)
        guard let query = queries.first(where: { $0.name == name }) else {
            let close = Suggestions.closest(to: name, in: queries.map(\.name))
            throw CommandError("no saved query '\(name)' in \(SavedQuery.folder)/",
                               hint: close.map { "did you mean '@\($0)'?" } ?? "`crm queries` lists them")
        }
        return query
    }

    private static func write(_ records: [Record], columns: [ColumnSpec], custom: Bool, format: String, index: WorkspaceIndex,
                              context: inout CommandContext) {
        let names = columns.contains { $0.text == "id" } ? columns.map(\.text) : ["id"] + columns.map(\.text)
        func column(_ name: String) -> ColumnSpec? { columns.first { $0.text == name } }
        func plain(_ name: String, _ record: Record) -> String {
            name == "id" ? record.id : column(name)?.values(of: record, in: index).joined(separator: "; ") ?? ""
        }
        switch format {
        case "ids":
            for record in records { context.console.line(TerminalText.escaped(record.id)) }
        case "paths":
            for record in records { context.console.line(TerminalText.escaped(record.path)) }
        case "json", "jsonl":
            let objects = records.map { record in
                custom ? RecordPresentation.json(Record(id: record.id, type: record.type, path: record.path, fields: columns.map { column in
                    Field(key: column.text, value: selected(column, of: record, index: index))
                })) : RecordPresentation.json(record)
            }
            if format == "json" {
                context.console.line(JSON.array(objects).pretty)
            } else {
                for object in objects { context.console.line(object.compact) }
            }
        case "csv":
            context.console.write(CSVWriter.text(header: names, rows: records.map { record in names.map { plain($0, record) } }))
        default:
            guard !records.isEmpty else { return }
            let rows = records.map { record in
                names.map { name in column(name).map { RecordPresentation.cell($0, of: record, index: index) } ?? record.id }
            }
            let numeric = Set(names.indices.filter { [FieldKind.number, .money].contains(column(names[$0])?.kind ?? .text) })
            context.console.write(TableRenderer(headers: names, rows: rows, rightAligned: numeric)
                .render(width: context.console.width, style: context.console.style))
        }
    }

    /// A column's value for JSON: the field as written when it is the record's own, else the values found.
    private static func selected(_ column: ColumnSpec, of record: Record, index: WorkspaceIndex) -> Value {
        if column.isLocalField, column.localKey == column.text, let value = record[column.text] { return value }
        let values = column.values(of: record, in: index)
        return column.kind.isList || values.count > 1 ? .list(values) : .string(values.first ?? "")
    }
}

/// `a,b, c` → `["a", "b", "c"]`.
func splitList(_ text: String) -> [String] {
    splitTopLevel(text)
}

import CRMInterchange
import CRMLocale
import CRMQuery
import CRMSyntax
import CRMWorkspace

/// `crm list TYPE` and `crm list @QUERY`: records as an aligned table or for scripts.
enum ListCommand {
    static let condition = Option<String>(["--where"], value: "expr", help: "Only records that meet this condition.")
    static let sort = Option<String>(["--sort"], value: "fields", help: "Sort by these fields, comma-separated; a - before a field sorts it descending.",
                                     completion: .fields)
    static let limit = Option<Int>.number(["--limit"], help: "Show at most n records.")
    static let fields = Option<String>(["--fields"], value: "fields",
                                       help: "Show these fields (comma-separated; customer.name follows a reference, count(calls) counts related records) instead of the type's columns.",
                                       completion: .fields)
    static let format = FormatOption.records

    static let spec = CommandSpec(
        name: "list",
        abstract: "List the records of a type",
        discussion: """
            Shows the type's columns (see `crm types TYPE`) as a table fitted to the terminal, with the
            records' ids first and referenced records named by their title. For scripts, --format json
            and jsonl write each record as {"id", "type", "path", "fields"}; csv, ids and paths
            write one record per line. `crm list @NAME` runs the saved query .crm/queries/NAME.yaml
            (see `crm queries`); --where narrows it further. docs/query.md describes the query language.
            Exits with 1 when no record matches, and with 2 when some record could not be read (the
            others are listed, and the file is named on standard error).

            Examples:
              crm list complaint --where 'status = open and opened < -14d and customer.segment = enterprise'
              crm list customer --where 'status = active and last(calls.at) < -90d' --sort owner,name
              crm list contact --fields name,customer,customer.city,count(calls) --format csv
              crm list @open-complaints-by-age
            """,
        arguments: [ArgumentSpec("type", help: "The record type (customer, contact, call, complaint, ...), or @QUERY.",
                                 completion: .types)],
        options: [condition.spec, sort.spec, limit.spec, fields.spec, format.spec, History.at.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let workspace = try context.workspace()
        let today = try context.today()
        let saved = try savedQuery(invocation.arguments[0], workspace: workspace)
        let type = try RecordPresentation.type(named: saved?.type ?? invocation.arguments[0], in: workspace.schema)
        let count = try invocation[limit] ?? saved?.limit
        let given = try invocation[fields]
        var columns: [ColumnSpec] = []
        for name in given.map({ splitTopLevel($0) }) ?? saved?.fields ?? type.columns {
            columns.append(try RecordPresentation.column(name, type: type, schema: workspace.schema, today: today, option: "--fields"))
        }
        var selection = RecordSelection(type: type)
        for text in [saved?.condition, try invocation[condition]].compactMap({ $0 }) {
            selection = selection.and(try RecordPresentation.query(text, type: type, workspace: workspace, today: today, context: context))
        }
        var sorter: RecordSorter?
        if let text = try invocation[sort] ?? saved?.sort {
            do {
                sorter = try RecordSorter(text, type: type, schema: workspace.schema, today: today)
            } catch {
                throw RecordPresentation.queryFailure(error, in: text, option: "--sort")
            }
        }
        var related = selection.relatedTypes
        related.formUnion(sorter?.relatedTypes ?? [])
        if ![.ids, .paths].contains(chosen) {
            for column in columns {
                related.formUnion(column.relatedTypes)
                if chosen == .table, let target = column.kind.referencedType { related.insert(target) }
            }
        }
        let index = try History.index(workspace, types: workspace.schema.types.filter { related.contains($0.name) },
                                      at: try invocation[History.at])
        var records = selection.select(in: index)
        if let sorter { records = sorter.sorted(records, index: index) }
        if let count { records = Array(records.prefix(count)) }
        let identifier = try RecordPresentation.column("id", type: type, schema: workspace.schema, today: today, option: "--fields")
        write(records, columns: columns, identifier: identifier, custom: given != nil || saved?.fields != nil, format: chosen, index: index,
              context: &context)
        for problem in index.problems { context.report(problem) }
        if records.isEmpty && chosen == .table {
            context.console.error(tr(selection.queries.isEmpty ? "no-records" : "no-records-match", ["type": type.name]) + "\n")
        }
        return History.status(found: !records.isEmpty, problems: index.problems)
    }

    /// The saved query an `@NAME` argument names, or `nil` for a type name.
    static func savedQuery(_ argument: String, workspace: Workspace) throws(CommandError) -> SavedQuery? {
        guard argument.hasPrefix("@") else { return nil }
        let name = String(argument.dropFirst())
        let (queries, _) = SavedQuery.all(in: workspace)
        guard let query = queries.first(where: { $0.name == name }) else {
            throw CommandError(tr("err-no-saved-query", ["name": name, "folder": SavedQuery.folder]),
                               hint: CommandError.didYouMean(name, in: queries.map(\.name), prefix: "@") ?? tr("hint-queries"), status: ExitStatus.usage)
        }
        return query
    }

    private static func write(_ records: [Record], columns: [ColumnSpec], identifier: ColumnSpec, custom: Bool, format: OutputFormat,
                              index: WorkspaceIndex, context: inout CommandContext) {
        let names = columns.contains { $0.text == "id" } ? columns.map(\.text) : ["id"] + columns.map(\.text)
        func column(_ name: String) -> ColumnSpec? { columns.first { $0.text == name } }
        func plain(_ name: String, _ record: Record) -> String {
            name == "id" ? record.id : column(name).map { ListCell.join($0.values(of: record, in: index)) } ?? ""
        }
        func objects() -> [JSON] {
            records.map { record in
                guard custom else { return RecordJSON.object(record) }
                return .object([
                    (key: "id", value: .string(record.id)), (key: "type", value: .string(record.type)),
                    (key: "path", value: .string(record.path)),
                    (key: "fields", value: .object(columns.map { (key: $0.text, value: selected($0, of: record, index: index)) })),
                ])
            }
        }
        let csv = { (names, records.map { record in names.map { plain($0, record) } }) }
        if ScriptOutput.write(format, objects: objects(), csv: csv(), ids: records.map(\.id), paths: records.map(\.path), context: &context) {
            return
        }
        do {
            guard !records.isEmpty else { return }
            let shown = columns.contains { $0.text == "id" } ? columns : [identifier] + columns
            let rows = RecordPresentation.cells(shown, of: records, index: index)
            let numeric = Set(names.indices.filter { [FieldKind.number, .money].contains(column(names[$0])?.kind ?? .text) })
            context.console.write(TableRenderer(headers: names, rows: rows, rightAligned: numeric)
                .render(width: context.console.width, style: context.console.style))
        }
    }

    /// A column's value for JSON: the field as written when it is the record's own, else the
    /// values found, typed as `crm report` types them: numbers as numbers, money in several
    /// currencies as an object of amounts by currency (`{"CZK": 17000.5, "EUR": 800}`).
    private static func selected(_ column: ColumnSpec, of record: Record, index: WorkspaceIndex) -> JSON {
        if column.isLocalField, column.localKey == column.text, let value = record[column.text] { return JSON(value) }
        let values = column.values(of: record, in: index)
        let amounts = values.compactMap(MoneyAmount.init)
        if !values.isEmpty, amounts.count == values.count {
            return .object(amounts.map { (key: $0.currency, value: JSON.number($0.amount)) })
        }
        let numeric = [FieldKind.number, .money].contains(column.kind.itemKind)
        let typed = values.map { text in numeric ? Number(text).map { JSON.number($0.value) } ?? .string(text) : .string(text) }
        if column.kind.isList || values.count > 1 { return .array(typed) }
        return typed.first ?? (numeric ? .null : .string(""))
    }
}

/// `a,b, c` → `["a", "b", "c"]`.
func splitList(_ text: String) -> [String] {
    splitTopLevel(text)
}

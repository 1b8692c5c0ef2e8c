import CRMQuery
import CRMSyntax
import CRMWorkspace

/// `crm report TYPE --by FIELD…`: records grouped and counted, summed or averaged.
enum ReportCommand {
    static let formats = ["table", "json", "csv"]

    static let spec = CommandSpec(
        name: "report",
        abstract: "Group records and count, sum or average them",
        discussion: """
            Groups the records of TYPE by the values of --by (a record with several values of a list
            field counts in each group) and, with --per, by the day, week, month, quarter or year of a date
            field. Measures are --count (the default), --sum FIELD and --avg FIELD; a total row follows.

            Examples:
              crm report complaint --by status,severity
              crm report call --by channel --per month at --where 'at in this-year'
              crm report deal --by stage --sum value --avg probability
            """,
        arguments: [ArgumentSpec("type", help: "The record type.", completion: .types)],
        options: [
            OptionSpec(["--by"], value: "fields", help: "Group by these fields, comma-separated.", completion: .fields),
            OptionSpec(["--where"], value: "expr", help: "Only records that meet this condition."),
            OptionSpec(["--count"], help: "Count the records of each group (the default measure)."),
            OptionSpec(["--sum"], value: "field", help: "Add up this number or money field.", completion: .fields, repeatable: true),
            OptionSpec(["--avg"], value: "field", help: "Average this number or money field.", completion: .fields, repeatable: true),
            OptionSpec(["--per"], value: "period", secondValue: "field",
                       help: "Group by day, week, month, quarter or year of this date field.", completion: .choices(Report.Period.allCases.map(\.rawValue))),
            OptionSpec(["--format"], value: "format", help: "table, json or csv. (default: table)", completion: .choices(formats)),
        ],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let format = try invocation.choice("format", formats, default: "table")
        let workspace = try context.workspace()
        let today = try context.today()
        let type = try RecordPresentation.type(named: invocation.arguments[0], in: workspace.schema)
        func column(_ text: String, _ option: String) throws(CommandError) -> ColumnSpec {
            try RecordPresentation.column(text, type: type, schema: workspace.schema, today: today, option: option)
        }
        var groups: [ColumnSpec] = []
        for name in splitTopLevel(invocation.value("by") ?? "") { groups.append(try column(name, "--by")) }
        var measures: [Report.Measure] = invocation.flag("count") ? [.count] : []
        for name in invocation.values("sum") { measures.append(.sum(try numeric(try column(name, "--sum"), option: "--sum"))) }
        for name in invocation.values("avg") { measures.append(.average(try numeric(try column(name, "--avg"), option: "--avg"))) }
        var period: (Report.Period, ColumnSpec)?
        if let (unit, field) = invocation.pair("per") {
            guard let parsed = Report.Period(rawValue: unit) else {
                throw UsageError("'\(unit)' is not a period: expected day, week, month, quarter or year", command: spec)
            }
            let dated = try column(field, "--per")
            guard dated.kind == .date || dated.kind == .datetime else {
                throw CommandError("--per \(unit) \(field): '\(field)' is not a date field")
            }
            period = (parsed, dated)
        }
        guard !groups.isEmpty || period != nil else {
            throw UsageError("nothing to group by: give --by FIELD or --per PERIOD FIELD", command: spec)
        }
        let query = try invocation.value("where").map { text throws(CommandError) in
            try RecordPresentation.query(text, type: type, schema: workspace.schema, today: today)
        }
        var related = query?.relatedTypes ?? []
        for item in groups + [period?.1].compactMap({ $0 }) { related.formUnion(item.relatedTypes) }
        for measure in measures {
            if case .sum(let item) = measure { related.formUnion(item.relatedTypes) }
            if case .average(let item) = measure { related.formUnion(item.relatedTypes) }
        }
        if format == "table" { for group in groups { if let target = group.kind.referencedType { related.insert(target) } } }
        related.insert(type.name)
        let index = WorkspaceIndex(workspace: workspace, types: workspace.schema.types.filter { related.contains($0.name) })
        let records = query?.select(in: index) ?? index.records(ofType: type.name)
        let report = Report(groups: groups, period: period, measures: measures)
        let table = report.run(records, index: index)
        if format == "table", table.groupColumns == 2, report.measures.count == 1, !{
            if case .average = report.measures[0] { return true } else { return false }
        }() {
            writeCrossTable(table, index: index, groups: period == nil ? groups : [period!.1] + groups, period: period != nil,
                            context: &context)
        } else {
            write(table, format: format, index: index, groups: groups, context: &context)
        }
        for problem in index.problems { context.report(problem) }
        return 0
    }

    private static func numeric(_ column: ColumnSpec, option: String) throws(CommandError) -> ColumnSpec {
        guard column.kind == .number || column.kind == .money else {
            throw CommandError("\(option) \(column.text): '\(column.text)' is \(column.kind.name), not a number or money field")
        }
        return column
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(Int((value * 100).rounded()) / 100) + "." + {
            let cents = abs(Int((value * 100).rounded())) % 100
            return cents < 10 ? "0\(cents)" : "\(cents)"
        }()
    }

    /// Two groups as a cross table: the first down, the second across, with totals both ways
    /// (for counts and sums, which add up).
    static func writeCrossTable(_ table: Report.Table, index: WorkspaceIndex, groups: [ColumnSpec], period: Bool,
                                context: inout CommandContext) {
        func title(_ key: String, _ position: Int) -> String {
            guard !(period && position == 0), key != Report.none, groups[position].kind.referencedType != nil,
                  let target = index.record(key) else { return key }
            return index.title(of: target)
        }
        var down: [String] = []
        var cells: [String: [String: Double]] = [:]
        for row in table.rows {
            if !down.contains(row.keys[0]) { down.append(row.keys[0]) }
            cells[row.keys[0], default: [:]][row.keys[1]] = row.values[0] ?? 0
        }
        let order = Set(table.rows.map { $0.keys[1] }).sorted { left, right in
            if left == Report.none { return false }
            if right == Report.none { return true }
            return SortKey(left, kind: groups[1].kind) < SortKey(right, kind: groups[1].kind)
        }
        var rows = down.map { key in
            [title(key, 0)] + order.map { number(cells[key]?[$0]) } + [number(order.reduce(0) { $0 + (cells[key]?[$1] ?? 0) })]
        }
        rows.append(["total"] + order.map { column in number(down.reduce(0) { $0 + (cells[$1]?[column] ?? 0) }) }
                    + [number(table.total[0])])
        let headers = [table.columns[0] + " \\ " + table.columns[1]] + order.map { title($0, 1) } + [table.columns[2]]
        context.console.write(TableRenderer(headers: headers, rows: rows, rightAligned: Set(1..<headers.count))
            .render(width: context.console.width, style: context.console.style))
    }

    static func write(_ table: Report.Table, format: String, index: WorkspaceIndex, groups: [ColumnSpec],
                      context: inout CommandContext) {
        switch format {
        case "json":
            let rows = table.rows.map { row in
                JSON.object(zip(table.columns, row.keys.map(JSON.string) + row.values.map { $0.map(JSON.number) ?? .null })
                    .map { ($0.0, $0.1) })
            }
            let total = JSON.object(zip(table.columns.dropFirst(table.groupColumns), table.total.map { $0.map(JSON.number) ?? .null })
                .map { ($0.0, $0.1) })
            context.console.line(JSON.object([("rows", .array(rows)), ("total", total)]).pretty)
        case "csv":
            let writer = CSVWriter()
            context.console.write(writer.row(table.columns))
            for row in table.rows { context.console.write(writer.row(row.keys + row.values.map(number))) }
        default:
            let offset = table.groupColumns - groups.count
            var rows = table.rows.map { row in
                row.keys.enumerated().map { position, key in
                    guard position >= offset, key != Report.none, groups[position - offset].kind.referencedType != nil,
                          let target = index.record(key) else { return key }
                    return index.title(of: target)
                } + row.values.map(number)
            }
            rows.append(["total"] + Array(repeating: "", count: table.groupColumns - 1) + table.total.map(number))
            let numeric = Set(table.groupColumns..<table.columns.count)
            context.console.write(TableRenderer(headers: table.columns, rows: rows, rightAligned: numeric)
                .render(width: context.console.width, style: context.console.style))
        }
    }
}

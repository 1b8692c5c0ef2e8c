import CRMInterchange
import CRMLocale
import CRMQuery
import CRMSyntax
import CRMWorkspace

/// `crm report`: the workspace's reports (`crm report NAME`), or records of a type grouped and
/// measured on the spot (`crm report TYPE --by FIELD…`).
enum ReportCommand {
    static let by = Option<String>(["--by"], value: "fields", help: "Group by these fields, comma-separated.", completion: .fields)
    static let condition = Option<String>(["--where"], value: "expr", help: "Only records that meet this condition.")
    static let count = Flag(["--count"], help: "Count the records of each group (the default measure).")
    static let sum = Option<String>(["--sum"], value: "field", help: "Add up this number or money field.", completion: .fields, repeatable: true)
    static let average = Option<String>(["--avg"], value: "field", help: "Average this number or money field.", completion: .fields, repeatable: true)
    static let measure = Option<String>(["--measure"], value: "expr", help: "Compute this for each group, for example median(duration).", repeatable: true)
    static let per = Option<OptionPair>(["--per"], value: "period", secondValue: "field",
                                        help: "Group by day, week, month, quarter or year of this date field.",
                                        completion: .choices(Report.Period.allCases.map(\.rawValue)))
    static let from = Option<String>(["--from"], value: "date", help: "Only records dated from this day or period on.")
    static let to = Option<String>(["--to"], value: "date", help: "Only records dated up to the end of this day or period.")
    static let format = FormatOption.tables
    static let html = Option<String>(["--html"], value: "file", help: "Write the HTML dashboard to this file.", completion: .files)

    static let spec = CommandSpec(
        name: "report",
        abstract: "Run a report, or group records and count, sum or average them",
        discussion: """
            `crm report` lists the workspace's reports (.crm/reports/NAME.yaml; see docs/query.md) and
            `crm report NAME` runs one; --from and --to narrow it to a span of its date field.

            `crm report TYPE --by FIELD` groups the records of TYPE by the values of --by (a record with
            several values of a list field counts in each group) and, with --per, by the day, week,
            month, quarter or year of a date field. Measures are --count (the default), --sum FIELD,
            --avg FIELD and --measure EXPR (median(days(opened, closed)), percent(closed <= due),
            sum(amount where due < today)); a total row follows.

            --html FILE writes the dashboard, as `crm dashboard FILE` does.

            Examples:
              crm report
              crm report service-levels --from 2026-01-01
              crm report complaint --by status,severity
              crm report call --by channel --per month at --where 'at in this-year'
              crm report deal --by stage --sum value --measure 'sum(value * probability / 100) as weighted'
            """,
        arguments: [ArgumentSpec("name-or-type", help: "A report's name, or a record type.", optional: true, completion: .types)],
        options: [by.spec, condition.spec, count.spec, sum.spec, average.spec, measure.spec, per.spec, from.spec, to.spec, format.spec,
                  html.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        if let file = try invocation[html] { return try DashboardCommand.write(to: file, context: &context) }
        let workspace = try context.workspace()
        let today = try context.today()
        let (reports, problems) = SavedReport.all(in: workspace)
        guard let target = invocation.arguments.first else {
            for problem in problems { context.report(problem) }
            return list(reports, format: chosen, context: &context)
        }
        let adHoc = [by.spec, per.spec, sum.spec, average.spec, measure.spec, count.spec].filter(invocation.isGiven)
        var report: SavedReport
        if let type = workspace.schema.type(named: target) {
            report = try adHocReport(type: type, invocation: invocation, schema: workspace.schema, today: today)
        } else if let saved = reports.first(where: { $0.name == target }) {
            if let option = adHoc.first {
                throw UsageError("\(option.names.last!) is for reports of a type (crm report TYPE --by FIELD); '\(target)' is a report", command: spec)
            }
            report = saved
        } else {
            let names = workspace.schema.typeNames + reports.map(\.name)
            throw CommandError(tr("err-no-report", ["name": target]),
                               hint: CommandError.didYouMean(target, in: names) ?? tr("hint-reports"),
                               status: ExitStatus.usage)
        }
        var compiled = try compile(report, invocation: invocation, schema: workspace.schema, today: today)
        if let text = try invocation[condition] {
            compiled = compiled.narrowed(by: try RecordPresentation.query(text, type: compiled.type, workspace: workspace,
                                                                          today: today, context: context))
        }
        let saved = report.path != nil || workspace.schema.type(named: target) == nil
        return present(report, compiled, saved: saved, format: chosen, workspace: workspace, context: &context)
    }

    /// Runs `compiled` and writes its table; a `saved` report under its title.
    static func present(_ report: SavedReport, _ compiled: CompiledReport, saved: Bool, format chosen: OutputFormat,
                        workspace: Workspace, context: inout CommandContext) -> Int32 {
        var related = compiled.relatedTypes
        if chosen == .table { for group in compiled.report.groups { if let target = group.kind.referencedType { related.insert(target) } } }
        let index = WorkspaceIndex(workspace: workspace, types: workspace.schema.types.filter { related.contains($0.name) })
        let table = compiled.run(in: index)
        if saved && chosen == .table {
            context.console.line(context.console.style.bold(report.title))
        }
        let crossGroups = compiled.report.period.map { [$0.1] + compiled.report.groups } ?? compiled.report.groups
        if chosen == .table, table.groupColumns == 2, compiled.report.measures.count == 1, compiled.report.measures[0].isAdditive,
           table.currencyColumn == nil {
            writeCrossTable(table, index: index, groups: crossGroups, period: compiled.report.period != nil,
                            money: compiled.report.measures[0].isMoney, context: &context)
        } else {
            write(table, format: chosen, title: saved ? (report.name, report.title) : nil, index: index,
                  groups: compiled.report.groups, money: compiled.report.measures.map(\.isMoney), context: &context)
        }
        for problem in index.problems { context.report(problem) }
        return History.status(found: !table.rows.isEmpty, problems: index.problems)
    }

    /// The report `crm report TYPE --by …` describes: its measures and period are built, not written as text.
    private static func adHocReport(type: RecordType, invocation: Invocation, schema: Schema, today: CivilDate) throws -> SavedReport {
        var report = SavedReport(name: type.name, title: type.name, type: type.name, groups: splitTopLevel(try invocation[by] ?? ""),
                                 measures: try invocation.all(measure))
        if invocation[count] { report.builtMeasures.append(.count) }
        for (function, option) in [(Measure.Function.sum, sum), (.avg, average)] {
            for field in try invocation.all(option) {
                do {
                    report.builtMeasures.append(try Measure(function, of: field, type: type, schema: schema, today: today))
                } catch {
                    throw RecordPresentation.queryFailure(error, in: field, option: option.spec.names.last!)
                }
            }
        }
        if let pair = try invocation[per] {
            guard let unit = Report.Period(rawValue: pair.first) else {
                throw UsageError("'\(pair.first)' is not a period: expected day, week, month, quarter or year", command: spec)
            }
            report.period = (unit, pair.second)
        }
        guard !report.groups.isEmpty || report.period != nil else {
            throw UsageError("nothing to group by: give --by FIELD or --per PERIOD FIELD", command: spec)
        }
        return report
    }

    /// The report checked against the schema; a problem is reported against the option (or the
    /// report file's key) it comes from.
    private static func compile(_ report: SavedReport, invocation: Invocation, schema: Schema,
                                today: CivilDate) throws -> CompiledReport {
        let start = try invocation[from]
        let end = try invocation[to]
        do {
            return try report.compile(schema: schema, today: today, from: start, to: end)
        } catch {
            let options: [String: OptionSpec] = ["by": by.spec, "per": per.spec, "from": from.spec, "to": to.spec, "date": per.spec]
            let option = options[error.key] ?? measure.spec
            let fromFile = report.path != nil && !invocation.isGiven(option)
            guard !fromFile else {
                throw CommandError("report \(report.name): \(error.key), column \(error.error.column): \(error.error.message)",
                                   hint: error.error.hint ?? "fix \(report.path!); crm check shows the problem")
            }
            throw RecordPresentation.queryFailure(error.error, in: error.text, option: option.names.last!)
        }
    }

    /// `crm report` alone: the reports with their titles.
    private static func list(_ reports: [SavedReport], format: OutputFormat, context: inout CommandContext) -> Int32 {
        let objects = reports.map { report in
            JSON.object([(key: "name", value: .string(report.name)), (key: "title", value: .string(report.title)),
                         (key: "type", value: .string(report.type)), (key: "description", value: report.description.map(JSON.string) ?? .null)])
        }
        let status = reports.isEmpty ? ExitStatus.nothingFound : ExitStatus.success
        if ScriptOutput.write(format, objects: objects, context: &context) { return status }
        guard !reports.isEmpty else {
            context.console.error("no reports in \(SavedReport.folder)/\n")
            return status
        }
        context.console.write(TableRenderer(headers: ["report", "type", "title"], rows: reports.map { [$0.name, $0.type, $0.title] })
            .render(width: context.console.width, style: context.console.style))
        return status
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
    static func writeCrossTable(_ table: Report.Table, index: WorkspaceIndex, groups: [ColumnSpec], period: Bool, money: Bool,
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
            // An empty period has no column of its own.
            if !row.keys[1].isEmpty { cells[row.keys[0], default: [:]][row.keys[1]] = row.values[0] ?? 0 }
        }
        let order = Set(table.rows.map { $0.keys[1] }.filter { !$0.isEmpty }).sorted { left, right in
            if left == Report.none { return false }
            if right == Report.none { return true }
            let language = index.schema.language
            return SortKey(left, kind: groups[1].kind, language: language) < SortKey(right, kind: groups[1].kind, language: language)
        }
        var values: [[Double?]] = down.map { key in order.map { cells[key]?[$0] } + [order.reduce(0) { $0 + (cells[key]?[$1] ?? 0) }] }
        values.append(order.map { column in down.reduce(0) { $0 + (cells[$1]?[column] ?? 0) } } + [table.total[0]])
        var rows = down.map { [title($0, 0)] } + [["total"]]
        for column in 0...order.count {
            for (row, cell) in NumberColumn.format(values.map { $0[column] }, money: money).enumerated() { rows[row].append(cell) }
        }
        let headers = [table.columns[0] + " \\ " + table.columns[1]] + order.map { title($0, 1) } + [table.columns[2]]
        context.console.write(TableRenderer(headers: headers, rows: rows, rightAligned: Set(1..<headers.count))
            .render(width: context.console.width, style: context.console.style))
    }

    static func write(_ table: Report.Table, format: OutputFormat, title: (name: String, title: String)?, index: WorkspaceIndex,
                      groups: [ColumnSpec], money: [Bool], context: inout CommandContext) {
        // Group keys of number columns are numbers in JSON, as measures are.
        let offset = table.groupColumns - groups.count
        func key(_ text: String, at position: Int) -> JSON {
            guard position >= offset, [FieldKind.number, .money].contains(groups[position - offset].kind.itemKind),
                  let number = Number(text) else { return .string(text) }
            return .number(number.value)
        }
        let rows = table.rows.map { row in
            JSON.object(zip(table.columns, row.keys.enumerated().map { key($0.element, at: $0.offset) }
                            + row.values.map { $0.map(JSON.number) ?? .null })
                .map { (key: $0.0, value: $0.1) })
        }
        // One total, or one for each currency when the report groups by it.
        let totalLines: [(keys: [String], values: [Double?])] = table.currencyColumn.map { column in
            table.totals.map { total in
                ((0..<table.groupColumns).map { $0 == column ? total.keys[0] : "total" }, total.values)
            }
        } ?? [(Array(repeating: "total", count: table.groupColumns), table.total)]
        func measures(_ values: [Double?]) -> [(key: String, value: JSON)] {
            zip(table.columns.dropFirst(table.groupColumns), values.map { $0.map(JSON.number) ?? .null }).map { (key: $0.0, value: $0.1) }
        }
        let totalRows = totalLines.map { line in
            JSON.object(zip(table.columns.prefix(table.groupColumns), line.keys.map(JSON.string)).map { (key: $0.0, value: $0.1) }
                        + measures(line.values))
        }
        let named = title.map { [(key: "report", value: JSON.string($0.name)), (key: "title", value: JSON.string($0.title))] } ?? []
        let total: JSON = table.currencyColumn == nil ? .object(measures(table.total))
            : .array(table.totals.map { .object([(key: Currency.field, value: .string($0.keys[0]))] + measures($0.values)) })
        let document = JSON.object(named + [(key: "rows", value: .array(rows)), (key: "total", value: total)])
        let csv = (table.columns, table.rows.map { $0.keys + $0.values.map(number) })
        if ScriptOutput.write(format, objects: rows + totalRows, document: document, csv: csv, context: &context) { return }
        do {
            var rows = table.rows.map { row in
                row.keys.enumerated().map { position, key in
                    guard position >= offset, key != Report.none, groups[position - offset].kind.referencedType != nil,
                          let target = index.record(key) else { return key }
                    return index.title(of: target)
                }
            }
            for line in totalLines {
                rows.append(line.keys.enumerated().map { $0.offset == 0 || $0.offset == table.currencyColumn ? $0.element : "" })
            }
            let values = table.rows.map(\.values) + totalLines.map(\.values)
            for (measure, isMoney) in money.enumerated() {
                for (row, cell) in NumberColumn.format(values.map { $0[measure] }, money: isMoney).enumerated() { rows[row].append(cell) }
            }
            let numeric = Set(table.groupColumns..<table.columns.count)
            context.console.write(TableRenderer(headers: table.columns, rows: rows, rightAligned: numeric)
                .render(width: context.console.width, style: context.console.style))
        }
    }
}

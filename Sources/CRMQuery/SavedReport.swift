import CRMSyntax
import CRMWorkspace

/// A report kept in `.crm/reports/NAME.yaml` and run with `crm report NAME`:
///
///     title: Deal pipeline by stage
///     type: deal
///     where: stage not in (won, lost)
///     by: [stage]
///     measures:
///       - count as deals
///       - sum(value * probability / 100) as weighted
///
/// `per: month opened` groups by period too; `date` names the field `--from` and `--to` select
/// on (default: the `per` field, else the type's date), and `from`/`to` give their defaults.
public struct SavedReport: Sendable {
    public var name: String
    public var title: String
    public var description: String?
    public var type: String
    public var groups: [String]
    /// `month opened`: the period and the date field.
    public var per: String?
    public var measures: [String]
    public var condition: String?
    public var dateField: String?
    public var from: String?
    public var to: String?
    /// The file, relative to the workspace; `nil` for a built-in report or one made on the command line.
    public var path: String?
    /// The file as read, to point problems at their line.
    var document: RecordDocument?
    /// Measures made without query text (`crm report --count --sum FIELD`), before `measures`.
    public var builtMeasures: [Measure] = []
    /// The period and date field of a report made on the command line (`--per month at`), when `per` is not given.
    public var period: (unit: Report.Period, field: String)?

    public static let folder = ".crm/reports"
    static let keys = ["title", "description", "type", "by", "per", "measures", "where", "date", "from", "to"]

    public init(name: String, title: String, description: String? = nil, type: String, groups: [String], per: String? = nil,
                measures: [String] = [], condition: String? = nil, dateField: String? = nil, from: String? = nil,
                to: String? = nil, path: String? = nil) {
        self.name = name
        self.title = title
        self.description = description
        self.type = type
        self.groups = groups
        self.per = per
        self.measures = measures
        self.condition = condition
        self.dateField = dateField
        self.from = from
        self.to = to
        self.path = path
    }

    /// The workspace's reports: the files of `.crm/reports/`, or, when it has no such folder,
    /// the built-in reports for the types it has.
    public static func all(in workspace: Workspace) -> (reports: [SavedReport], problems: [Diagnostic]) {
        let files = DefinitionFiles(folder, in: workspace)
        guard files.folderExists else {
            let reports = BuiltinReports.files.filter { workspace.schema.type(named: $0.type) != nil }.compactMap { file -> SavedReport? in
                guard let document = try? RecordDocument(parsing: file.text) else { return nil }
                var report = read(document, name: file.name).0
                report?.path = nil
                report?.document = nil
                return report
            }
            return (reports, [])
        }
        let (reports, problems) = files.definitions { read($0, name: $1) }
        return (reports, problems)
    }

    static func read(_ document: RecordDocument, name: String) -> (SavedReport?, [Diagnostic]) {
        var problems = DefinitionFiles.unknownKeys(in: document, keys: keys, what: "report", code: "report")
        guard let type = document["type"]?.string, !type.isEmpty else {
            problems.append(DefinitionFiles.problem("a report needs `type:`", in: document, at: SourceLocation(line: 1, column: 1),
                                                    code: "report", hint: "for example type: complaint"))
            return (nil, problems)
        }
        func text(_ key: String) -> String? { document[key]?.string.flatMap { $0.isEmpty ? nil : $0 } }
        func list(_ key: String) -> [String] {
            if let items = document[key]?.list { return items.filter { !$0.isEmpty } }
            return text(key).map { splitTopLevel($0) } ?? []
        }
        let report = SavedReport(name: name, title: text("title") ?? name, description: text("description"), type: type,
                                 groups: list("by"), per: text("per"), measures: list("measures"), condition: text("where"),
                                 dateField: text("date"), from: text("from"), to: text("to"), path: document.path)
        var withDocument = report
        withDocument.document = document
        return (withDocument, problems)
    }

    /// The report checked against the schema, ready to run; `from` and `to` (dates or periods
    /// such as `-30d` or `2026-11`) override the report's own.
    public func compile(schema: Schema, today: CivilDate, from: String? = nil, to: String? = nil) throws(ReportError) -> CompiledReport {
        guard let recordType = schema.type(named: type) else {
            throw ReportError(key: "type", text: type, error: QueryError(column: 1, message: "unknown type '\(type)'",
                                                              hint: Suggestions.closest(to: type, in: schema.typeNames).map { "did you mean '\($0)'?" }))
        }
        func attempt<T>(_ key: String, _ text: String, _ body: () throws(QueryError) -> T) throws(ReportError) -> T {
            do {
                return try body()
            } catch {
                throw ReportError(key: key, text: text, error: error)
            }
        }
        var related: Set<String> = [recordType.name]
        var groups: [ColumnSpec] = []
        for text in self.groups {
            groups.append(try attempt("by", text) { () throws(QueryError) in try ColumnSpec(text, type: recordType, schema: schema, today: today) })
        }
        var period: (Report.Period, ColumnSpec)?
        if per == nil, let built = self.period {
            period = try attempt("per", built.field) { () throws(QueryError) in
                let column = try ColumnSpec(built.field, type: recordType, schema: schema, today: today)
                guard column.kind == .date || column.kind == .datetime else {
                    throw QueryError(column: 1, message: "'\(built.field)' is \(column.kind.name), not a date")
                }
                return (built.unit, column)
            }
        }
        if let per {
            let parts = per.split(separator: " ", maxSplits: 1).map { String($0).trimmingWhitespace() }
            period = try attempt("per", per) { () throws(QueryError) in
                guard parts.count == 2, let unit = Report.Period(rawValue: parts[0]) else {
                    throw QueryError(column: 1, message: "'\(per)' is not PERIOD FIELD", hint: "for example month opened; periods are day, week, month, quarter, year")
                }
                let column = try ColumnSpec(parts[1], type: recordType, schema: schema, today: today)
                guard column.kind == .date || column.kind == .datetime else {
                    throw QueryError(column: parts[0].count + 2, message: "'\(parts[1])' is \(column.kind.name), not a date")
                }
                return (unit, column)
            }
        }
        guard !groups.isEmpty || period != nil else {
            throw ReportError(key: "by", text: "", error: QueryError(column: 1, message: "nothing to group by", hint: "give by: [FIELD] or per: PERIOD FIELD"))
        }
        var measures = builtMeasures
        for (offset, text) in self.measures.enumerated() {
            measures.append(try attempt(self.measures.count == 1 ? "measures" : "measures[\(offset + 1)]", text) { () throws(QueryError) in
                try Measure(text, type: recordType, schema: schema, today: today)
            })
        }
        var selection = RecordSelection(type: recordType)
        if let condition {
            selection = selection.and(try attempt("where", condition) { () throws(QueryError) in
                try RecordQuery(condition, type: recordType, schema: schema, today: today)
            })
        }
        let (start, end) = (from ?? self.from, to ?? self.to)
        if start != nil || end != nil {
            let field = try attempt("date", dateField ?? "") { () throws(QueryError) in try dateColumn(recordType, period: period, schema: schema, today: today) }
            if let start {
                selection = selection.and(try attempt("from", start) { () throws(QueryError) in
                    try RecordQuery.dateBound(field, from: start, type: recordType, schema: schema, today: today)
                })
            }
            if let end {
                selection = selection.and(try attempt("to", end) { () throws(QueryError) in
                    try RecordQuery.dateBound(field, to: end, type: recordType, schema: schema, today: today)
                })
            }
        }
        // Money is never added across currencies: a report of money in records that name their
        // currency is grouped by it as well.
        if measures.contains(where: \.isMoney), Currency.isNamed(by: recordType), !groups.contains(where: { $0.text == Currency.field }) {
            groups.append(try attempt("by", Currency.field) { () throws(QueryError) in
                try ColumnSpec(Currency.field, type: recordType, schema: schema, today: today)
            })
        }
        for column in groups + [period?.1].compactMap({ $0 }) { related.formUnion(column.relatedTypes) }
        for measure in measures { related.formUnion(measure.relatedTypes) }
        return CompiledReport(report: Report(groups: groups, period: period, measures: measures), selection: selection, measured: related)
    }

    /// The field `--from` and `--to` select on.
    private func dateColumn(_ type: RecordType, period: (Report.Period, ColumnSpec)?, schema: Schema, today: CivilDate) throws(QueryError) -> String {
        if let dateField {
            let column = try ColumnSpec(dateField, type: type, schema: schema, today: today)
            guard column.kind == .date || column.kind == .datetime else {
                throw QueryError(column: 1, message: "'\(dateField)' is \(column.kind.name), not a date")
            }
            return dateField
        }
        if let period { return period.1.text }
        guard let field = type.dateField ?? type.fields.first(where: { $0.kind == .date || $0.kind == .datetime }) else {
            throw QueryError(column: 1, message: "\(English.a(type.name)) has no date for --from and --to", hint: "name one with date: FIELD")
        }
        return field.key
    }

    /// Problems of the report against the schema, located at the key they are about.
    public func problems(schema: Schema, today: CivilDate) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func problem(_ message: String, key: String?, hint: String?) -> Diagnostic {
            let location = key.flatMap(location(of:))
            return Diagnostic(code: "report", path: path ?? "", location: location, message: message, hint: hint,
                              sourceLine: location.flatMap { document?.sourceLine($0.line) })
        }
        if schema.type(named: name) != nil {
            problems.append(problem("report '\(name)' has the name of a type, so `crm report \(name)` would not run it",
                                    key: nil, hint: "rename the file"))
        }
        do {
            _ = try compile(schema: schema, today: today)
        } catch {
            problems.append(problem("\(error.key), column \(error.error.column): \(error.error.message)", key: error.key,
                                    hint: error.error.hint))
        }
        return problems
    }

    /// Where the value of `key` (`measures[2]` for an item) is in the file.
    private func location(of key: String) -> SourceLocation? {
        let parts = key.split(separator: "[")
        guard let field = document?.field(String(parts[0])) else { return nil }
        if parts.count == 2, let item = Int(parts[1].dropLast()), item - 1 < field.items.count { return field.items[item - 1].location }
        return field.valueLocation
    }
}

/// A report ready to run: the grouping and measures, and the records it selects.
public struct CompiledReport: Sendable {
    public let report: Report
    public private(set) var selection: RecordSelection
    /// The types the grouping and measures read.
    private let measured: Set<String>

    init(report: Report, selection: RecordSelection, measured: Set<String>) {
        self.report = report
        self.selection = selection
        self.measured = measured
    }

    public var type: RecordType { selection.type }

    /// Every type the report reads (its own included), so an index can load only those.
    public var relatedTypes: Set<String> { measured.union(selection.relatedTypes) }

    /// The report of only the records that also meet `query` (`crm report NAME --where ...`).
    public func narrowed(by query: RecordQuery) -> CompiledReport {
        var narrowed = self
        narrowed.selection = selection.and(query)
        return narrowed
    }

    /// Runs the report on `index`.
    public func run(in index: WorkspaceIndex) -> Report.Table {
        report.run(selection.positions(in: index), index: index)
    }
}

/// A report that does not fit the schema: the key it is about (`where`, `measures[2]`), the
/// text that does not fit, and why.
public struct ReportError: Error, Sendable {
    public var key: String
    public var text: String
    public var error: QueryError
}

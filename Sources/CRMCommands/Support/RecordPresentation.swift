import CRMInterchange
import CRMGit
import CRMLocale
import CRMQuery
import CRMSyntax
import CRMWorkspace

/// How records are shown to people, and how the command line names types and queries.
enum RecordPresentation {
    /// A value on one line: list items and map entries joined with `, `.
    static func inline(_ value: Value) -> String {
        switch value {
        case .string(let text): return text
        case .list(let items): return items.joined(separator: ", ")
        case .map(let entries): return entries.map { "\($0.key): \(inline($0.value))" }.joined(separator: ", ")
        }
    }

    /// The table cells of `columns` for `records`, row by row: references shown by their record's
    /// title, numbers and money written one way down each column (`NumberColumn`).
    static func cells(_ columns: [ColumnSpec], of records: [Record], index: WorkspaceIndex) -> [[String]] {
        let byColumn = columns.map { column -> [String] in
            let values = records.map { column.values(of: $0, in: index) }
            switch column.kind.itemKind {
            case .number, .money: return NumberColumn.format(cells: values, money: column.kind.itemKind == .money)
            case .reference:
                return values.map { ids in ids.map { id in index.record(id).map { index.title(of: $0) } ?? id }.joined(separator: ", ") }
            default: return values.map { $0.joined(separator: ", ") }
            }
        }
        return records.indices.map { row in byColumn.map { $0[row] } }
    }

    /// The type named `name` (or its folder), or a usage error (exit status 64) that lists the
    /// types and suggests one.
    static func type(named name: String, in schema: Schema) throws(CommandError) -> RecordType {
        if let type = schema.type(named: name) ?? schema.types.first(where: { $0.folder == name }) { return type }
        var hint = tr("hint-known-types", ["types": schema.typeNames.joined(separator: ", ")])
        if let close = CommandError.didYouMean(name, in: schema.typeNames) { hint = close + " " + hint }
        throw CommandError(tr("err-unknown-type", ["name": name]), hint: hint, status: ExitStatus.usage)
    }

    /// A query option's problem as a diagnostic: `--where:1:12: error: ...`, the expression, a
    /// caret under the column, a hint. Exit status 64: the command line is wrong.
    static func queryFailure(_ error: QueryError, in text: String, option: String) -> CommandError {
        CommandError(diagnostic: error.diagnostic(path: option, text: text), status: ExitStatus.usage)
    }

    /// A `--where` expression for records of `type`; `me` in it is the person running crm.
    static func query(_ text: String, type: RecordType, workspace: Workspace, today: CivilDate,
                      context: CommandContext) throws(CommandError) -> RecordQuery {
        let me = !text.lowercased().contains("me")
            ? nil : UserIdentity(workspace: workspace, environment: context.environment).names
        do {
            return try RecordQuery(text, type: type, schema: workspace.schema, today: today, me: me)
        } catch {
            throw queryFailure(error, in: text, option: "--where")
        }
    }

    /// A column of `--fields` or `--sort`.
    static func column(_ text: String, type: RecordType, schema: Schema, today: CivilDate, option: String) throws(CommandError) -> ColumnSpec {
        do {
            return try ColumnSpec(text, type: type, schema: schema, today: today)
        } catch {
            throw queryFailure(error, in: text, option: option)
        }
    }
}

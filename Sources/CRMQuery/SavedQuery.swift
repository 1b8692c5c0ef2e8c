import CRMSyntax
import CRMWorkspace

/// A query kept in `.crm/queries/NAME.yaml` and run with `crm list @NAME`:
///
///     title: Open complaints, oldest first
///     type: complaint
///     where: status in (open, in-progress)
///     sort: opened
///     fields: [opened, customer, severity, subject]
public struct SavedQuery: Sendable, Hashable {
    public var name: String
    public var title: String
    public var type: String
    public var condition: String?
    public var sort: String?
    public var fields: [String]?
    public var limit: Int?
    public var description: String?
    /// The file, relative to the workspace.
    public var path: String
    /// Where each key's value is in the file, with its line, to point problems at them.
    var places: [String: Place] = [:]

    struct Place: Sendable, Hashable {
        var location: SourceLocation
        var line: String?
    }

    public static let folder = ".crm/queries"
    static let keys = ["title", "type", "where", "sort", "fields", "limit", "description"]

    /// Every saved query of the workspace, by name, and the problems in their files.
    public static func all(in workspace: Workspace) -> (queries: [SavedQuery], problems: [Diagnostic]) {
        let (queries, problems) = DefinitionFiles(folder, in: workspace).definitions { read($0, name: $1) }
        return (queries, problems)
    }

    private static func read(_ document: RecordDocument, name: String) -> (SavedQuery?, [Diagnostic]) {
        var problems = DefinitionFiles.unknownKeys(in: document, keys: keys, what: "saved query", code: "query")
        func problem(_ message: String, _ location: SourceLocation?, hint: String? = nil) {
            problems.append(DefinitionFiles.problem(message, in: document, at: location, code: "query", hint: hint))
        }
        guard let type = document["type"]?.string, !type.isEmpty else {
            problem("a saved query needs `type:`", SourceLocation(line: 1, column: 1), hint: "for example type: complaint")
            return (nil, problems)
        }
        var limit: Int?
        if let text = document["limit"]?.string, !text.isEmpty {
            limit = Int(text)
            if limit == nil || limit! < 1 { problem("limit is a positive whole number", document.field("limit")?.valueLocation) }
        }
        let query = SavedQuery(name: name, title: document["title"]?.string ?? name, type: type,
                               condition: document["where"]?.string.flatMap { $0.isEmpty ? nil : $0 },
                               sort: document["sort"]?.string.flatMap { $0.isEmpty ? nil : $0 },
                               fields: document["fields"]?.list, limit: limit, description: document["description"]?.string,
                               path: document.path, places: Dictionary(document.fields.map { field in
                                   (field.key, Place(location: field.valueLocation, line: document.sourceLine(field.valueLocation.line)))
                               }, uniquingKeysWith: { first, _ in first }))
        return (problems.contains { $0.severity == .error } ? nil : query, problems)
    }

    /// Problems of a saved query against the schema: its type, expression, sort and fields.
    /// Each problem is located in the file: at the column of the expression's problem when the
    /// value is written on its key's line.
    public func problems(schema: Schema, today: CivilDate) -> [Diagnostic] {
        func problem(_ key: String, _ message: String, column: Int? = nil, hint: String? = nil) -> Diagnostic {
            guard let place = places[key] else { return Diagnostic(code: "query", path: path, location: nil, message: message, hint: hint) }
            var location = place.location
            if let column, let line = place.line {
                let value = Array(line.unicodeScalars.dropFirst(location.column - 1))
                location.column += column - 1 + (value.first == "\"" || value.first == "'" ? 1 : 0)
            }
            return Diagnostic(code: "query", path: path, location: location, message: message, hint: hint, sourceLine: place.line)
        }
        guard let recordType = schema.type(named: type) else {
            return [problem("type", "unknown type '\(type)'", hint: Suggestions.closest(to: type, in: schema.typeNames).map { "did you mean '\($0)'?" })]
        }
        var problems: [Diagnostic] = []
        if let condition {
            do {
                _ = try RecordQuery(condition, type: recordType, schema: schema, today: today)
            } catch {
                problems.append(problem("where", "where: \(error.message)", column: error.column, hint: error.hint))
            }
        }
        if let sort {
            do {
                _ = try RecordSorter(sort, type: recordType, schema: schema, today: today)
            } catch {
                problems.append(problem("sort", "sort: \(error.message)", column: error.column, hint: error.hint))
            }
        }
        for field in fields ?? [] where !["id", "type", "path"].contains(field) {
            do {
                _ = try ColumnSpec(field, type: recordType, schema: schema, today: today)
            } catch {
                problems.append(problem("fields", "fields: \(error.message)", hint: error.hint))
            }
        }
        return problems
    }
}

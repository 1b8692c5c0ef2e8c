import CRMSyntax
import CRMWorkspace

extension SampleWorkspace {
    /// Checks the generated records as `crm check` would (ids, unique ids, types and their
    /// folders, fields, values, references) and that every file reads back as exactly the
    /// generated fields; throws the list of every problem.
    static func check(_ records: [SampleRecord], against schema: Schema) throws {
        var problems: [String] = []
        var documents: [(SampleRecord, RecordDocument)] = []
        for record in records {
            if let problem = RecordID.problem(with: record.id) { problems.append("\(record.path): \(problem)") }
            do {
                let document = try RecordDocument(parsing: try record.bytes(), path: record.path)
                if document.values != record.fields { problems.append("\(record.path): reads back with other values than generated") }
                documents.append((record, document))
            } catch {
                problems.append("\(record.path): does not read back: \(error)")
            }
        }
        let index = WorkspaceIndex(schema: schema, records: documents.map { record, document in
            Record(id: record.id, type: record.type, path: record.path, fields: document.values)
        })
        problems += index.problems.map(\.description)
        var validator = RecordValidator(index: index)
        for (record, document) in documents {
            guard let type = schema.type(named: record.type) else {
                problems.append("\(record.path): no type '\(record.type)' in .crm/types")
                continue
            }
            if schema.type(forPath: record.path)?.name != type.name {
                problems.append("\(record.path): a \(type.name) belongs under \(type.folder)/")
            }
            problems += validator.validate(document, as: type).map(\.description)
        }
        guard problems.isEmpty else {
            let shown = problems.prefix(40).map { "  " + $0 }.joined(separator: "\n")
            throw SampleWorkspaceError("the generated records have \(problems.count) problem(s):\n\(shown)")
        }
    }
}

import CRMSyntax

/// `crm check`: validates the whole workspace and reports every problem, not just the first.
public enum WorkspaceChecker {
    /// What a check found.
    public struct Report: Sendable {
        /// Every problem, sorted by file, line and column.
        public var problems: [Diagnostic]
        /// How many records were read.
        public var records: Int
    }

    /// Every problem in the workspace, sorted by file, line and column.
    public static func check(_ workspace: Workspace, today: CivilDate? = nil) -> [Diagnostic] {
        report(workspace, today: today).problems
    }

    /// Checks the workspace; with `today`, records past their service level get a warning.
    public static func report(_ workspace: Workspace, today: CivilDate? = nil) -> Report {
        var problems = workspace.problems
        let (files, scanProblems) = RecordScanner.scan(workspace, includeStrays: true)
        problems += scanProblems
        let loaded = RecordLoader.load(files, root: workspace.root, keepDocuments: true)
        problems += loaded.problems
        let index = WorkspaceIndex(schema: workspace.schema, records: loaded.records)
        problems += index.problems
        var validator = RecordValidator(index: index, today: today)
        for (record, document) in zip(loaded.records, loaded.documents) {
            if let problem = RecordID.problem(with: record.id) {
                problems.append(Diagnostic(code: "invalid-id", path: record.path, location: nil,
                                           message: "invalid id '\(record.id)': \(problem)",
                                           hint: RecordID.suggestion(for: record.id).map { "rename the file to \($0).yaml" }))
            }
            guard let type = workspace.schema.type(named: record.type) else { continue }
            problems += validator.validate(document, as: type)
        }
        problems += LikelyDuplicates.problems(records: loaded.records, documents: loaded.documents, schema: workspace.schema)
        return Report(problems: sorted(problems), records: loaded.records.count)
    }

    /// Problems in file order, then line and column order.
    public static func sorted(_ problems: [Diagnostic]) -> [Diagnostic] {
        problems.enumerated().sorted { left, right in
            let a = left.element
            let b = right.element
            if a.path != b.path { return a.path < b.path }
            let la = a.location ?? SourceLocation(line: 0, column: 0)
            let lb = b.location ?? SourceLocation(line: 0, column: 0)
            if la != lb { return la < lb }
            return left.offset < right.offset
        }.map(\.element)
    }
}

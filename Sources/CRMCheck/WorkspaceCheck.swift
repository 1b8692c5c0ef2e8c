import CRMGit
import CRMQuery
import CRMSyntax
import CRMWorkspace

/// The one check of a workspace: whether it, or a change to it, is valid. Every reader of that
/// question asks here (`crm check`, `status`, `commit`, `sync`, `edit`, imports, every write
/// through `WorkspaceChange`, the editor server and the git hooks), so that a change is valid
/// exactly when this says so.
///
/// It reports, each at its file, line and column: settings and type files that cannot be read,
/// records that do not parse or do not fit their type (unknown fields, missing required
/// fields, values of the wrong kind, references to records that do not exist, invalid ids,
/// duplicate ids, closed records missing what their workflow requires, changes of state the
/// workflow does not allow), files outside the type folders, saved queries and reports that no
/// longer fit the schema, and what a merge left (conflicts recorded in records, records deleted
/// on one side and changed on the other, a call's contact who is another customer's, a value
/// of a `unique` field that a changed record repeats). Likely duplicates, unique values
/// repeated in records already there, and records past their service level are warnings. In
/// git, records changed since the last commit are checked against it as `crm commit` would.
public struct WorkspaceCheck: Sendable {
    /// What a check of the whole workspace found.
    public struct Report: Sendable {
        /// Every problem, sorted by file, line and column.
        public var problems: [Diagnostic]
        /// How many records were read.
        public var records: Int

        public var hasErrors: Bool { problems.contains { $0.severity == .error } }
    }

    public let workspace: Workspace
    /// With a date, records past their service level get a warning.
    public let today: CivilDate?
    /// A changed record that repeats another's unique value is a warning, not an error
    /// (`--allow-duplicate`).
    public let allowsDuplicates: Bool
    /// The workspace's record files, when the caller keeps them (an editor's server between
    /// changes on disk); `changes` lists the folders itself otherwise, when it must.
    public var listing: [RecordFile]?

    public init(_ workspace: Workspace, today: CivilDate? = nil, allowsDuplicates: Bool = false) {
        self.workspace = workspace
        self.today = today
        self.allowsDuplicates = allowsDuplicates
    }

    /// Checks the whole workspace.
    public func all() -> Report {
        var problems = workspace.problems
        let (files, scanProblems) = RecordScanner.scan(workspace, includeStrays: true)
        problems += scanProblems
        let loaded = RecordLoader.load(files, root: workspace.root, keepDocuments: true)
        problems += loaded.problems
        let index = WorkspaceIndex(schema: workspace.schema, records: loaded.records)
        problems += index.problems
        var validator = RecordValidator(index: index, today: today)
        validator.requiresLawfulBasis = workspace.config.requiresLawfulBasis
        for (record, document) in zip(loaded.records, loaded.documents) {
            problems += idProblems(record.path)
            guard let type = workspace.schema.type(named: record.type) else { continue }
            problems += validator.validate(document, as: type)
            problems += Self.ownerProblems(document, type: type, schema: workspace.schema, lookup: index.record)
        }
        problems += LikelyDuplicates.problems(records: loaded.records, documents: loaded.documents, schema: workspace.schema)
        problems += UniqueValues.problems(records: loaded.records, documents: loaded.documents, schema: workspace.schema)
        problems += handEditProblems(loaded)
        problems += definitionProblems()
        problems += mergeProblems(paths: nil)
        return Report(problems: Self.sorted(problems), records: loaded.records.count)
    }

    /// Checks a change: each file in `files` as it will be, against the rest of the workspace as
    /// it is. A record is parsed and validated (its references resolved among the records there
    /// will be, its change of state checked against `before`), a deleted record makes every
    /// record still referring to it a problem, and a changed definition file (settings, types,
    /// saved queries and reports, on disk already) is a change to everything: the whole
    /// workspace is checked.
    public func changes(_ files: [ChangedFile]) -> [Diagnostic] {
        let kinds = files.map { WorkspaceFile(path: $0.path, schema: workspace.schema) }
        if kinds.contains(where: \.changesSchema) { return all().problems }
        var problems: [Diagnostic] = []
        var documents: [(file: ChangedFile, type: RecordType, document: RecordDocument)] = []
        var deleted: [String: String] = [:]
        var created: [String: String] = [:]
        for (file, kind) in zip(files, kinds) {
            guard case .record(let typeName) = kind, let type = workspace.schema.type(named: typeName) else { continue }
            let id = RecordFile(path: file.path, type: typeName).id
            guard let bytes = file.bytes else {
                deleted[id] = file.path
                continue
            }
            created[id] = typeName
            problems += idProblems(file.path)
            if bytes.count > RecordFile.maximumSize {
                problems.append(Self.tooLarge(file.path, size: bytes.count))
                continue
            }
            do {
                documents.append((file, type, try RecordDocument(parsing: bytes, path: file.path)))
            } catch {
                problems.append(error)
            }
        }
        var lookup = ReferenceLookup(workspace: workspace, created: created, deleted: Set(deleted.keys), listing: listing)
        let index = lookup.index(for: documents.map { ($0.type, $0.document) })
        problems += lookup.duplicates(of: created, paths: Dictionary(files.map { (RecordFile(path: $0.path, type: "").id, $0.path) },
                                                                     uniquingKeysWith: { first, _ in first }))
        var validator = RecordValidator(index: index, today: today)
        validator.requiresLawfulBasis = workspace.config.requiresLawfulBasis
        var changedRecords: [String: Record] = [:]
        for (file, type, document) in documents {
            let id = RecordFile(path: file.path, type: type.name).id
            changedRecords[id] = Record(id: id, type: type.name, path: file.path, fields: document.values)
        }
        for (file, type, document) in documents {
            problems += validator.validate(document, as: type)
            problems += Self.lifecycleProblems(document, type: type, before: file.before)
            problems += Self.ownerProblems(document, type: type, schema: workspace.schema) { id in
                deleted[id] == nil ? changedRecords[id] ?? storedRecord(id) : nil
            }
        }
        problems += uniqueProblems(documents.map { ($0.type, $0.document) }, changed: Set(files.map(\.path)), deleted: Set(deleted.keys))
        if !deleted.isEmpty { problems += referrers(of: deleted, changed: Set(files.map(\.path))) }
        problems += mergeProblems(paths: Set(files.map(\.path)))
        return Self.sorted(problems)
    }

    /// Record `id` as its file on disk holds it, found where its id puts it; `nil` when it is not there or does not parse.
    private func storedRecord(_ id: String) -> Record? {
        guard RecordID.isValid(id), let file = RecordScanner.likelyFile(of: id, in: workspace),
              let bytes = try? RecordFile.read(file.path, root: workspace.root),
              let document = try? RecordDocument(parsing: bytes, path: file.path) else { return nil }
        return Record(id: id, type: file.type, path: file.path, fields: document.values)
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

    /// The problem of a record larger than crm reads.
    public static func tooLarge(_ path: String, size: Int) -> Diagnostic {
        Diagnostic(code: "too-large", path: path, location: nil,
                   message: "the record would be \(size) bytes; a record file may be at most \(RecordFile.maximumSize) bytes (1 MiB)",
                   hint: "records are small text files: keep long text and attachments in files outside the type folders")
    }

    /// A change of state the type's workflow does not allow, from `before` (the committed
    /// record; `nil` for a new one).
    static func lifecycleProblems(_ document: RecordDocument, type: RecordType, before: [UInt8]?) -> [Diagnostic] {
        guard let lifecycle = Lifecycle(type: type) else { return [] }
        let old = before.flatMap { try? RecordDocument(parsing: $0) }?.values
        do {
            try lifecycle.check(before: old, after: document.values)
            return []
        } catch {
            return [lifecycle.diagnostic(error, in: document)]
        }
    }

    private func idProblems(_ path: String) -> [Diagnostic] {
        let id = RecordFile(path: path, type: "").id
        guard let problem = RecordID.problem(with: id) else { return [] }
        return [Diagnostic(code: "invalid-id", path: path, location: nil, message: "invalid id '\(id)': \(problem)",
                           hint: RecordID.suggestion(for: id).map { "rename the file to \($0).yaml" })]
    }

    /// The problems of the definition files alone (settings, types, saved queries and
    /// reports), as the workspace reads them: an editor's unsaved texts included.
    public func definitions() -> [Diagnostic] {
        Self.sorted(workspace.problems + definitionProblems())
    }

    /// Saved queries and reports that cannot be read or no longer fit the schema.
    private func definitionProblems() -> [Diagnostic] {
        let today = self.today ?? CivilDate(dayNumber: 0)
        let (queries, queryProblems) = SavedQuery.all(in: workspace)
        let (reports, reportProblems) = SavedReport.all(in: workspace)
        return queryProblems + reportProblems + queries.flatMap { $0.problems(schema: workspace.schema, today: today) }
            + reports.flatMap { $0.problems(schema: workspace.schema, today: today) }
    }

    /// Records a merge left deleted on one side and changed on the other (of `paths`, or all).
    private func mergeProblems(paths: Set<String>?) -> [Diagnostic] {
        guard let git = try? WorkspaceGit(workspace: workspace), git.repository.isMerging else { return [] }
        return ((try? git.unmergedPaths()) ?? []).filter { !$0.changedOnBothSides && (paths?.contains($0.path) ?? true) }
            .map { Self.deletedOnOneSide($0.path) }
    }

    /// The problem of a record deleted on one side of a merge and changed on the other.
    public static func deletedOnOneSide(_ path: String) -> Diagnostic {
        let id = RecordFile(path: path, type: "").id
        return Diagnostic(code: "merge-conflict", path: path, location: nil,
                          message: "deleted on one side and changed on the other; the changed record is kept for now",
                          hint: "decide: crm resolve \(id) --keep, or crm resolve \(id) --delete")
    }

    /// Each record outside `changed` that still refers to a deleted record (by id, with its path).
    private func referrers(of deleted: [String: String], changed: Set<String>) -> [Diagnostic] {
        let index = WorkspaceIndex(workspace: workspace)
        var problems: [Diagnostic] = []
        for record in index.records where !changed.contains(record.path) {
            guard let type = workspace.schema.type(named: record.type) else { continue }
            for (key, _) in type.referenceFields {
                for id in record[key]?.strings ?? [] where deleted[id] != nil {
                    let document = try? RecordDocument(parsing: RecordFile.read(record.path, root: workspace.root), path: record.path)
                    let location = document?.field(key)?.valueLocation
                    problems.append(Diagnostic(code: "broken-reference", path: record.path, location: location,
                                               message: "'\(key)' refers to \(id), which is deleted (\(deleted[id]!))",
                                               hint: "change \(record.id) too, or keep \(id)",
                                               sourceLine: location.flatMap { document?.sourceLine($0.line) }))
                }
            }
        }
        return problems
    }
}

import CRMSyntax
import CRMWorkspace

/// The records a few changed records refer to, found without reading the workspace: ids are
/// file names, so a record where `crm new` puts it is found with a `stat`. Only when an id is
/// not found there (or a new record's id must be shown to be unused) are the folders listed.
/// The changed records' own ids (`created`, `deleted`) count as they will be.
struct ReferenceLookup {
    let workspace: Workspace
    /// Records the change writes: id and type.
    let created: [String: String]
    /// Records the change deletes.
    let deleted: Set<String>
    private var listing: [RecordFile]?

    init(workspace: Workspace, created: [String: String], deleted: Set<String>, listing: [RecordFile]? = nil) {
        self.workspace = workspace
        self.created = created
        self.deleted = deleted
        self.listing = listing
    }

    /// An index that knows the id and type (not the fields) of every record `documents` refer
    /// to, or of every record when one of them is not where its id puts it.
    mutating func index(for documents: [(type: RecordType, document: RecordDocument)]) -> WorkspaceIndex {
        var found: [String: Record] = [:]
        var missing = false
        for (type, document) in documents {
            for (key, _) in type.referenceFields {
                for id in document[key]?.strings ?? [] where !id.isEmpty && found[id] == nil {
                    if let record = resolve(id) {
                        found[id] = record
                    } else {
                        missing = true
                    }
                }
            }
        }
        guard missing else { return WorkspaceIndex(schema: workspace.schema, records: found.values.sorted { $0.path < $1.path }) }
        var records = files().filter { !deleted.contains($0.id) && created[$0.id] == nil }
            .map { Record(id: $0.id, type: $0.type, path: $0.path, fields: []) }
        records += created.map { Record(id: $0.key, type: $0.value, path: "", fields: []) }
        return WorkspaceIndex(schema: workspace.schema, records: records.sorted { $0.path < $1.path })
    }

    /// A duplicate-id problem for each new record whose id another record's file has already.
    mutating func duplicates(of created: [String: String], paths: [String: String]) -> [Diagnostic] {
        let new = created.keys.filter { id in paths[id].map { FileIO.kind(of: workspace.absolute($0)) == nil } ?? false }
        guard !new.isEmpty else { return [] }
        let wanted = Set(new)
        var byID: [String: String] = [:]
        for file in files() where wanted.contains(file.id) && !deleted.contains(file.id) { byID[file.id] = byID[file.id] ?? file.path }
        return new.sorted().compactMap { id in
            guard let other = byID[id], let path = paths[id], other != path else { return nil }
            return Diagnostic(code: "duplicate-id", path: path, location: nil, message: "duplicate id '\(id)': \(other) has it too",
                              hint: "ids are unique across the workspace; choose another")
        }
    }

    /// The record `id` names as the change leaves the workspace, or `nil` when it is not found by its likely path.
    private func resolve(_ id: String) -> Record? {
        if let type = created[id] { return Record(id: id, type: type, path: "", fields: []) }
        if deleted.contains(id) || !RecordID.isValid(id) { return nil }
        return RecordScanner.likelyFile(of: id, in: workspace).map { Record(id: $0.id, type: $0.type, path: $0.path, fields: []) }
    }

    private mutating func files() -> [RecordFile] {
        if let listing { return listing }
        let files = RecordScanner.scan(workspace).files
        listing = files
        return files
    }
}

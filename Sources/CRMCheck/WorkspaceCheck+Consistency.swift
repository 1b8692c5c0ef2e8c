import CRMGit
import CRMSyntax
import CRMWorkspace

extension WorkspaceCheck {
    /// A reference that must agree with another of the same record: a call's (or complaint's)
    /// contact is a contact of the call's customer. For each pair of single references of the
    /// type, `owner` (→ X) and `member` (→ Y), where Y has a field of the same name referring to X,
    /// the member's value there must be the record's own. `lookup` finds a record by id as the
    /// change leaves it.
    static func ownerProblems(_ document: RecordDocument, type: RecordType, schema: Schema,
                              lookup: (String) -> Record?) -> [Diagnostic] {
        let references = type.fields.compactMap { field -> (key: String, target: String)? in
            guard case .reference(let target) = field.kind else { return nil }
            return (field.key, target)
        }
        var problems: [Diagnostic] = []
        for owner in references {
            guard let ownerID = document[owner.key]?.string, !ownerID.isEmpty else { continue }
            for member in references where member.key != owner.key {
                guard let memberType = schema.type(named: member.target),
                      case .reference(let target)? = memberType.field(owner.key)?.kind, target == owner.target,
                      let memberID = document[member.key]?.string, !memberID.isEmpty,
                      let record = lookup(memberID), let belongs = record.string(owner.key), !belongs.isEmpty,
                      belongs != ownerID else { continue }
                let location = document.field(member.key)?.valueLocation ?? SourceLocation(line: 1, column: 1)
                problems.append(Diagnostic(
                    code: "wrong-owner", path: document.path, location: location,
                    message: "\(member.key) \(memberID) is \(English.a(memberType.name)) of \(belongs), not of \(ownerID)",
                    hint: "name one of \(ownerID)'s \(memberType.folder) (crm show \(ownerID) lists them), or correct \(owner.key)",
                    sourceLine: document.sourceLine(location.line)))
            }
        }
        return problems
    }

    /// The changed records' unique values (see `UniqueValues`) against every other record of
    /// their type as the change leaves the workspace: an error, or with `allowsDuplicates` a
    /// warning, on each changed record that repeats one.
    func uniqueProblems(_ documents: [(type: RecordType, document: RecordDocument)], changed: Set<String>,
                        deleted: Set<String>) -> [Diagnostic] {
        let keyed = documents.map { ($0.type, $0.document, UniqueValues.keys(of: $0.document.values, type: $0.type)) }
            .filter { !$0.2.isEmpty }
        guard !keyed.isEmpty else { return [] }
        let types = Dictionary(keyed.map { ($0.0.name, $0.0) }, uniquingKeysWith: { first, _ in first })
        let index = WorkspaceIndex(workspace: workspace, types: Array(types.values))
        var holders: [String: String] = [:]
        for record in index.records where !changed.contains(record.path) && !deleted.contains(record.id) {
            guard let type = types[record.type] else { continue }
            for (field, _, key) in UniqueValues.keys(of: record.fields, type: type) {
                let slot = type.name + "\u{0}" + field.key + "\u{0}" + key
                holders[slot] = min(holders[slot] ?? record.id, record.id)
            }
        }
        var problems: [Diagnostic] = []
        for (type, document, keys) in keyed {
            let id = RecordFile(path: document.path, type: type.name).id
            for (field, text, key) in keys {
                let slot = type.name + "\u{0}" + field.key + "\u{0}" + key
                if let other = holders[slot], other != id {
                    problems.append(UniqueValues.problem(document, field: field.key, text: text, other: other, type: type,
                                                         severity: allowsDuplicates ? .warning : .error))
                } else {
                    holders[slot] = id
                }
            }
        }
        return problems
    }

    /// Records changed since the last commit, checked against their committed version: a
    /// change of state the workflow does not allow (`crm check` sees what `crm commit` would).
    func handEditProblems(_ loaded: RecordLoader.Result) -> [Diagnostic] {
        guard let git = try? WorkspaceGit(workspace: workspace), let head = try? git.repository.head(),
              let status = try? git.status() else { return [] }
        let documents = Dictionary(loaded.documents.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [Diagnostic] = []
        for item in status where item.change == .modified {
            guard case .record(let typeName) = WorkspaceFile(path: item.path, schema: workspace.schema),
                  let type = workspace.schema.type(named: typeName), let document = documents[item.path],
                  let before = (try? git.repository.file(git.repositoryPath(item.path), at: head.id)) ?? nil else { continue }
            problems += Self.lifecycleProblems(document, type: type, before: before)
        }
        return problems
    }
}

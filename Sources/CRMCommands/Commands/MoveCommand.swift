import CRMSyntax
import CRMWorkspace

/// `crm mv ID NEW-ID`: renames a record and every reference to it, in one commit.
enum MoveCommand {
    static let spec = CommandSpec(
        name: "mv",
        abstract: "Rename a record and every reference to it",
        discussion: """
            Renames the record's file and rewrites each reference to it across the workspace (only those
            lines change), all in one commit. Refuses while some record does not parse, since it could
            refer to the record unseen.
            """,
        arguments: [
            ArgumentSpec("id", help: "The record.", completion: .ids),
            ArgumentSpec("new-id", help: "Its new id: lowercase letters, digits and single hyphens."),
        ],
        options: [WorkspaceMutation.noCommitOption],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let (id, newID) = (invocation.arguments[0], invocation.arguments[1])
        if let problem = RecordID.problem(with: newID) {
            throw CommandError("invalid id '\(newID)': \(problem)", hint: RecordID.slug(newID).map { "for example \($0)" })
        }
        let workspace = try context.workspace()
        var mutation = try WorkspaceMutation(workspace)
        let (files, _) = RecordScanner.scan(workspace)
        let loaded = RecordLoader.load(files, root: workspace.root, keepDocuments: true)
        if !loaded.problems.isEmpty {
            throw CommandError("\(plural(loaded.problems.count, "record")) do not parse: "
                               + loaded.problems.prefix(5).map(\.path).joined(separator: ", "),
                               hint: "fix them first (crm check shows how), so no reference is missed")
        }
        let index = WorkspaceIndex(schema: workspace.schema, records: loaded.records)
        guard let record = index.record(id) else {
            var locator = RecordLocator(workspace: workspace)
            _ = try locator.file(id)
            return 1
        }
        guard id != newID else { return 0 }
        if index.record(newID) != nil { throw CommandError("a record with id '\(newID)' exists already") }
        let folder = record.path.split(separator: "/").dropLast().joined(separator: "/")
        let newPath = folder + "/" + newID + ".yaml"
        var updated = 0
        for referrer in index.referrers(of: record) {
            guard let type = workspace.schema.type(named: referrer.type),
                  var document = loaded.documents.first(where: { $0.path == referrer.path }) else { continue }
            for (key, target) in type.referenceFields where target == record.type {
                switch document[key] {
                case .string(id)?:
                    try RecordEdit.apply { () throws(RecordEditError) in try document.set(key, to: .string(newID)) }
                case .list(let items)? where items.contains(id):
                    try RecordEdit.apply { () throws(RecordEditError) in
                        try document.set(key, to: .list(items.map { $0 == id ? newID : $0 }))
                    }
                default:
                    continue
                }
            }
            try mutation.write(document.bytes, to: referrer.path)
            updated += 1
        }
        guard let bytes = try? FileIO.read(workspace.absolute(record.path)) else { throw CommandError("cannot read \(record.path)") }
        try mutation.write(bytes, to: newPath)
        try mutation.delete(record.path)
        _ = try mutation.commit("crm: mv \(id) \(newID)", invocation: invocation, context: &context)
        context.console.line("renamed \(record.type) \(id) to \(newID)" + (updated > 0 ? "; updated \(plural(updated, "reference"))" : ""))
        return 0
    }
}

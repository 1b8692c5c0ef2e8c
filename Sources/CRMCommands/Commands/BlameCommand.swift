import CRMGit
import CRMInterchange
import CRMSyntax
import CRMWorkspace

/// `crm blame ID`: each field with the commit that last changed it.
enum BlameCommand {
    static let format = FormatOption.tables

    static let spec = CommandSpec(
        name: "blame",
        abstract: "Show who last changed each field of a record",
        arguments: [ArgumentSpec("id", help: "The record.", completion: .ids)],
        options: [format.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let workspace = try context.workspace()
        var locator = RecordLocator(workspace: workspace)
        let (file, document) = try locator.document(invocation.arguments[0])
        let git = try History.git(workspace)
        let history = try History.run { () throws(GitError) in try git.history(ofRecord: file.path) }
        var blamed: [String: CommitInfo] = [:]
        let committed = history.first?.change.after ?? []
        let uncommitted = Set(RecordChanges.between(committed, document.values).map { topKey($0.key) })
        for (commit, change) in history {
            for field in change.fields where blamed[topKey(field.key)] == nil {
                blamed[topKey(field.key)] = commit
            }
            if change.kind == .added { break }
        }
        let rows = document.fields.map { field -> (Field, CommitInfo?, Bool) in
            (Field(key: field.key, value: field.value), blamed[field.key], uncommitted.contains(field.key))
        }
        let objects = rows.map { field, commit, pending -> JSON in
            var members: [(key: String, value: JSON)] = [(key: "field", value: .string(field.key)), (key: "value", value: JSON(field.value))]
            if pending {
                members.append((key: "commit", value: .null))
            } else if let commit {
                members += History.json(commit)
            }
            return .object(members)
        }
        if ScriptOutput.write(chosen, objects: objects, context: &context) { return ExitStatus.success }
        let table = TableRenderer(headers: ["field", "commit", "date", "author", "value"], rows: rows.map { field, commit, pending in
            let value = RecordPresentation.inline(field.value).split(separator: "\n").first.map(String.init) ?? ""
            if pending { return [field.key, "-", "", "not committed yet", value] }
            guard let commit else { return [field.key, "?", "", "", value] }
            return [field.key, commit.shortID, History.date(commit.author), commit.author.name, value]
        })
        context.console.write(table.render(width: context.console.width, style: context.console.style))
        return ExitStatus.success
    }

    private static func topKey(_ key: String) -> String {
        String(key.split(separator: ".").first ?? "")
    }
}

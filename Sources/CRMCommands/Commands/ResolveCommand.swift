import CRMChange
import CRMGit
import CRMLocale
import CRMMerge
import CRMSyntax
import CRMWorkspace
import CRMTerminal

/// `crm resolve`: settles what a merge could not.
enum ResolveCommand {
    static let ours = Flag(["--ours"], help: "Keep our value.")
    static let theirs = Flag(["--theirs"], help: "Take the other side's value.")
    static let value = Option<String>(["--value"], value: "value", help: "Set this value instead.")
    static let keep = Flag(["--keep"], help: "Keep a record deleted on the other side.")
    static let delete = Flag(["--delete"], help: "Delete a record changed on one side and deleted on the other.")

    static let spec = CommandSpec(
        name: "resolve",
        abstract: "Settle a merge conflict",
        discussion: """
            Without arguments, lists the conflicts a merge left: fields both sides changed differently
            (the record's `conflicts:` entries) and records deleted on one side and changed on the other.

            `crm resolve ID FIELD --ours` keeps our value, `--theirs` takes the other side's, `--value V`
            sets another; the conflict entry goes, and the change is committed (or staged, while a merge
            is in progress, for `crm sync` or `git commit` to finish). `crm resolve ID --keep` keeps a
            record the other side deleted; `--delete` deletes it.

            Examples:
              crm resolve
              crm resolve acme-trading status --theirs
              crm resolve acme-trading phone --value '+420 601 111 222'
            """,
        arguments: [
            ArgumentSpec("id", help: "The record.", optional: true, completion: .ids),
            ArgumentSpec("field", help: "The field in conflict.", optional: true, completion: .fields),
        ],
        options: [ours.spec, theirs.spec, value.spec, keep.spec, delete.spec] + ChangeFlags.recordSpecs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        guard let id = invocation.arguments.first else { return try list(&context) }
        let given = try invocation[value]
        let choices = [("ours", ours), ("theirs", theirs), ("keep", keep), ("delete", delete)].filter { invocation[$0.1] }.map(\.0)
            + (given != nil ? ["value"] : [])
        guard choices.count == 1 else {
            throw UsageError(choices.isEmpty ? "say how to settle it: --ours, --theirs or --value V (--keep or --delete for a deleted record)"
                                             : "give only one of --\(choices.joined(separator: ", --"))", command: spec)
        }
        if choices == ["keep"] || choices == ["delete"] { return try settleDeletion(id, keep: choices == ["keep"], invocation, &context) }
        guard invocation.arguments.count == 2 else { throw UsageError("name the field in conflict", command: spec) }
        let field = invocation.arguments[1]
        return try RecordEdit.run(invocation, context: &context, message: { "crm: resolve \($0) \(field) (\(choices[0]))" }) { document, type, assignments in
            let entries = MergeConflicts.entries(in: document)
            guard let entry = entries.first(where: { $0.key == field }) else {
                throw CommandError(tr("err-no-conflict-in", ["id": id, "field": field]),
                                   hint: entries.isEmpty ? tr("hint-no-conflicts") : tr("hint-its-conflicts", ["fields": entries.map(\.key).joined(separator: ", ")]))
            }
            let isMap: Bool = {
                if case .map? = type.field(field)?.kind { return true }
                return document[field]?.map != nil
            }()
            try RecordEdit.apply { () throws(RecordEditError) in
                if choices[0] == "theirs" { try take(MergeConflicts.theirs(entry.value, isMap: isMap), for: field, in: &document, type: type) }
                try MergeConflicts.remove(field, from: &document)
            }
            if let text = given {
                let value = try assignments.assign(field, text).value
                try RecordEdit.apply { () throws(RecordEditError) in try take(value, for: field, in: &document, type: type) }
            }
        }
    }

    /// Sets `field` to `value` (`nil` removes it; a map's entries are set one by one).
    private static func take(_ value: Value?, for field: String, in document: inout RecordDocument, type: RecordType) throws(RecordEditError) {
        switch value {
        case nil:
            try document.remove(field)
        case .map(let entries)?:
            for entry in entries { try document.set(field, entry: entry.key, to: entry.value, at: type.position(forNewField: field, in: document)) }
        case let value?:
            try document.set(field, to: value, at: type.position(forNewField: field, in: document))
        }
    }

    /// `--keep` or `--delete` for a record deleted on one side and changed on the other.
    private static func settleDeletion(_ id: String, keep: Bool, _ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        let git = try History.git(workspace)
        var locator = RecordLocator(workspace: workspace)
        let file = try locator.file(id)
        let unmerged = try History.run { () throws(GitError) in try git.unmergedPaths() }
        guard unmerged.contains(where: { $0.path == file.path && !$0.changedOnBothSides }) else {
            throw CommandError(tr("err-not-in-conflict", ["id": id]), hint: tr("hint-not-in-conflict"))
        }
        var change = try ChangeFlags.open(workspace, invocation, context)
        if keep {
            change.commitAsItIs(file.path)
        } else {
            change.delete(file.path)
        }
        try ChangeFlags.apply(&change, message: "crm: resolve \(id) (\(keep ? "keep" : "delete"))", context: &context)
        context.console.line(keep ? "kept \(file.type) \(id)" : "deleted \(file.type) \(id)")
        return ExitStatus.success
    }

    /// Every conflict left, with the command that settles it.
    private static func list(_ context: inout CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        let index = WorkspaceIndex(workspace: workspace)
        var lines: [String] = []
        for record in index.records {
            guard case .map(let entries)? = record[MergeConflicts.field] else { continue }
            let other = record[MergeConflicts.otherField]?.string ?? "the other side"
            for entry in entries {
                let ours = record[entry.key].map(RecordPresentation.inline) ?? "(none)"
                let theirs = RecordPresentation.inline(entry.value)
                lines.append("\(record.id) \(entry.key): ours \(ours), \(other) \(theirs.isEmpty ? "(removed)" : theirs)")
                lines.append("  crm resolve \(record.id) \(entry.key) --ours | --theirs | --value VALUE")
            }
        }
        if let git = try? WorkspaceGit(workspace: workspace) {
            for unmerged in (try? git.unmergedPaths()) ?? [] where !unmerged.changedOnBothSides {
                let id = RecordFile(path: unmerged.path, type: "").id
                lines.append("\(id): deleted on one side and changed on the other")
                lines.append("  crm resolve \(id) --keep | --delete")
            }
        }
        guard !lines.isEmpty else {
            context.console.line("No conflicts.")
            return ExitStatus.success
        }
        for line in lines { context.console.line(TerminalText.escaped(line)) }
        return ExitStatus.nothingFound
    }
}

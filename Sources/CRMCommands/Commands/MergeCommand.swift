import CRMChange
import CRMLocale
import CRMMerge
import CRMSyntax
import CRMWorkspace
import CRMTerminal

/// `crm merge KEEP DROP`: combines two records of one customer or person into one.
enum MergeCommand {
    static let preference = Option.choice(["--prefer"], value: "side", help: "keep or drop: whose value wins where both differ. (default: ask)",
                                      choices: [Side.keep, .drop])

    /// Whose value wins a conflict.
    enum Side: String, Sendable {
        case keep, drop
    }

    static let spec = CommandSpec(
        name: "merge",
        abstract: "Merge a duplicate record into the one kept",
        discussion: """
            Takes the fields only DROP has into KEEP, joins lists, and where both have a field with
            different values asks which to keep (or takes --prefer's side). Every reference to DROP
            across the workspace then points at KEEP, DROP is deleted, and KEEP lists it under
            `merged-from`, all in one commit, so `crm log KEEP` shows the merge and a reference to DROP
            arriving later is reported with KEEP's id.

            Examples:
              crm duplicates
              crm merge acme-trading acme-trading-2
              crm merge jan-novak jan-novak-2 --prefer drop
            """,
        arguments: [
            ArgumentSpec("keep", help: "The record that stays.", completion: .ids),
            ArgumentSpec("drop", help: "The duplicate merged into it and deleted.", completion: .ids),
        ],
        options: [preference.spec] + ChangeFlags.recordSpecs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let prefer = try invocation[preference].map { $0 == .drop }
        guard invocation.arguments[0] != invocation.arguments[1] else { throw UsageError("KEEP and DROP are the same record", command: spec) }
        let workspace = try context.workspace()
        var change = try ChangeFlags.open(workspace, invocation, context)
        let loaded = try ReferenceUpdate.loadAll(workspace)
        let index = WorkspaceIndex(schema: workspace.schema, records: loaded.records)
        let keep = try RecordLocator.record(invocation.arguments[0], in: index)
        let drop = try RecordLocator.record(invocation.arguments[1], in: index)
        let (keepID, dropID) = (keep.id, drop.id)
        guard keepID != dropID else { throw UsageError("KEEP and DROP are the same record", command: spec) }
        guard keep.type == drop.type, let type = workspace.schema.type(named: keep.type) else {
            throw CommandError(tr("err-merge-types", ["keep": keepID, "keep-type": Translation.current.typeName(keep.type),
                                                      "drop": dropID, "drop-type": Translation.current.typeName(drop.type)]),
                               hint: tr("hint-merge-types"))
        }
        let documents = Dictionary(loaded.documents.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let combination = try RecordCombination(kept: documents[keep.path]!, dropped: documents[drop.path]!, droppedID: dropID,
                                                type: type) { conflict in
            try choose(conflict, prefer: prefer, keepID: keepID, dropID: dropID, &context)
        }
        change.write(combination.document.bytes, to: keep.path)
        let moved = try ReferenceUpdate.retarget(from: drop, to: keepID, index: index, documents: documents, except: [keepID],
                                                 change: &change)
        change.delete(drop.path)
        try ChangeFlags.apply(&change, message: "crm: merge \(dropID) into \(keepID)", context: &context)
        var summary = "merged \(type.name) \(dropID) into \(keepID)"
        if !combination.taken.isEmpty { summary += "; took " + combination.taken.joined(separator: ", ") }
        let overridden = combination.conflicts.filter(\.tookDropped).map(\.conflict.path)
        if !overridden.isEmpty { summary += "; took \(dropID)'s " + overridden.joined(separator: ", ") }
        if moved > 0 { summary += "; moved \(plural(moved, "reference"))" }
        context.console.line(summary)
        return ExitStatus.success
    }

    /// Whether DROP's value wins a conflict: `--prefer`, else the person's answer.
    private static func choose(_ conflict: RecordCombination.Conflict, prefer: Bool?, keepID: String, dropID: String,
                               _ context: inout CommandContext) throws(CommandError) -> Bool {
        if let prefer { return prefer }
        let kept = RecordPresentation.inline(conflict.kept)
        let dropped = RecordPresentation.inline(conflict.dropped)
        while true {
            context.console.error("\(conflict.path): keep \(keepID)'s '\(TerminalText.escaped(kept))' [k] "
                                  + "or take \(dropID)'s '\(TerminalText.escaped(dropped))' [d]? ")
            context.console.flush()
            guard let answer = context.console.readLine() else {
                throw CommandError("\(keepID) and \(dropID) differ in '\(conflict.path)': '\(kept)' and '\(dropped)'; nothing was changed",
                                   hint: "say whose values win with --prefer keep or --prefer drop")
            }
            switch answer.trimmingWhitespace().lowercased() {
            case "k", "keep": return false
            case "d", "drop": return true
            default: continue
            }
        }
    }
}

import CRMInterchange
import CRMWorkspace

/// `crm vdir sync DIR [--type contact|customer] [--dry-run] [--delete]`: two-way sync of a
/// type's records with a vdir of vCards (docs/phones.md).
enum VdirCommand {
    static let type = Option<String>(["--type"], value: "type", help: "contact or customer. (default: contact)",
                                     completion: .choices(["contact", "customer"]))
    static let dryRun = Flag(["--dry-run"], help: "Say what would change on both sides; change nothing.")
    static let delete = Flag(["--delete"], help: "Delete the records whose cards were deleted in the folder.")

    static let spec = CommandSpec(
        name: "vdir",
        abstract: "Sync contacts with a folder of vCards (phones, address books)",
        discussion: """
            sync DIR: two-way sync between contacts (or --type customer, as organisation cards) and
            a vdir, one .vcf file per record, as vdirsyncer keeps it in step with a CardDAV server
            (Nextcloud, Radicale, iCloud) and khard reads it. Each record keeps its card's UID in
            `uid`. A card changed in the folder updates its record's fields; a record changed in
            crm rewrites its card, keeping what the card has that crm has no field for; a field
            changed on both sides keeps crm's value and the card's is reported. New cards become
            records; a card deleted in the folder is reported (its record deleted with --delete);
            a record deleted in crm deletes its card. One commit per sync.

            Examples:
              crm vdir sync ~/.contacts/work --dry-run
              crm vdir sync ~/.contacts/work && vdirsyncer sync
            """,
        arguments: [
            ArgumentSpec("action", help: "sync.", completion: .choices(["sync"])),
            ArgumentSpec("folder", help: "The vdir: a folder of .vcf files.", completion: .files),
        ],
        options: [type.spec, dryRun.spec, delete.spec] + ChangeFlags.specs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        guard invocation.arguments[0] == "sync" else {
            throw UsageError("unknown action '\(invocation.arguments[0])'; crm vdir has sync", command: spec)
        }
        let workspace = try context.workspace()
        let recordType = try RecordPresentation.type(named: try invocation[type] ?? "contact", in: workspace.schema)
        guard ["contact", "customer"].contains(recordType.name) else {
            throw UsageError("vCards are made of contacts and customers, not \(recordType.name) records", command: spec)
        }
        let folder = FileIO.absolute(invocation.arguments[1], from: context.currentDirectory)
        let preview = invocation[dryRun]
        var change = try ChangeFlags.open(workspace, invocation, context)
        let input = try context.valueInput()
        let now = try context.now()
        let revision = now.date.description.replacing("-", with: "") + "T"
            + [now.seconds / 3600, now.seconds / 60 % 60, now.seconds % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined() + "Z"
        let sync = try ImportCommand.imported { () throws(ImportError) in
            try VdirSync(workspace: workspace, folder: folder, type: recordType, deleting: invocation[delete], input: input, revision: revision)
        }
        let report = sync.report
        let would = preview ? "would " : ""
        func say(_ what: String, _ items: [String]) {
            for item in items { context.console.line(TerminalText.escaped("\(would)\(what) \(item)")) }
        }
        say("create", report.created)
        say("update", report.updated)
        say("write card", report.cardsWritten)
        say("delete card", report.cardsDeleted)
        say("delete", report.recordsDeleted)
        for conflict in report.conflicts { context.console.line("conflict: " + TerminalText.escaped(conflict)) }
        for waiting in report.deletionsWaiting {
            context.console.line("card deleted in the folder, record kept: \(TerminalText.escaped(waiting))")
        }
        for refused in report.refused { context.console.error("refused: " + TerminalText.escaped(refused) + "\n") }
        let summary = "\(report.updated.count) updated, \(report.created.count) created, \(report.cardsWritten.count) cards written, "
            + "\(report.cardsDeleted.count) cards deleted, \(report.conflicts.count) conflicts, \(report.deletionsWaiting.count) deletions waiting"
        guard !preview else {
            context.console.line("nothing changed (--dry-run): " + summary)
            return report.refused.isEmpty ? ExitStatus.success : ExitStatus.failed
        }
        for (file, bytes) in sync.importer.files { change.write(bytes, to: file) }
        for path in sync.deletions { change.delete(path) }
        let name = StagedFiles.name(of: folder)
        try ChangeFlags.apply(&change, message: "crm: vdir sync \(name)\n\n\(summary)\n", context: &context)
        do {
            try sync.writeCards()
            try sync.state.save(in: workspace)
        } catch {
            throw CommandError("the records are committed, but the cards could not be written: \(error.description)",
                               hint: "run crm vdir sync again; it picks up where this one stopped")
        }
        context.console.line("synced \(recordType.name) records with \(TerminalText.escaped(invocation.arguments[1])): " + summary)
        return report.refused.isEmpty ? ExitStatus.success : ExitStatus.failed
    }
}

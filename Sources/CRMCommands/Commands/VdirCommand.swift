import CRMInterchange
import CRMSyntax
import CRMWorkflow
import CRMWorkspace
import CRMTerminal

/// `crm vdir sync DIR [--type contact|customer] [--dry-run] [--delete]`: two-way sync of a
/// type's records with a vdir of vCards (docs/phones.md).
enum VdirCommand {
    static let type = Option<String>(["--type"], value: "type", help: "contact or customer. (default: contact)",
                                     completion: .choices(["contact", "customer"]))
    static let dryRun = Flag(["--dry-run"], help: "Say what would change on both sides; change nothing.")
    static let delete = Flag(["--delete"], help: "Delete the records whose cards were deleted in the folder.")
    static let calendar = Flag(["--calendar"], help: "The folder is a calendar: the agenda's tasks, one .ics file each.")
    static let days = Option<Int>.number(["--days"], from: 0, help: "With --calendar: how many days ahead. (default: 30)")

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

            With --calendar, DIR is a calendar vdir: the agenda (follow-ups, complaint deadlines,
            customers due for contact; --days ahead) as one VTODO file each, with stable UIDs, and
            what was done in the last 30 days completed. A follow-up ticked off on the phone is
            marked done (follow-up-done), in the sync's commit.

            Examples:
              crm vdir sync ~/.contacts/work --dry-run
              crm vdir sync ~/.contacts/work && vdirsyncer sync
              crm vdir sync ~/.calendars/crm --calendar
            """,
        arguments: [
            ArgumentSpec("action", help: "sync.", completion: .choices(["sync"])),
            ArgumentSpec("folder", help: "The vdir: a folder of .vcf files.", completion: .files),
        ],
        options: [type.spec, calendar.spec, days.spec, dryRun.spec, delete.spec] + ChangeFlags.specs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        guard invocation.arguments[0] == "sync" else {
            throw UsageError("unknown action '\(invocation.arguments[0])'; crm vdir has sync", command: spec)
        }
        let workspace = try context.workspace()
        if invocation[calendar] { return try calendarSync(workspace, invocation, &context) }
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

    /// `--calendar`: the agenda's tasks written to the folder, and follow-ups ticked off there marked done.
    private static func calendarSync(_ workspace: Workspace, _ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let folder = FileIO.absolute(invocation.arguments[1], from: context.currentDirectory)
        guard FileIO.isDirectory(folder) else {
            throw CommandError("\(invocation.arguments[1]) is not a folder", hint: "make it (mkdir -p), or point vdirsyncer's storage at it first")
        }
        let preview = invocation[dryRun]
        var change = try ChangeFlags.open(workspace, invocation, context)
        let index = WorkspaceIndex(workspace: workspace)
        let today = try context.today()
        let now = try context.now()
        let ahead = try invocation[days] ?? 30
        let plan: AgendaVdir
        do {
            plan = try AgendaVdir(folder: folder, index: index, today: today, now: now, days: ahead, name: workspace.config.name)
        } catch {
            throw CommandError(error.message, hint: error.hint)
        }
        let would = preview ? "would " : ""
        for done in plan.done { context.console.line("\(would)mark done \(done.call) (\(done.day))") }
        for write in plan.writes { context.console.line("\(would)write task \(TerminalText.escaped(write.file))") }
        for file in plan.removals { context.console.line("\(would)remove task \(TerminalText.escaped(file))") }
        for note in plan.notes { context.console.line(TerminalText.escaped(note)) }
        let summary = "\(plan.done.count) follow-ups done, \(plan.writes.count) tasks written, \(plan.removals.count) removed"
        guard !preview else {
            context.console.line("nothing changed (--dry-run): " + summary)
            return ExitStatus.success
        }
        if !plan.done.isEmpty, let callType = workspace.schema.type(named: "call") {
            let input = try context.valueInput()
            var importer = try ImportCommand.imported { () throws(ImportError) in try RecordImport(workspace: workspace, input: input) }
            for done in plan.done {
                importer.add(RecordImport.Item(label: done.call, type: callType, id: done.call,
                                               fields: [Field(key: "follow-up-done", value: .string(done.day.description))]), key: nil)
            }
            importer.validate()
            for (file, bytes) in importer.files { change.write(bytes, to: file) }
            try ChangeFlags.apply(&change, message: "crm: vdir sync \(StagedFiles.name(of: folder)) --calendar\n\n\(summary)\n", context: &context)
        }
        do {
            try plan.apply()
        } catch {
            throw CommandError("the follow-ups are committed, but the tasks could not be written: \(error.description)",
                               hint: "run crm vdir sync --calendar again")
        }
        context.console.line("synced the agenda with \(TerminalText.escaped(invocation.arguments[1])): " + summary)
        return ExitStatus.success
    }
}

import CRMInterchange
import CRMSyntax
import CRMWorkspace

/// `crm import csv|vcard|json FILE`: records from spreadsheets, address books and other CRMs.
enum ImportCommand {
    static let formats = ["csv", "vcard", "json"]

    static let spec = CommandSpec(
        name: "import",
        abstract: "Import records from CSV, vCard or JSON",
        discussion: """
            csv FILE --type TYPE: one record per row. Columns go to the fields of the same name (without
            regard to case or diacritics; `address.city` or `city` for a map's entry; an `id` column names
            the record) or as --map COLUMN=FIELD says; other columns are left out, and said so. The
            separator (',' or ';') is found from the header; UTF-8 with or without a byte order mark, or
            --encoding windows-1250 for Czech spreadsheet exports.
            vcard FILE|DIR: contacts, with their companies (ORG) as customers; what a contact has no
            field for (more phones and e-mails, addresses) goes into its notes, and the rest is listed as
            left out.
            json FILE: what `crm list --format json` or `crm export --format json|jsonl` wrote.

            Every record is checked like `crm new`; a bad row is reported with its number and skipped,
            never half-written. With --key FIELD (for example email or reg-no; vcard: email by default)
            a record whose FIELD matches is updated instead of created, so importing the same file again
            creates nothing. A record with an existing id is updated. --dry-run says what would be
            created, updated and rejected. The import is one commit. Exits with 1 when a row was rejected.

            Examples:
              crm import csv customers.csv --type customer --key reg-no --dry-run
              crm import csv kontakty.csv --type contact --map 'E-mail=email' --map 'Firma=customer' --encoding windows-1250
              crm import vcard contacts.vcf
              crm import json backup.json
            """,
        arguments: [
            ArgumentSpec("format", help: "csv, vcard or json.", completion: .choices(formats)),
            ArgumentSpec("file", help: "The file (vcard: or a folder of .vcf files).", completion: .files),
        ],
        options: [
            OptionSpec(["--type"], value: "type", help: "csv: the type of the records.", completion: .types),
            OptionSpec(["--map"], value: "column=field", help: "csv: put COLUMN into FIELD (repeatable).", repeatable: true),
            OptionSpec(["--key"], value: "field", help: "Update the record whose FIELD matches instead of creating one."),
            OptionSpec(["--encoding"], value: "encoding", help: "csv: utf-8 or windows-1250. (default: utf-8)",
                       completion: .choices(CSVEncoding.allCases.map(\.rawValue))),
            OptionSpec(["--dry-run"], help: "Say what would be created, updated and rejected; change nothing."),
            WorkspaceMutation.noCommitOption,
        ],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let format = invocation.arguments[0]
        guard formats.contains(format) else {
            throw UsageError("unknown format '\(format)'" + (Suggestions.closest(to: format, in: formats).map { "; did you mean '\($0)'?" } ?? "")
                             + " (csv, vcard or json)", command: spec)
        }
        let workspace = try context.workspace()
        let path = FileIO.absolute(invocation.arguments[1], from: context.currentDirectory)
        var importer = try RecordImport(workspace: workspace, context: context)
        var notes: [String] = []
        switch format {
        case "csv":
            guard let name = invocation.value("type") else { throw UsageError("say which type the rows are: --type TYPE", command: spec) }
            let type = try RecordPresentation.type(named: name, in: workspace.schema)
            let encoding = try invocation.value("encoding").map { text throws(UsageError) -> CSVEncoding in
                guard let encoding = CSVEncoding(rawValue: text.lowercased()) else {
                    throw UsageError("--encoding takes utf-8 or windows-1250, not '\(text)'", command: spec)
                }
                return encoding
            } ?? .utf8
            notes = try CSVImport.run(try read(path, invocation.arguments[1]), path: invocation.arguments[1], type: type,
                                      maps: invocation.values("map"), key: invocation.value("key"), encoding: encoding, into: &importer)
        case "vcard":
            notes = try VCardImport.run(path, shown: invocation.arguments[1], schema: workspace.schema, key: invocation.value("key") ?? "email",
                                        into: &importer)
        default:
            try JSONImport.run(try read(path, invocation.arguments[1]), path: invocation.arguments[1], schema: workspace.schema,
                               key: invocation.value("key"), into: &importer)
        }
        importer.validate()
        for note in notes { context.console.error(TerminalText.escaped(note) + "\n") }
        let dryRun = invocation.flag("dry-run")
        report(importer.outcomes, dryRun: dryRun, &context)
        let created = importer.outcomes.filter { $0.kind == .created }.count
        let updated = importer.outcomes.filter { if case .updated = $0.kind { return true } else { return false } }.count
        let rejected = importer.outcomes.filter { if case .rejected = $0.kind { return true } else { return false } }.count
        if !dryRun {
            let file = invocation.arguments[1].split(separator: "/").last.map(String.init) ?? invocation.arguments[1]
            try importer.write(message: "crm: import \(format) \(file) (\(created) new, \(updated) updated)", invocation: invocation,
                               context: &context)
        }
        context.console.line((dryRun ? "would create " : "created ") + "\(created), " + (dryRun ? "update " : "updated ") + "\(updated), "
                             + "left \(importer.outcomes.count - created - updated - rejected) unchanged, rejected \(rejected)")
        return rejected > 0 ? 1 : 0
    }

    private static func read(_ path: String, _ shown: String) throws(CommandError) -> [UInt8] {
        do {
            return try FileIO.read(path)
        } catch {
            throw CommandError("cannot read \(shown): \(error.description)")
        }
    }

    /// One line per record: what happened (or would happen) to it.
    private static func report(_ outcomes: [RecordImport.Outcome], dryRun: Bool, _ context: inout CommandContext) {
        for outcome in outcomes {
            let record = "\(outcome.type) \(outcome.id ?? "")"
            switch outcome.kind {
            case .created:
                context.console.line("\(outcome.label): " + (dryRun ? "would create " : "created ") + record)
            case .updated(let fields):
                context.console.line("\(outcome.label): " + (dryRun ? "would update " : "updated ") + record + ": " + fields.joined(separator: ", "))
            case .unchanged:
                context.console.line("\(outcome.label): \(record) unchanged")
            case .rejected(let reason):
                context.console.error("\(outcome.label): rejected: \(TerminalText.escaped(reason))\n")
            }
        }
    }
}

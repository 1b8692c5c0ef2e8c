import CRMChange
import CRMInterchange
import CRMSyntax
import CRMWorkspace
import CRMTerminal

/// `crm import csv|vcard|json FILE`: records from spreadsheets, address books and other CRMs.
enum ImportCommand {
    enum Format: String, Sendable, CaseIterable {
        case csv, vcard, json, isdoc, bank
    }

    static let type = Option<String>(["--type"], value: "type", help: "csv: the type of the records.", completion: .types)
    static let map = Option<String>(["--map"], value: "column=field", help: "csv: put COLUMN into FIELD (repeatable).", repeatable: true)
    static let key = Option<String>(["--key"], value: "field", help: "Update the record whose FIELD matches instead of creating one.")
    static let encoding = Option.choice(["--encoding"], value: "encoding", help: "csv: utf-8 or windows-1250. (default: utf-8)",
                                        choices: CSVEncoding.allCases)
    static let dryRun = Flag(["--dry-run"], help: "Say what would be created, updated and rejected; change nothing.")
    static let createCustomers = Flag(["--create-customers"], help: "isdoc: create the customer an invoice names when no customer has its IČO or DIČ.")

    static let spec = CommandSpec(
        name: "import",
        abstract: "Import records, ISDOC invoices and bank payments",
        discussion: """
            csv FILE --type TYPE: one record per row. Columns go to the fields of the same name (without
            regard to case or diacritics; `address.city` or `city` for a map's entry; an `id` column names
            the record) or as --map COLUMN=FIELD says; other columns are left out, and said so. The
            separator (',' or ';') is found from the header; UTF-8 with or without a byte order mark, or
            --encoding windows-1250 for Czech spreadsheet exports. A list field's items are separated by
            commas; an item that holds a comma is quoted ("a, b"), as `crm export` writes it.
            vcard FILE|DIR: contacts, with their companies (ORG) as customers; what a contact has no
            field for (more phones and e-mails, addresses) goes into its notes, and the rest is listed as
            left out.
            json FILE: what `crm list --format json` or `crm export --format json|jsonl` wrote.
            isdoc FILE|DIR...: ISDOC invoices (.isdoc, and .isdocx with unzip installed), as Czech accounting
            programs export them: the customer found by IČO, else DIČ (--create-customers makes it when
            none has them), credit notes as negative invoices linked to their original. The same document
            imported again updates what changed.
            bank FILE...: statements in camt.053 XML or GPC (ABO): each credit pays the unpaid invoice with
            its variable symbol and currency (in full: paid; in part: paid-amount), once, however often
            the statement is imported. Payments that match no invoice are listed (exit 1).

            Every record is checked like `crm new`; a bad row is reported with its number and skipped,
            never half-written. With --key FIELD (for example email or reg-no; vcard: email by default)
            a record whose FIELD matches is updated instead of created, so importing the same file again
            creates nothing. A record with an existing id is updated. --dry-run says what would be
            created, updated and rejected. The import is one commit. Exits with 2 when a row was
            rejected (the other rows are imported).

            Examples:
              crm import csv customers.csv --type customer --key reg-no --dry-run
              crm import csv kontakty.csv --type contact --map 'E-mail=email' --map 'Firma=customer' --encoding windows-1250
              crm import vcard contacts.vcf
              crm import json backup.json
              crm import isdoc ~/Export/faktury --dry-run
              crm import bank vypis-2026-11.xml vypis-2026-11.gpc
            """,
        arguments: [
            ArgumentSpec("format", help: "csv, vcard, json, isdoc or bank.", completion: .choices(Format.allCases.map(\.rawValue))),
            ArgumentSpec("file", help: "The file (vcard, isdoc: or a folder; isdoc, bank: one or more).", repeating: true, completion: .files),
        ],
        options: [type.spec, map.spec, key.spec, encoding.spec, dryRun.spec, createCustomers.spec] + ChangeFlags.recordSpecs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        guard let format = Format(rawValue: invocation.arguments[0]) else {
            let words = Format.allCases.map(\.rawValue)
            throw UsageError("unknown format '\(invocation.arguments[0])'"
                             + (Suggestions.closest(to: invocation.arguments[0], in: words).map { "; did you mean '\($0)'?" } ?? "")
                             + " (csv, vcard, json, isdoc or bank)", command: spec)
        }
        if format == .isdoc || format == .bank { return try accounting(format, invocation, &context) }
        guard invocation.arguments.count == 2 else {
            throw UsageError("\(format.rawValue) imports one file at a time", command: spec)
        }
        let workspace = try context.workspace()
        let shown = invocation.arguments[1]
        let path = FileIO.absolute(shown, from: context.currentDirectory)
        let input = try context.valueInput()
        var importer = try imported { () throws(ImportError) in try RecordImport(workspace: workspace, input: input) }
        var notes: [String] = []
        switch format {
        case .csv:
            guard let name = try invocation[type] else { throw UsageError("say which type the rows are: --type TYPE", command: spec) }
            let recordType = try RecordPresentation.type(named: name, in: workspace.schema)
            let bytes = try read(path, shown)
            let maps = try invocation.all(map)
            let field = try invocation[key]
            let chosen = try invocation[encoding] ?? .utf8
            notes = try imported { () throws(ImportError) in
                try CSVImport.run(bytes, path: shown, type: recordType, maps: maps, key: field, encoding: chosen, into: &importer)
            }
        case .vcard:
            let field = try invocation[key] ?? "email"
            notes = try imported { () throws(ImportError) in
                try VCardImport.run(path, shown: shown, schema: workspace.schema, key: field, into: &importer)
            }
        case .json:
            let bytes = try read(path, shown)
            let field = try invocation[key]
            try imported { () throws(ImportError) in try JSONImport.run(bytes, path: shown, schema: workspace.schema, key: field, into: &importer) }
        case .isdoc, .bank:
            return ExitStatus.usage
        }
        importer.validate()
        for note in notes { context.console.error(TerminalText.escaped(note) + "\n") }
        let isDryRun = invocation[dryRun]
        report(importer.outcomes, dryRun: isDryRun, &context)
        let created = importer.outcomes.filter { $0.kind == .created }.count
        let updated = importer.outcomes.filter { if case .updated = $0.kind { return true } else { return false } }.count
        let rejected = importer.outcomes.filter { if case .rejected = $0.kind { return true } else { return false } }.count
        if !isDryRun && !importer.files.isEmpty {
            var change = try ChangeFlags.open(workspace, invocation, context)
            for (file, bytes) in importer.files { change.write(bytes, to: file) }
            let name = StagedFiles.name(of: shown)
            try ChangeFlags.apply(&change, message: "crm: import \(format.rawValue) \(name) (\(created) new, \(updated) updated)", context: &context)
        }
        context.console.line((isDryRun ? "would create " : "created ") + "\(created), " + (isDryRun ? "update " : "updated ") + "\(updated), "
                             + "left \(importer.outcomes.count - created - updated - rejected) unchanged, rejected \(rejected)")
        return rejected > 0 ? ExitStatus.failed : ExitStatus.success
    }

    /// Runs an import step, turning its error into one for people.
    @discardableResult
    static func imported<T>(_ body: () throws(ImportError) -> T) throws(CommandError) -> T {
        do {
            return try body()
        } catch {
            if error.problems.count == 1, error.problems[0].message == error.message { throw CommandError(diagnostic: error.problems[0]) }
            throw CommandError(error.message, hint: error.hint, problems: error.problems)
        }
    }

    private static func read(_ path: String, _ shown: String) throws(CommandError) -> [UInt8] {
        do {
            return try FileIO.read(path)
        } catch {
            throw CommandError("cannot read \(shown): \(error.description)")
        }
    }

    /// One line per record: what happened (or would happen) to it.
    static func report(_ outcomes: [RecordImport.Outcome], dryRun: Bool, _ context: inout CommandContext) {
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

import CRMInterchange
import CRMLocale
import CRMQuery
import CRMSyntax
import CRMWorkflow
import CRMWorkspace

/// `crm export TYPE --format …`: records for spreadsheets, scripts, address books and calendars.
enum ExportCommand {
    static let format = FormatOption.export
    static let condition = Option<String>(["--where"], value: "condition", help: "Only the records that meet the condition (see docs/query.md).")
    static let output = Option<String>(["-o", "--output"], value: "file", help: "Write to this file instead of standard output.", completion: .files)
    static let bom = Flag(["--bom"], help: "csv: start with a UTF-8 byte order mark, for Excel.")
    static let encoding = Option.choice(["--encoding"], value: "encoding", help: "csv: utf-8 or windows-1250, as import reads it. (default: utf-8)",
                                        choices: CSVEncoding.allCases)
    static let separator = Option<String>(["--separator"], value: "char", help: "csv: ',' or ';'. (default: ',')", completion: .choices([",", ";"]))

    static let spec = CommandSpec(
        name: "export",
        abstract: "Export records as CSV, JSON, vCard or iCalendar",
        discussion: """
            csv: every field of the type, one column each (a map's entries as address.city, a list's items
            joined with ", ", an item that holds a comma quoted), with an id column; opens in LibreOffice
            and Excel (--bom, --separator ';').
            A value starting with =, +, -, @, a tab or a carriage return is written with a leading ' so
            that a spreadsheet does not run it as a formula (`crm import csv` takes the ' off again).
            json, jsonl: the form `crm list --format json` writes; `crm import json` reads it back.
            vcard: vCard 4.0 of contacts (their customer as ORG) or customers, for address books.
            ics: iCalendar tasks (VTODO) of calls' pending follow-ups and open complaints' deadlines, with
            stable UIDs, so importing again updates a calendar instead of duplicating.

            Examples:
              crm export customer --format csv --bom --separator ';' -o customers.csv
              crm export contact --format vcard -o contacts.vcf
              crm export call --format ics --where 'by = martin' -o follow-ups.ics
            """,
        arguments: [ArgumentSpec("type", help: "The type of the records.", completion: .types)],
        options: [format.spec, condition.spec, output.spec, bom.spec, separator.spec, encoding.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        guard let chosen = try invocation[format] else { throw UsageError("say which format: --format csv, json, jsonl, vcard or ics", command: spec) }
        let separator = try invocation[self.separator] ?? ","
        guard [",", ";"].contains(separator) else { throw UsageError("--separator takes ',' or ';', not '\(separator)'", command: spec) }
        let workspace = try context.workspace()
        let today = try context.today()
        let type = try RecordPresentation.type(named: invocation.arguments[0], in: workspace.schema)
        let query = try invocation[condition].map { text throws(CommandError) in
            try RecordPresentation.query(text, type: type, workspace: workspace, today: today, context: context)
        }
        let index = WorkspaceIndex(workspace: workspace)
        for problem in index.problems { context.report(problem) }
        var positions = index.positions(ofType: type.name)
        if let query { positions = query.filter(positions, in: index) }
        let records = positions.map { index.records[$0] }
        var bytes: [UInt8]
        let chosenEncoding = try invocation[encoding] ?? .utf8
        if chosenEncoding == .windows1250 && chosen != .csv {
            throw UsageError("--encoding is for --format csv; the other formats are UTF-8", command: spec)
        }
        switch chosen {
        case .csv:
            if chosenEncoding == .windows1250 && invocation[bom] {
                throw UsageError("--bom is for UTF-8; a Windows-1250 file has no byte order mark", command: spec)
            }
            let writer = CSVWriter(separator: Character(separator), byteOrderMark: invocation[bom])
            let columns = RecordCSV.columns(type)
            let rows = records.map { record in columns.map { RecordCSV.cell($0, of: record) } }
            bytes = writer.write(header: columns, rows: rows)
            if chosenEncoding == .windows1250 { bytes = try windows1250(bytes, rows: rows, records: records) }
        case .json:
            bytes = Array((JSON.array(records.map { RecordJSON.object($0) }).pretty + "\n").utf8)
        case .jsonl:
            bytes = Array(records.map { RecordJSON.object($0).compact + "\n" }.joined().utf8)
        case .vcard:
            guard ["contact", "customer"].contains(type.name) else {
                throw CommandError("vCards are made of contacts and customers, not \(type.name) records", hint: "crm export contact --format vcard")
            }
            bytes = VCardWriter.write(records.map { ContactCards.card(for: $0, index: index) })
        default:
            let wanted = Set(records.map(\.id))
            let items = Agenda(index: index, today: today, days: 36_500).items.filter { wanted.contains($0.record.id) }
            guard !items.isEmpty || !records.isEmpty else {
                throw CommandError(tr("err-nothing-to-export", ["type": type.name]))
            }
            bytes = AgendaCalendar.calendar(items, index: index, now: try context.now(), name: workspace.config.name).bytes()
        }
        if let output = try invocation[self.output] {
            do {
                try AtomicFile.write(bytes, to: FileIO.absolute(output, from: context.currentDirectory))
            } catch {
                throw CommandError(error.description)
            }
            context.console.error("exported \(plural(records.count, "\(type.name) record")) to \(output)\n")
        } else if chosenEncoding == .windows1250 {
            context.console.write(bytes: bytes)
        } else {
            context.console.write(String(decoding: bytes, as: UTF8.self))
        }
        return History.status(found: true, problems: index.problems)
    }

    /// The CSV in Windows-1250, or an error naming the first value with a character the code
    /// page has no byte for (an emoji, a Cyrillic letter), and the record it is in.
    private static func windows1250(_ text: [UInt8], rows: [[String]], records: [Record]) throws(CommandError) -> [UInt8] {
        if let bytes = Windows1250.encode(String(decoding: text, as: UTF8.self)) { return bytes }
        for (record, row) in zip(records, rows) {
            for cell in row where Windows1250.encode(cell) == nil {
                let character = cell.first { Windows1250.encode(String($0)) == nil }.map(String.init) ?? "?"
                let code = character.unicodeScalars.first.map { String($0.value, radix: 16, uppercase: true) } ?? ""
                throw CommandError("\(record.path): '\(character)' (U+\(code)) has no place in windows-1250, so the file would lose it",
                                   hint: "export in UTF-8 (the default, --bom for Excel), or change the value")
            }
        }
        throw CommandError("the export has characters windows-1250 cannot hold", hint: "export in UTF-8")
    }
}

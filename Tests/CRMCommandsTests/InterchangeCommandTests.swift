import CRMInterchange
import Foundation
import Testing
@testable import CRMCommands

/// `crm import` and `crm export`: round trips that lose nothing, awkward CSV files, vCards that
/// khard reads, and iCalendar that Python's `icalendar` reads.
@Suite("Import and export", .serialized)
struct InterchangeCommandTests {
    /// An empty workspace in git with sample-workspace's types, and a copy of sample-workspace.
    static func workspaces() throws -> (target: GitFixture, sample: String) {
        let target = try GitFixture()
        let types = CLIHarness.sampleWorkspace.appendingPathComponent(".crm/types")
        for name in try FileManager.default.contentsOfDirectory(atPath: types.path) {
            let destination = target.root + "/.crm/types/" + name
            try? FileManager.default.removeItem(atPath: destination)
            try FileManager.default.copyItem(atPath: types.path + "/" + name, toPath: destination)
        }
        try target.git("add", "-A")
        try target.git("commit", "-q", "-m", "sample types")
        return (target, try CLIHarness.copyOfSample())
    }

    static func export(_ arguments: [String], from folder: String) -> String {
        let result = CLIHarness.run(["export"] + arguments, in: folder)
        #expect(result.status == 0, "\(result.errors)")
        return result.output
    }

    @Test("CSV → records → CSV and JSON → records → JSON lose nothing", arguments: ["csv", "json"])
    func roundTrip(format: String) throws {
        let (target, sample) = try Self.workspaces()
        defer { try? FileManager.default.removeItem(atPath: sample) }
        let tagged = CLIHarness.run(["set", "skoda-transport", "tags=\"Brno, Královo Pole\", \"say \"\"hi\"\"\", vip"], in: sample)
        #expect(tagged.status == 0, "\(tagged.errors)")
        #expect(try String(contentsOfFile: sample + "/customers/skoda-transport.yaml", encoding: .utf8)
            .contains("tags: ['Brno, Královo Pole', say \"hi\", vip]"))
        for type in ["customer", "contact", "call", "complaint"] {
            let exported = Self.export([type, "--format", format], from: sample)
            let file = target.root + "/../\(type)-\(UUID().uuidString.prefix(6)).\(format)"
            try Data(exported.utf8).write(to: URL(fileURLWithPath: file))
            defer { try? FileManager.default.removeItem(atPath: file) }
            let imported = target.crm(["import", format, file] + (format == "csv" ? ["--type", type] : []))
            #expect(imported.status == 0, "\(imported.errors)")
            #expect(Self.export([type, "--format", format], from: target.root) == exported)
        }
        let shown = CLIHarness.run(["show", "skoda-transport", "--format", "jsonl"], in: target.root).output
        #expect(shown.contains(#""tags":["Brno, Královo Pole","say \"hi\"","vip"]"#), "\(shown)")
        #expect(target.crm(["check"]).status == 0)
        #expect(try target.git("status", "--porcelain") == "")
        #expect(try target.git("log", "--format=%s", "-4").hasPrefix("crm: import \(format) complaint-"))
    }

    static let people = """
        Jméno;E-mail;Firma;Telefon;Poznámka;Štítky
        Jan Novák;jan@acme.cz;acme;601 111 222;"Volat dopoledne; ""důležité""
        druhý řádek";vip
        Eva Malá;eva@acme.cz;acme;;;
        Petr Bílý;petr@acme.cz;nikdo;;;
        Ota Ruda;;acme;;;;;navíc
        =HYPERLINK("x");ota@acme.cz;acme;;;

        """

    @Test("Awkward CSV: semicolons, quotes, line breaks, Windows-1250, ragged and bad rows, re-import with --key")
    func awkwardCSV() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": "name: Acme\n"])
        let file = fixture.root + "/../people-\(UUID().uuidString.prefix(6)).csv"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let bytes = [UInt8](Self.people.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        try Data(Windows1250.encode(String(decoding: Array(bytes.joined(separator: [0x0D, 0x0A])), as: UTF8.self))!).write(to: URL(fileURLWithPath: file))
        let arguments = ["import", "csv", file, "--type", "contact", "--encoding", "windows-1250", "--key", "email",
                         "--map", "Jméno=name", "--map", "Firma=customer", "--map", "Telefon=phone", "--map", "Poznámka=notes", "--map", "Štítky=tags"]
        let dry = fixture.crm(arguments + ["--dry-run"])
        #expect(dry.status == 2)
        #expect(dry.output == """
            row 2: would create contact jan-novak
            row 3: would create contact eva-mala
            row 6: would create contact hyperlink-x
            would create 3, update 0, left 0 unchanged, rejected 2

            """)
        #expect(dry.errors == """
            row 4: rejected: no customer 'nikdo' (no customer has this id; `crm list customer --format ids` lists them)
            row 5: rejected: 8 fields, but the header has 6

            """)
        #expect(try fixture.git("status", "--porcelain") == "")
        let first = fixture.crm(arguments)
        #expect(first.status == 2)
        #expect(try fixture.read("contacts/jan-novak.yaml") == """
            name: Jan Novák
            customer: acme
            email: jan@acme.cz
            phone: 601 111 222
            tags: [vip]
            notes: |-
              Volat dopoledne; "důležité"
              druhý řádek

            """)
        #expect(try fixture.read("contacts/hyperlink-x.yaml").hasPrefix("name: =HYPERLINK(\"x\")\n"))
        #expect(try fixture.git("log", "-1", "--format=%s").hasPrefix("crm: import csv people-"))
        #expect(try fixture.git("show", "--stat", "--format=", "HEAD").contains("3 files changed"))
        let again = fixture.crm(arguments)
        #expect(again.output.hasSuffix("created 0, updated 0, left 3 unchanged, rejected 2\n"))
        #expect(try fixture.git("status", "--porcelain") == "")
        #expect(try fixture.git("rev-list", "--count", "HEAD") == "3\n")
        let utf8 = fixture.crm(["import", "csv", file, "--type", "contact"])
        #expect(utf8.status == 2)
        #expect(utf8.errors.contains(":1:3: error: invalid UTF-8 (byte 0xE9)\n 1 | Jm\u{FFFD}no;E-mail;Firma;Telefon;Pozn\u{FFFD}mka;\u{FFFD}t\u{FFFD}tky\n"))
        #expect(utf8.errors.contains("hint: the file may come from Excel in another encoding: try --encoding windows-1250\n"))
    }

    @Test("CSV export neutralises formulas, and takes a byte order mark and semicolons for Excel")
    func csvForSpreadsheets() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": "name: '=cmd|'' /C calc''!A0'\nphone: +420 601 111 222\nnotes: '@SUM(A1)'\n"])
        let csv = Self.export(["customer", "--format", "csv", "--bom", "--separator", ";"], from: fixture.root)
        #expect(csv.hasPrefix("\u{FEFF}id;name;kind;status;"))
        #expect(csv.contains("\r\nacme;'=cmd|' /C calc'!A0;;;;;;+420 601 111 222;"))
        #expect(csv.hasSuffix(";'@SUM(A1)\r\n"))
    }

    static let cards = """
        BEGIN:VCARD\r
        VERSION:3.0\r
        FN:Jana Dvořáková\r
        N:Dvořáková;Jana;;;\r
        ORG:Pekárna Dvořák s.r.o.;Výroba\r
        TITLE:vedoucí výroby\r
        EMAIL;TYPE=INTERNET;TYPE=WORK:jana@pekarna.cz\r
        EMAIL;TYPE=HOME:jana.dvorakova@seznam.cz\r
        TEL;TYPE=CELL:+420 777 111 222\r
        TEL;TYPE=WORK:+420 466 111 222\r
        ADR;TYPE=WORK:;;Husova 5;Pardubice;;530 02;CZ\r
        NOTE:Peče i o víkendu\\, volat ráno.\r
        CATEGORIES:pekárny,vip\r
        PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ\r
        X-ABUID:1234\r
        END:VCARD\r
        BEGIN:VCARD\r
        VERSION:4.0\r
        FN:Karel Dvořák\r
        ORG:Pekárna Dvořák s.r.o.\r
        EMAIL:karel@pekarna.cz\r
        END:VCARD\r

        """

    @Test("vCard import makes contacts and their companies; importing again changes nothing")
    func vcardImport() throws {
        let fixture = try GitFixture()
        let file = fixture.root + "/../cards-\(UUID().uuidString.prefix(6)).vcf"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data(Self.cards.utf8).write(to: URL(fileURLWithPath: file))
        let result = fixture.crm(["import", "vcard", file])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == """
            card at line 1 (ORG): created customer pekarna-dvorak
            card at line 1: created contact jana-dvorakova
            card at line 17: created contact karel-dvorak
            created 3, updated 0, left 0 unchanged, rejected 0

            """)
        #expect(result.errors == "left out: PHOTO (1), X-ABUID (1)\n")
        #expect(try fixture.read("customers/pekarna-dvorak.yaml") == "name: Pekárna Dvořák s.r.o.\nkind: company\nstatus: lead\ncreated: 2026-11-22\n")
        #expect(try fixture.read("contacts/jana-dvorakova.yaml") == """
            name: Jana Dvořáková
            customer: pekarna-dvorak
            role: vedoucí výroby
            email: jana@pekarna.cz
            phone: +420 777 111 222
            tags: [pekárny, vip]
            notes: |-
              Peče i o víkendu, volat ráno.
              E-mail (home): jana.dvorakova@seznam.cz
              Phone (work): +420 466 111 222
              Address (work): Husova 5, Pardubice, 530 02, CZ

            """)
        #expect(try fixture.read("contacts/karel-dvorak.yaml").contains("customer: pekarna-dvorak\n"))
        let again = fixture.crm(["import", "vcard", file])
        #expect(again.output.hasSuffix("created 0, updated 0, left 2 unchanged, rejected 0\n"))
        #expect(try fixture.git("status", "--porcelain") == "")
    }

    @Test("khard reads the exported vCards: names, organisations, e-mails, phones, roles")
    func khardReadsExport() throws {
        let sample = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: sample) }
        let book = sample + "/khard-book"
        try FileManager.default.createDirectory(atPath: book, withIntermediateDirectories: true)
        let exported = Self.export(["contact", "--format", "vcard", "--where", "customer = stavby-prochazka"], from: sample)
        let cards = exported.components(separatedBy: "BEGIN:VCARD\r\n").dropFirst()
        #expect(cards.count == 3)
        for (number, card) in cards.enumerated() {
            try Data(("BEGIN:VCARD\r\n" + card).utf8).write(to: URL(fileURLWithPath: "\(book)/\(number).vcf"))
        }
        let config = sample + "/khard.conf"
        try Data("""
            [addressbooks]
            [[crm]]
            path = \(book)
            [general]
            default_action = list
            editor = /bin/true
            merge_editor = /bin/true

            """.utf8).write(to: URL(fileURLWithPath: config))
        let khard = try GitFixture.shell(["khard", "-c", config, "show", "--format", "yaml", "uid:crm:contact:blanka-dolezalova"])
        #expect(khard.status == 0, "khard must be installed (make deps): \(khard.errors)")
        #expect(khard.output.contains("Formatted name: Blanka Doležalová\n"))
        #expect(khard.output.contains("First name: Blanka\n"))
        #expect(khard.output.contains("Last name: Doležalová\n"))
        #expect(khard.output.contains("Organisation:\n  -   - Stavby Procházka a.s.\n"))
        #expect(khard.output.contains("Title: účetní\n"))
        #expect(khard.output.contains("Phone:\n    voice: +420 601 756 146\n"))
        #expect(khard.output.contains("Email:\n    internet: blanka.dolezalova@stavby-prochazka.example.cz\n"))
        let emails = try GitFixture.shell(["khard", "-c", config, "email", "--parsable"])
        #expect(emails.output.split(separator: "\n").filter { $0.contains("@stavby-prochazka.example.cz") }.count == 3)
    }

    @Test("iCalendar export: Python's icalendar reads each follow-up and deadline, with stable UIDs")
    func icalendarExport() throws {
        let sample = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: sample) }
        let ics = Self.export(["complaint", "--format", "ics"], from: sample)
        #expect(ics == Self.export(["complaint", "--format", "ics"], from: sample))
        let script = """
            import icalendar, sys
            calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
            for todo in calendar.walk('VTODO'):
                print(todo['UID'], todo.decoded('DUE').isoformat(), todo['SUMMARY'], sep='|')
            """
        let parsed = try GitFixture.shell(["/usr/bin/python3", "-c", script], input: ics)
        #expect(parsed.status == 0, "python3-icalendar must be installed (make deps): \(parsed.errors)")
        let lines = parsed.output.split(separator: "\n")
        let open = CLIHarness.run(["list", "complaint", "--where", "status in (open, in-progress)", "--format", "ids"], in: sample)
        #expect(lines.count == open.output.split(separator: "\n").count)
        #expect(lines.contains { $0.hasPrefix("crm-complaint-2026-10-06-skoda-transport-8i4a-deadline@") && $0.contains("|2026-11-05|Due: ") })
        #expect(lines.allSatisfy { $0.contains("(") })
        let calls = Self.export(["call", "--format", "ics", "--where", "by = martin"], from: sample)
        let followUps = try GitFixture.shell(["/usr/bin/python3", "-c", script], input: calls)
        #expect(!followUps.output.isEmpty)
        #expect(followUps.output.split(separator: "\n").allSatisfy { $0.contains("-follow-up@") && $0.contains("|Follow up: ") })
    }
}

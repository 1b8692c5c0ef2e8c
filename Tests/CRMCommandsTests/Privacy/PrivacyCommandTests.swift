import Foundation
import Testing

/// `crm privacy`: a subject access export, erasure that leaves no trace in the working files and
/// one commit, the people nobody has been in touch with, and the lawful-basis warning, checked
/// with the real git CLI where git is the witness.
@Suite("Privacy: export, erase, stale people", .serialized)
struct PrivacyCommandTests {
    static let files = [
        "customers/stavby-prochazka.yaml": "name: Stavby Procházka s.r.o.\nstatus: active\nowner: jana\n",
        "customers/petr-dvorak.yaml": "name: Petr Dvořák\nkind: person\nstatus: active\nemail: petr@dvorak.example.cz\n",
        "contacts/blanka-dolezalova.yaml": """
            name: Blanka Doležalová
            customer: stavby-prochazka
            role: účetní
            email: blanka@stavby.example.cz
            phone: +420 601 756 146
            lawful-basis: contract
            consent: [newsletter 2025-03-01]

            """,
        "contacts/karel-stary.yaml": "name: Karel Starý\ncustomer: stavby-prochazka\n",
        "calls/2021/05/2021-05-03-stavby-prochazka-k1k1.yaml":
            "customer: stavby-prochazka\ncontact: karel-stary\nat: 2021-05-03T10:00\nsubject: Poptávka\n",
        "calls/2026/10/2026-10-22-stavby-prochazka-72ip.yaml": """
            customer: stavby-prochazka
            contact: blanka-dolezalova
            at: 2026-10-22T14:47
            subject: Dotaz na fakturu
            summary: |
              Blanka Doležalová volala z 601 756 146, fakturu chce na blanka@stavby.example.cz.
            # ověřeno s Blanka Doležalová

            """,
        "calls/2026/11/2026-11-02-stavby-prochazka-a1b2.yaml": """
            customer: stavby-prochazka
            at: 2026-11-02T09:00
            subject: Objednávka
            summary: Objednali kompresor.

            """,
        "complaints/2026/2026-11-03-stavby-prochazka-c3d4.yaml": """
            customer: stavby-prochazka
            opened: 2026-11-03
            subject: Pozdní dodávka
            description: Paní Blanka Doležalová si stěžuje na zpoždění.

            """,
    ]
    static let traces = ["Blanka Doležalová", "blanka@stavby.example.cz", "601 756 146", "newsletter 2025-03-01"]

    /// Every workspace file (outside .git) that still holds one of `traces`.
    static func filesHolding(_ traces: [String], in root: String) -> [String] {
        let files = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
        return files.filter { !$0.hasPrefix(".git/") && !$0.hasPrefix(".crm/cache") && $0.hasSuffix(".yaml") }.filter { path in
            let text = (try? String(contentsOfFile: root + "/" + path, encoding: .utf8)) ?? ""
            return traces.contains { text.contains($0) }
        }
    }

    @Test("export: the record, who refers to them, who names them, and their personal fields' history, as JSON")
    func export() throws {
        let fixture = try GitFixture(files: Self.files)
        #expect(fixture.crm(["set", "blanka-dolezalova", "phone=+420 601 756 147"]).status == 0)
        let result = fixture.crm(["privacy", "export", "blanka-dolezalova", "--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let person = try #require(json["person"] as? [String: Any])
        #expect(person["id"] as? String == "blanka-dolezalova")
        #expect((person["fields"] as? [String: Any])?["phone"] as? String == "+420 601 756 147")
        #expect(json["personal-fields"] as? [String] == ["name", "email", "phone"])
        let referring = (json["referring"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(referring == ["2026-10-22-stavby-prochazka-72ip"])
        let named = (json["mentioned-in"] as? [[String: Any]] ?? []).map { ($0["record"] as? [String: Any])?["id"] as? String ?? "" }
        #expect(named == ["2026-10-22-stavby-prochazka-72ip", "2026-11-03-stavby-prochazka-c3d4"])
        let history = json["history"] as? [[String: Any]] ?? []
        #expect(history.count == 2)
        let latest = (history.first?["fields"] as? [[String: Any]])?.first
        #expect(latest?["field"] as? String == "phone")
        #expect(latest?["to"] as? String == "+420 601 756 147")
        let text = fixture.crm(["privacy", "export", "Blanka Doležalová"])
        #expect(text.status == 0)
        #expect(text.output.hasPrefix("Blanka Doležalová (contact blanka-dolezalova, contacts/blanka-dolezalova.yaml)\n"))
        #expect(text.output.contains("Records naming them (2)\n"))
    }

    @Test("erase: no trace left in the working files, one commit, other records byte for byte, the check clean")
    func erase() throws {
        let fixture = try GitFixture(files: Self.files)
        let before = try fixture.git("rev-list", "--count", "HEAD")
        let untouched = ["calls/2026/11/2026-11-02-stavby-prochazka-a1b2.yaml", "customers/stavby-prochazka.yaml", "contacts/karel-stary.yaml",
                         "calls/2021/05/2021-05-03-stavby-prochazka-k1k1.yaml"]
        let kept = try untouched.map(fixture.read)
        let preview = fixture.crm(["privacy", "erase", "blanka-dolezalova", "--dry-run"])
        #expect(preview.status == 0, "\(preview.errors)")
        #expect(preview.output.hasSuffix("nothing changed (--dry-run)\n"))
        #expect(try fixture.git("status", "--porcelain") == "")
        #expect(try fixture.git("rev-list", "--count", "HEAD") == before)
        let result = fixture.crm(["privacy", "erase", "blanka-dolezalova"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasSuffix("erased blanka-dolezalova; 2 other records scrubbed\n"), "\(result.output)")
        #expect(Self.filesHolding(Self.traces, in: fixture.root) == [])
        #expect(try fixture.read("contacts/blanka-dolezalova.yaml") == "customer: stavby-prochazka\nerased: 2026-11-22\n")
        #expect(try fixture.read("calls/2026/10/2026-10-22-stavby-prochazka-72ip.yaml").contains(
            "  [erased] volala z [erased], fakturu chce na [erased].\n# ověřeno s [erased]\n"))
        #expect(try untouched.map(fixture.read) == kept)
        #expect(try fixture.git("status", "--porcelain") == "")
        #expect(Int(try fixture.git("rev-list", "--count", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines))
                == Int(before.trimmingCharacters(in: .whitespacesAndNewlines))! + 1)
        #expect(try fixture.git("log", "-1", "--format=%s").hasPrefix("crm: privacy erase blanka-dolezalova"))
        let check = fixture.crm(["check"])
        #expect(check.status == 0, "\(check.output)\(check.errors)")
        let again = fixture.crm(["privacy", "erase", "blanka-dolezalova"])
        #expect(again.status == 2)
        #expect(again.errors.contains("blanka-dolezalova was erased already (2026-11-22)"))
    }

    @Test("An erased person's data brought back by an older copy is reported by crm check")
    func dataBack() throws {
        let fixture = try GitFixture(files: Self.files)
        #expect(fixture.crm(["privacy", "erase", "blanka-dolezalova"]).status == 0)
        try fixture.write("contacts/blanka-dolezalova.yaml", "customer: stavby-prochazka\nerased: 2026-11-22\nname: Blanka Doležalová\n")
        let check = fixture.crm(["check"])
        #expect(check.status == 1)
        #expect((check.output + check.errors).contains(
            "contacts/blanka-dolezalova.yaml:3:1: error: this person's data was erased on 2026-11-22, and 'name' is back"), "\(check.output)")
    }

    @Test("Only people: a company is refused, a customer of kind person is erased", arguments: [
        ("stavby-prochazka", 2, "stavby-prochazka is not a person (kind: ?)"),
        ("petr-dvorak", 0, ""),
        ("2026-11-02-stavby-prochazka-a1b2", 2, "a call is not a person"),
    ])
    func people(id: String, status: Int32, message: String) throws {
        let fixture = try GitFixture(files: Self.files)
        let result = fixture.crm(["privacy", "erase", id])
        #expect(result.status == status, "\(result.errors)")
        if !message.isEmpty { #expect(result.errors.contains(message), "\(result.errors)") }
        if status != 0 { #expect(try fixture.git("status", "--porcelain") == "") }
    }

    @Test("stale: people last in touch before the cut-off, oldest first; a bad length is a usage error")
    func stale() throws {
        let fixture = try GitFixture(files: Self.files)
        let result = fixture.crm(["privacy", "stale", "--older-than", "3y", "--format", "jsonl"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "{\"id\":\"petr-dvorak\",\"type\":\"customer\",\"name\":\"Petr Dvořák\",\"last-contact\":null,\"never-contacted\":true}\n"
                + "{\"id\":\"karel-stary\",\"type\":\"contact\",\"name\":\"Karel Starý\",\"last-contact\":\"2021-05-03\",\"never-contacted\":false}\n")
        let recent = fixture.crm(["privacy", "stale", "--older-than", "20d", "--format", "ids"])
        #expect(recent.output == "petr-dvorak\nkarel-stary\nblanka-dolezalova\n")
        let table = fixture.crm(["privacy", "stale"])
        #expect(table.output.contains("2 people last in touch before 2023-11-22\n"), "\(table.output)")
        #expect(fixture.crm(["privacy", "stale", "--older-than", "2"]).status == 64)
        #expect(fixture.crm(["privacy", "stale", "karel-stary"]).status == 64)
        #expect(fixture.crm(["privacy", "erace", "karel-stary"]).errors.contains("unknown action 'erace'; did you mean 'erase'?"))
    }

    @Test("require-lawful-basis: crm check warns about people without one, and only about people")
    func lawfulBasis() throws {
        let fixture = try GitFixture(files: Self.files)
        #expect(fixture.crm(["check"]).status == 0)
        let config = try fixture.read(".crm/config.yaml")
        try fixture.write(".crm/config.yaml", config + "require-lawful-basis: true\n")
        let check = fixture.crm(["check", "--format", "jsonl"])
        let paths = check.output.split(separator: "\n").filter { $0.contains("\"lawful-basis\"") }.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["path"] as? String
        }
        #expect(paths == ["contacts/karel-stary.yaml", "customers/petr-dvorak.yaml"], "\(check.output)")
    }
}

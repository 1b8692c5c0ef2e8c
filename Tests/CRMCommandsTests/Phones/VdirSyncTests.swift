import Foundation
import Testing

/// `crm vdir sync`: contacts to a folder of vCards and back, through a real CardDAV server
/// (Radicale) and vdirsyncer to a second folder standing for the phone, read by khard; and
/// each conflict and deletion case on a plain folder.
@Suite("Phones: contacts through a vdir", .serialized)
struct VdirSyncTests {
    static let files = [
        "customers/stavby-prochazka.yaml": "name: Stavby Procházka s.r.o.\nstatus: active\nowner: jana\n",
        "contacts/blanka-dolezalova.yaml": "name: Blanka Doležalová\ncustomer: stavby-prochazka\nrole: účetní\nphone: +420 601 756 146\n",
        "contacts/karel-stary.yaml": "name: Karel Starý\ncustomer: stavby-prochazka\nemail: karel@stavby.example.cz\n",
        "calls/2026/11/2026-11-02-stavby-prochazka-a1b2.yaml":
            "customer: stavby-prochazka\ncontact: karel-stary\nat: 2026-11-02T09:00\nsubject: Objednávka\n",
    ]

    /// The fixture synced once with a new, empty vdir.
    static func synced() throws -> (GitFixture, folder: String) {
        let fixture = try GitFixture(files: files)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-vdir-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let first = fixture.crm(["vdir", "sync", folder])
        guard first.status == 0 else { throw FixtureError("the first sync failed: \(first.errors)") }
        return (fixture, folder)
    }

    /// The card of the contact named `name` in `folder`.
    static func card(named name: String, in folder: String) throws -> (path: String, text: String) {
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            if text.split(whereSeparator: \.isNewline).contains("FN:\(name)") { return (folder + "/" + file, text) }
        }
        throw FixtureError("\(folder) has no card of \(name)")
    }

    static func edit(_ path: String, _ body: (String) -> String) throws {
        try body(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("Through Radicale and vdirsyncer: crm to the phone, an edit on the phone back to crm, and khard reads the cards",
          .enabled(if: RadicaleServer.isInstalled, "radicale or vdirsyncer is not installed (make deps installs them)"))
    func phone() throws {
        let fixture = try GitFixture(files: Self.files)
        let dav = try RadicaleServer()
        let first = fixture.crm(["vdir", "sync", dav.crm])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.hasSuffix("0 updated, 0 created, 2 cards written, 0 cards deleted, 0 conflicts, 0 deletions waiting\n"))
        #expect(try fixture.read("contacts/blanka-dolezalova.yaml").contains("\nuid: "))
        try dav.sync()
        let blanka = try dav.phoneCard(named: "Blanka Doležalová")
        #expect(blanka.text.contains("TEL;VALUE=text:+420 601 756 146\n") && blanka.text.contains("ORG:Stavby Procházka s.r.o.\n"))
        try Self.edit(blanka.path) { $0.replacing("TEL;VALUE=text:+420 601 756 146", with: "TEL;VALUE=text:+420 601 000 222").replacing("END:VCARD", with: "BDAY:19850412\nEND:VCARD") }
        try dav.sync()
        let back = fixture.crm(["vdir", "sync", dav.crm])
        #expect(back.status == 0, "\(back.errors)")
        #expect(back.output.contains("update blanka-dolezalova (phone)\n"), "\(back.output)")
        #expect(try fixture.read("contacts/blanka-dolezalova.yaml").contains("phone: +420 601 000 222\n"))
        #expect(try fixture.git("log", "-1", "--format=%s") == "crm: vdir sync crm\n")
        #expect(fixture.crm(["set", "karel-stary", "role=jednatel"]).status == 0)
        #expect(fixture.crm(["vdir", "sync", dav.crm]).output.contains("write card "))
        try dav.sync()
        #expect(try dav.phoneCard(named: "Karel Starý").text.contains("TITLE:jednatel\n"))
        let kept = try Self.card(named: "Blanka Doležalová", in: dav.crm)
        #expect(kept.text.contains("BDAY:19850412"), "what crm has no field for stays in the card")
        let khard = dav.crm + "/../khard.conf"
        try "[addressbooks]\n[[crm]]\npath = \(dav.crm)\n\n[general]\neditor = true\nmerge_editor = true\n"
            .write(toFile: khard, atomically: true, encoding: .utf8)
        let listed = try GitFixture.shell(["khard", "-c", khard, "list", "--parsable"])
        #expect(listed.status == 0, "\(listed.errors)")
        #expect(listed.output.contains("Blanka Doležalová") && listed.output.contains("Karel Starý"), "\(listed.output)")
        withExtendedLifetime(dav) {}
    }

    @Test("Both sides changed: a field changed on one side takes it, one changed on both keeps crm's and says so")
    func conflicts() throws {
        let (fixture, folder) = try Self.synced()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let card = try Self.card(named: "Blanka Doležalová", in: folder)
        try Self.edit(card.path) { $0.replacing("TEL;VALUE=text:+420 601 756 146", with: "TEL;VALUE=text:+420 601 111 111").replacing("TITLE:účetní", with: "TITLE:ředitelka") }
        #expect(fixture.crm(["set", "blanka-dolezalova", "phone=+420 601 222 222"]).status == 0)
        let synced = fixture.crm(["vdir", "sync", folder])
        #expect(synced.status == 0, "\(synced.errors)")
        #expect(synced.output.contains("conflict: blanka-dolezalova: phone: kept crm's '+420 601 222 222', the card had '+420 601 111 111'\n"),
                "\(synced.output)")
        let record = try fixture.read("contacts/blanka-dolezalova.yaml")
        #expect(record.contains("role: ředitelka\n") && record.contains("phone: +420 601 222 222\n"))
        let after = try Self.card(named: "Blanka Doležalová", in: folder).text
        #expect(after.contains("TEL;VALUE=text:+420 601 222 222\r\n") && after.contains("TITLE:ředitelka\r\n"))
    }

    @Test("An unchanged card is not written again; a dry run changes nothing on either side")
    func untouched() throws {
        let (fixture, folder) = try Self.synced()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let card = try Self.card(named: "Karel Starý", in: folder)
        let stamp = try FileManager.default.attributesOfItem(atPath: card.path)[.modificationDate] as? Date
        let head = try fixture.git("rev-parse", "HEAD")
        #expect(fixture.crm(["vdir", "sync", folder]).output.hasSuffix("0 updated, 0 created, 0 cards written, 0 cards deleted, 0 conflicts, 0 deletions waiting\n"))
        #expect(try FileManager.default.attributesOfItem(atPath: card.path)[.modificationDate] as? Date == stamp)
        #expect(try String(contentsOfFile: card.path, encoding: .utf8) == card.text)
        try Self.edit(card.path) { $0.replacing("EMAIL:karel@stavby.example.cz", with: "EMAIL:karel@novy.example.cz") }
        #expect(fixture.crm(["set", "blanka-dolezalova", "role=ředitelka"]).status == 0)
        let head2 = try fixture.git("rev-parse", "HEAD")
        let preview = fixture.crm(["vdir", "sync", folder, "--dry-run"])
        #expect(preview.output.contains("would update karel-stary (email)\n") && preview.output.contains("would write card "), "\(preview.output)")
        #expect(try fixture.git("rev-parse", "HEAD") == head2)
        #expect(try fixture.read("contacts/karel-stary.yaml").contains("karel@stavby.example.cz"))
        #expect(head != head2)
    }

    @Test("New cards become records and their ORG a customer; deleted cards wait or delete; deleted records delete their cards")
    func createAndDelete() throws {
        let (fixture, folder) = try Self.synced()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-1\r\nFN:Pavel Nový\r\nN:Nový;Pavel;;;\r\nORG:Nová firma s.r.o.\r\nTEL:+420 777 123 456\r\nEND:VCARD\r\n"
            .write(toFile: folder + "/phone-1.vcf", atomically: true, encoding: .utf8)
        let created = fixture.crm(["vdir", "sync", folder])
        #expect(created.output.contains("create nova-firma\ncreate pavel-novy\n"), "\(created.output)")
        #expect(try fixture.read("contacts/pavel-novy.yaml") == "name: Pavel Nový\ncustomer: nova-firma\nphone: +420 777 123 456\nuid: phone-1\n")
        #expect(fixture.crm(["check"]).status == 0)
        let karel = try Self.card(named: "Karel Starý", in: folder)
        try FileManager.default.removeItem(atPath: karel.path)
        #expect(fixture.crm(["vdir", "sync", folder]).output.contains("card deleted in the folder, record kept: karel-stary\n"))
        let refused = fixture.crm(["vdir", "sync", folder, "--delete"])
        #expect(refused.output.contains("record kept: karel-stary (1 records refer to it)\n"), "\(refused.output)")
        let blanka = try Self.card(named: "Blanka Doležalová", in: folder)
        try FileManager.default.removeItem(atPath: blanka.path)
        #expect(fixture.crm(["vdir", "sync", folder, "--delete"]).output.contains("delete blanka-dolezalova\n"))
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/contacts/blanka-dolezalova.yaml"))
        #expect(fixture.crm(["rm", "pavel-novy"]).status == 0)
        #expect(fixture.crm(["vdir", "sync", folder]).output.contains("delete card phone-1.vcf (pavel-novy was deleted)\n"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/phone-1.vcf"))
        #expect(try fixture.git("status", "--porcelain") == "")
    }

    @Test("A first sync into a folder that has the contacts already pairs them by e-mail or name instead of doubling them")
    func pairsFirst() throws {
        let fixture = try GitFixture(files: Self.files)
        let folder = fixture.root + "-phone"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ph-karel\r\nFN:Karel Starý\r\nEMAIL:KAREL@stavby.example.cz\r\nTEL:+420 602 000 333\r\nEND:VCARD\r\n"
            .write(toFile: folder + "/ph-karel.vcf", atomically: true, encoding: .utf8)
        try "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ph-blanka\r\nFN:Blanka Doležalová\r\nEND:VCARD\r\n"
            .write(toFile: folder + "/ph-blanka.vcf", atomically: true, encoding: .utf8)
        let synced = fixture.crm(["vdir", "sync", folder])
        #expect(synced.status == 0, "\(synced.errors)")
        #expect(!synced.output.contains("create "), "\(synced.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["ph-blanka.vcf", "ph-karel.vcf"])
        let karel = try fixture.read("contacts/karel-stary.yaml")
        #expect(karel.contains("uid: ph-karel\n") && karel.contains("phone: +420 602 000 333\n"), "a value only the phone had is kept: \(karel)")
        #expect(try fixture.read("contacts/blanka-dolezalova.yaml").contains("uid: ph-blanka\n"))
        #expect(try String(contentsOfFile: folder + "/ph-blanka.vcf", encoding: .utf8).contains("TEL:+420 601 756 146\r\n"))
    }

    @Test("Without the last sync's state both sides are compared: crm's values win and each difference is reported")
    func lostState() throws {
        let (fixture, folder) = try Self.synced()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: fixture.root + "/.crm/cache")
        let card = try Self.card(named: "Karel Starý", in: folder)
        try Self.edit(card.path) { $0.replacing("EMAIL:karel@stavby.example.cz", with: "EMAIL:karel@novy.example.cz") }
        let synced = fixture.crm(["vdir", "sync", folder])
        #expect(synced.output.contains("conflict: karel-stary: email: kept crm's 'karel@stavby.example.cz', the card had 'karel@novy.example.cz'\n"),
                "\(synced.output)")
        #expect(try Self.card(named: "Karel Starý", in: folder).text.contains("EMAIL:karel@stavby.example.cz\r\n"))
    }

    @Test("Customers as organisation cards: khard reads them, an edit on the card updates the customer",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/khard"), "khard is not installed (make deps installs it)"))
    func customers() throws {
        let fixture = try GitFixture(files: Self.files.merging([
            "customers/stavby-prochazka.yaml": "name: Stavby Procházka s.r.o.\nstatus: active\nowner: jana\nphone: +420 541 000 111\n",
        ]) { $1 })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-vdir-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = fixture.crm(["vdir", "sync", folder, "--type", "customer"])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.hasSuffix("synced customer records with \(folder): 0 updated, 0 created, 1 cards written, 0 cards deleted, 0 conflicts, 0 deletions waiting\n"),
                "\(first.output)")
        let card = try Self.card(named: "Stavby Procházka s.r.o.", in: folder)
        #expect(card.text.contains("KIND:org\r\n") && card.text.contains("ORG:Stavby Procházka s.r.o.\r\n"), "\(card.text)")
        #expect(try fixture.read("customers/stavby-prochazka.yaml").contains("\nuid: "))
        let khard = folder + ".khard.conf"
        defer { try? FileManager.default.removeItem(atPath: khard) }
        try "[addressbooks]\n[[firms]]\npath = \(folder)\n\n[general]\neditor = true\nmerge_editor = true\n"
            .write(toFile: khard, atomically: true, encoding: .utf8)
        let listed = try GitFixture.shell(["khard", "-c", khard, "phone", "--parsable"])
        #expect(listed.status == 0, "\(listed.errors)")
        #expect(listed.output.contains("+420 541 000 111") && listed.output.contains("Stavby Procházka s.r.o."), "\(listed.output)")
        try Self.edit(card.path) { $0.replacing("TEL;VALUE=text:+420 541 000 111", with: "TEL;VALUE=text:+420 541 000 222") }
        let back = fixture.crm(["vdir", "sync", folder, "--type", "customer"])
        #expect(back.status == 0, "\(back.errors)")
        #expect(back.output.contains("update stavby-prochazka (phone)\n"), "\(back.output)")
        #expect(try fixture.read("customers/stavby-prochazka.yaml").contains("phone: +420 541 000 222\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1, "contacts stay out of the customers' folder")
    }
}

/// `crm vdir sync DIR --calendar`: the agenda as tasks in a calendar vdir, through Radicale to
/// the phone, and a follow-up ticked off there marked done in crm.
@Suite("Phones: the agenda in a calendar", .serialized)
struct AgendaVdirTests {
    static let call = "2026-10-30-tiskarna-marek-bwu5"

    @Test("Through Radicale and vdirsyncer: a follow-up ticked off on the phone is done in crm, in the sync's commit",
          .enabled(if: RadicaleServer.isInstalled, "radicale or vdirsyncer is not installed (make deps installs them)"))
    func phone() throws {
        let sample = try GitFixture(copyOfSample: ())
        let dav = try RadicaleServer()
        let first = sample.crm(["vdir", "sync", dav.crmCalendar, "--calendar"])
        #expect(first.status == 0, "\(first.errors)")
        let tasks = try FileManager.default.contentsOfDirectory(atPath: dav.crmCalendar)
        let agenda = sample.crm(["agenda", "--days", "30", "--format", "ids"]).output.split(separator: "\n")
        #expect(tasks.count >= agenda.count)
        for task in tasks {
            let parsed = try GitFixture.shell(["/usr/bin/python3", "-c",
                "import icalendar,sys; c=icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read()); print(len(c.walk('VTODO')))",
                dav.crmCalendar + "/" + task])
            #expect(parsed.output == "1\n", "\(task): \(parsed.errors)")
        }
        try dav.sync()
        let onPhone = try #require(try FileManager.default.contentsOfDirectory(atPath: dav.phoneCalendar).first { file in
            (try? String(contentsOfFile: dav.phoneCalendar + "/" + file, encoding: .utf8))?.contains("crm-call-\(Self.call)-follow-up@") == true
        })
        let path = dav.phoneCalendar + "/" + onPhone
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("STATUS:NEEDS-ACTION"))
        try text.replacing("STATUS:NEEDS-ACTION", with: "STATUS:COMPLETED\nCOMPLETED:20261121T160000Z")
            .write(toFile: path, atomically: true, encoding: .utf8)
        try dav.sync()
        let back = sample.crm(["vdir", "sync", dav.crmCalendar, "--calendar"])
        #expect(back.status == 0, "\(back.errors)")
        #expect(back.output.contains("mark done \(Self.call) (2026-11-21)\n"), "\(back.output)")
        #expect(try sample.read("calls/2026/10/\(Self.call).yaml").contains("follow-up-done: 2026-11-21\n"))
        #expect(try sample.git("log", "-1", "--format=%s").hasPrefix("crm: vdir sync crm-calendar --calendar"))
        let again = sample.crm(["vdir", "sync", dav.crmCalendar, "--calendar"])
        #expect(again.output.hasSuffix("0 follow-ups done, 0 tasks written, 0 removed\n"), "\(again.output)")
        withExtendedLifetime(dav) {}
    }

    @Test("A completed deadline is reported, not closed; tasks no longer on the agenda are removed, others' files kept")
    func rules() throws {
        let sample = try GitFixture(copyOfSample: ())
        let folder = sample.root + "-calendar"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:dentist@phone\r\nSUMMARY:Zubař\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
            .write(toFile: folder + "/mine.ics", atomically: true, encoding: .utf8)
        #expect(sample.crm(["vdir", "sync", folder, "--calendar"]).status == 0)
        let deadline = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.contains("complaint-2026-10-06-skoda-transport-8i4a") })
        let path = folder + "/" + deadline
        try String(contentsOfFile: path, encoding: .utf8).replacing("STATUS:NEEDS-ACTION", with: "STATUS:COMPLETED")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let synced = sample.crm(["vdir", "sync", folder, "--calendar"])
        #expect(synced.output.contains("2026-10-06-skoda-transport-8i4a: completed in the calendar; close it in crm"), "\(synced.output)")
        #expect(sample.crm(["set", "2026-10-06-skoda-transport-8i4a", "status=resolved", "resolution=Technik přijel"]).status == 0)
        let tasks = try FileManager.default.contentsOfDirectory(atPath: folder).count
        #expect(sample.crm(["vdir", "sync", folder, "--calendar", "--days", "0"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count < tasks)
        #expect(FileManager.default.fileExists(atPath: folder + "/mine.ics"))
        let bad = folder + "/broken.ics"
        try "BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:crm-x\r\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = sample.crm(["vdir", "sync", folder, "--calendar"])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("broken.ics: BEGIN:VTODO without END:VTODO"), "\(refused.errors)")
    }
}

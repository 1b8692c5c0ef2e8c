import Foundation

/// Radicale on 127.0.0.1 with an address book `test/contacts` and a calendar `test/agenda` in
/// a temporary storage folder, and a vdirsyncer configuration that keeps two vdirs of each in
/// step with it: crm's and "the phone's", as two devices syncing through one CardDAV and
/// CalDAV server.
struct RadicaleServer {
    let server: LoopbackServer
    /// The vdir crm syncs with.
    let crm: String
    /// The vdir standing for the phone.
    let phone: String
    /// crm's calendar vdir, and the phone's.
    let crmCalendar: String
    let phoneCalendar: String
    let configuration: String

    static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/radicale") && FileManager.default.isExecutableFile(atPath: "/usr/bin/vdirsyncer")
    }

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-radicale-\(UUID().uuidString.prefix(8))").path
        crm = folder + "/crm"
        phone = folder + "/phone"
        crmCalendar = folder + "/crm-calendar"
        phoneCalendar = folder + "/phone-calendar"
        configuration = folder + "/vdirsyncer.conf"
        let book = folder + "/collections/collection-root/test/contacts"
        let agenda = folder + "/collections/collection-root/test/agenda"
        for path in [book, agenda, crm, phone, crmCalendar, phoneCalendar, folder + "/status"] {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        try #"{"tag": "VADDRESSBOOK"}"#.write(toFile: book + "/.Radicale.props", atomically: true, encoding: .utf8)
        try #"{"tag": "VCALENDAR", "C:supported-calendar-component-set": "VTODO"}"#
            .write(toFile: agenda + "/.Radicale.props", atomically: true, encoding: .utf8)
        let port = LoopbackServer.freePort()
        try """
            [server]
            hosts = 127.0.0.1:\(port)
            [auth]
            type = none
            [storage]
            filesystem_folder = \(folder)/collections
            [logging]
            level = warning

            """.write(toFile: folder + "/radicale.conf", atomically: true, encoding: .utf8)
        func pair(_ name: String, _ path: String, calendar: Bool = false) -> String {
            """
            [pair \(name)_server]
            a = "\(name)"
            b = "\(name)_dav"
            collections = null
            conflict_resolution = "a wins"

            [storage \(name)]
            type = "filesystem"
            path = "\(path)/"
            fileext = "\(calendar ? ".ics" : ".vcf")"

            [storage \(name)_dav]
            type = "\(calendar ? "caldav" : "carddav")"
            url = "http://127.0.0.1:\(port)/test/\(calendar ? "agenda" : "contacts")/"
            username = "test"
            password = "test"

            """
        }
        try ("[general]\nstatus_path = \"\(folder)/status/\"\n\n" + pair("crm", crm) + pair("phone", phone)
             + pair("crmcal", crmCalendar, calendar: true) + pair("phonecal", phoneCalendar, calendar: true))
            .write(toFile: configuration, atomically: true, encoding: .utf8)
        server = try LoopbackServer(folder: folder, port: port, arguments: ["/usr/bin/radicale", "--config", folder + "/radicale.conf"])
        let discovered = try GitFixture.shell(["vdirsyncer", "-c", configuration, "discover"])
        guard discovered.status == 0 else { throw FixtureError("vdirsyncer discover failed: \(discovered.errors)") }
    }

    /// Two rounds of `vdirsyncer sync`, so that a change on either vdir reaches the other.
    func sync() throws {
        for _ in 0..<2 {
            let synced = try GitFixture.shell(["vdirsyncer", "-c", configuration, "sync"])
            guard synced.status == 0 else { throw FixtureError("vdirsyncer sync failed: \(synced.errors)\(synced.output)") }
        }
    }

    /// The phone's card of the contact named `name`, and its path; vdirsyncer writes the
    /// cards it receives with plain line feeds.
    func phoneCard(named name: String) throws -> (path: String, text: String) {
        for file in try FileManager.default.contentsOfDirectory(atPath: phone) {
            let text = try String(contentsOfFile: phone + "/" + file, encoding: .utf8)
            if text.split(whereSeparator: \.isNewline).contains("FN:\(name)") { return (phone + "/" + file, text) }
        }
        throw FixtureError("the phone has no card of \(name)")
    }
}

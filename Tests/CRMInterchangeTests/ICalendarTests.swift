import Foundation
import Testing
@testable import CRMInterchange

/// A task and a meeting with Czech text, punctuation and a description long enough to fold.
let iCalendarSampleDescription = "Volat kvůli nabídce; pak poslat e-mail, ceník a smlouvu.\nC:\\data\\2026 "
    + String(repeating: "Příliš žluťoučký kůň úpěl ďábelské ódy. ", count: 4)

let iCalendarSample = ICalendar(productID: "-//crm//crm export//EN", name: "CRM: follow-ups", components: [
    ICalendar.Component(name: "VTODO", properties: [
        .text("UID", "task-1@crm"),
        .dateTimeUTC("DTSTAMP", secondsSince1970: 1_795_000_000),
        .text("SUMMARY", "Zavolat: Příliš žluťoučký kůň, s.r.o.; nabídka"),
        .text("DESCRIPTION", iCalendarSampleDescription),
        .date("DUE", year: 2026, month: 11, day: 22),
    ]),
    ICalendar.Component(name: "VEVENT", properties: [
        .text("UID", "meeting-7@crm"),
        .dateTimeUTC("DTSTAMP", secondsSince1970: 1_795_000_000),
        .dateTime("DTSTART", year: 2026, month: 11, day: 23, hour: 9, minute: 30),
        .dateTime("DTEND", year: 2026, month: 11, day: 23, hour: 10, minute: 15),
        .text("SUMMARY", "Schůzka s Acme, a.s."),
        .text("LOCATION", "Praha; zasedačka 2"),
    ]),
])

@Suite("iCalendar writer")
struct ICalendarTests {
    @Test("Writes the calendar frame and components, CRLF-terminated")
    func structure() {
        let calendar = ICalendar(productID: "-//crm//crm export//EN", components: [
            ICalendar.Component(name: "VTODO", properties: [
                .text("UID", "task-1@crm"),
                .dateTimeUTC("DTSTAMP", secondsSince1970: 0),
                .date("DUE", year: 2026, month: 3, day: 9),
                ICalendar.Property(name: "X-CRM", parameters: [ICalendar.Parameter("LABEL", "a:b")], value: "1;2", isText: false),
            ]),
        ])
        let expected = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//crm//crm export//EN", "CALSCALE:GREGORIAN",
            "BEGIN:VTODO", "UID:task-1@crm", "DTSTAMP:19700101T000000Z", "DUE;VALUE=DATE:20260309",
            "X-CRM;LABEL=\"a:b\":1;2", "END:VTODO", "END:VCALENDAR", "",
        ]
        #expect(calendar.bytes() == Array(expected.joined(separator: "\r\n").utf8))
    }

    @Test("The calendar name is X-WR-CALNAME, escaped as text")
    func name() {
        let text = String(decoding: iCalendarSample.bytes(), as: UTF8.self)
        #expect(text.contains("\r\nCALSCALE:GREGORIAN\r\nX-WR-CALNAME:CRM: follow-ups\r\nBEGIN:VTODO\r\n"))
    }

    @Test("TEXT values are escaped", arguments: [
        ("Acme, a.s.", "SUMMARY:Acme\\, a.s."),
        ("Call; then mail", "SUMMARY:Call\\; then mail"),
        ("one\ntwo\r\nthree", "SUMMARY:one\\ntwo\\nthree"),
        ("C:\\data", "SUMMARY:C:\\\\data"),
        ("Příliš žluťoučký kůň", "SUMMARY:Příliš žluťoučký kůň"),
    ])
    func escaping(_ value: String, _ line: String) {
        #expect(ICalendar.Property.text("SUMMARY", value).line == line)
    }

    @Test("Dates and times", arguments: [
        (ICalendar.Property.date("DUE", year: 987, month: 1, day: 2), "DUE;VALUE=DATE:09870102"),
        (ICalendar.Property.dateTime("DTSTART", year: 2026, month: 11, day: 22, hour: 7, minute: 5), "DTSTART:20261122T070500"),
        (ICalendar.Property.dateTimeUTC("DTSTAMP", secondsSince1970: 0), "DTSTAMP:19700101T000000Z"),
        (ICalendar.Property.dateTimeUTC("DTSTAMP", secondsSince1970: -1), "DTSTAMP:19691231T235959Z"),
        (ICalendar.Property.dateTimeUTC("DTSTAMP", secondsSince1970: 951_782_400), "DTSTAMP:20000229T000000Z"),
        (ICalendar.Property.dateTimeUTC("DTSTAMP", secondsSince1970: 1_795_000_000), "DTSTAMP:20261118T110640Z"),
        (ICalendar.Property.dateTimeUTC("DTSTAMP", secondsSince1970: 4_102_444_799), "DTSTAMP:20991231T235959Z"),
    ])
    func dates(_ property: ICalendar.Property, _ line: String) {
        #expect(property.line == line)
    }

    @Test("Long lines fold at 75 octets between whole UTF-8 characters")
    func folding() {
        let bytes = iCalendarSample.bytes()
        let lines = contentLines(bytes)
        #expect(lines.contains { $0.first == 0x20 }, "the description is folded")
        for line in lines {
            #expect(line.count <= 75)
            #expect(String(validating: line, as: UTF8.self) != nil)
        }
        let unfolded = ContentLine.unfold(bytes[...]).map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(unfolded.contains("DESCRIPTION:" + ContentLine.escape(iCalendarSampleDescription)))
    }

    @Test("Python's icalendar package reads back what was written")
    func pythonReadsIt() throws {
        let reference = try PythonICalendar.read(iCalendarSample.bytes())
        #expect(reference.errors == [])
        #expect(reference.prodid == "-//crm//crm export//EN")
        #expect(reference.calname == "CRM: follow-ups")
        #expect(reference.components == [
            ["name": "VTODO", "UID": "task-1@crm", "DTSTAMP": "2026-11-18T11:06:40+00:00",
             "SUMMARY": "Zavolat: Příliš žluťoučký kůň, s.r.o.; nabídka", "DESCRIPTION": iCalendarSampleDescription,
             "DUE": "2026-11-22"],
            ["name": "VEVENT", "UID": "meeting-7@crm", "DTSTAMP": "2026-11-18T11:06:40+00:00",
             "DTSTART": "2026-11-23T09:30:00", "DTEND": "2026-11-23T10:15:00",
             "SUMMARY": "Schůzka s Acme, a.s.", "LOCATION": "Praha; zasedačka 2"],
        ])
    }
}

/// Runs `/usr/bin/python3` with the `icalendar` package (Debian's python3-icalendar) over a file.
enum PythonICalendar {
    struct Result: Decodable {
        var prodid: String
        var calname: String
        var components: [[String: String]]
        var errors: [String]
    }

    static let script = """
        import json, sys
        try:
            import icalendar
        except ImportError:
            sys.exit(3)
        calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
        result = {"prodid": str(calendar["PRODID"]), "calname": str(calendar["X-WR-CALNAME"]), "components": [], "errors": []}
        for component in calendar.walk():
            result["errors"] += [str(error) for error in component.errors]
            if component.name not in ("VTODO", "VEVENT"):
                continue
            fields = {"name": component.name}
            for key in ("UID", "SUMMARY", "DESCRIPTION", "LOCATION"):
                if key in component:
                    fields[key] = str(component[key])
            for key in ("DTSTAMP", "DTSTART", "DTEND", "DUE"):
                if key in component:
                    fields[key] = component.decoded(key).isoformat()
            result["components"].append(fields)
        sys.stdout.write(json.dumps(result))
        """

    /// What the package reads from `bytes`; fails the test when python3 or the package is missing.
    static func read(_ bytes: [UInt8]) throws -> Result {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"),
                     "/usr/bin/python3 is missing; install python3 and python3-icalendar")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(bytes))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus != 3,
                     "/usr/bin/python3 cannot import icalendar; install it with `apt-get install python3-icalendar`")
        try #require(process.terminationStatus == 0, "python3 icalendar failed to read the calendar: \(message)")
        return try JSONDecoder().decode(Result.self, from: data)
    }
}

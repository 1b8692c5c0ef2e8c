import Testing
@testable import CRMInterchange

@Suite("iCalendar reader")
struct ICalendarReaderTests {
    @Test("Tasks with their properties; TEXT unescaped, other values as written; nested alarms passed over")
    func tasks() throws {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:crm-call-x-follow-up@firma\r\nDUE;VALUE=DATE:20261102\r\n"
            + "SUMMARY:Jednání o ceně\\, sleva\r\n  a doprava\r\nSTATUS:COMPLETED\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\n"
            + "END:VTODO\r\nBEGIN:VEVENT\r\nUID:e-1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let components = try ICalendarReader.read(Array(text.utf8))
        #expect(components.map(\.name) == ["VTODO", "VEVENT"])
        let task = components[0]
        #expect(task.value("SUMMARY") == "Jednání o ceně, sleva a doprava")
        #expect(task.value("DUE") == "20261102")
        #expect(task.properties.first { $0.name == "DUE" }?.parameters == [ICalendar.Parameter("VALUE", "DATE")])
        #expect(task.value("STATUS") == "COMPLETED")
        #expect(task.value("ACTION") == nil)
    }

    @Test("What is not a calendar is refused at its line", arguments: [
        ("BEGIN:VTODO\r\nEND:VTODO\r\n", 1, "BEGIN:VTODO outside a calendar"),
        ("BEGIN:VCALENDAR\r\nEND:VTODO\r\n", 2, "END:VTODO without BEGIN:VTODO"),
        ("BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:x\r\n", 2, "BEGIN:VTODO without END:VTODO"),
        ("UID:x\r\n", 1, "property UID outside a calendar"),
        ("BEGIN:VCALENDAR\r\nno colon here\r\nEND:VCALENDAR\r\n", 2, "line without ':' between the name and the value"),
        ("BEGIN:VCALENDAR\r\n" + String(repeating: "BEGIN:X\r\n", count: 8), 9, "components nest deeper than 8"),
    ])
    func refused(text: String, line: Int, message: String) {
        #expect {
            try ICalendarReader.read(Array(text.utf8))
        } throws: { error in
            guard let error = error as? VCardError else { return false }
            return error.line == line && error.message == message
        }
    }
}

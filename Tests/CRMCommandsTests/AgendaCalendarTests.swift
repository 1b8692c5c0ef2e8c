import Foundation
import Testing

/// `crm agenda --format ics` read back by Python's icalendar: every item a VTODO with a UID
/// that stays the same from one run to the next, customers due for contact among them, and a
/// follow-up done since the last run marked completed under the same UID.
@Suite("The agenda as a calendar", .serialized)
struct AgendaCalendarTests {
    static let script = """
        import icalendar, sys
        calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
        for todo in calendar.walk('VTODO'):
            print(todo['UID'], todo.decoded('DUE').isoformat(), todo['STATUS'], todo['SUMMARY'], sep='|')
        """

    static func tasks(_ ics: String) throws -> [String] {
        let parsed = try GitFixture.shell(["/usr/bin/python3", "-c", script], input: ics)
        #expect(parsed.status == 0, "python3-icalendar must be installed (make deps): \(parsed.errors)")
        return parsed.output.split(separator: "\n").map(String.init)
    }

    @Test("VTODOs with stable UIDs; due-for-contact included; a done follow-up becomes COMPLETED")
    func calendar() throws {
        let sample = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: sample) }
        let environment = ["CRM_NOW": "2026-11-22T09:00"]
        let first = CLIHarness.run(["agenda", "--format", "ics", "--days", "14"], in: sample, environment: environment)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(first.output == CLIHarness.run(["agenda", "--format", "ics", "--days", "14"], in: sample, environment: environment).output)
        let tasks = try Self.tasks(first.output)
        let uids = tasks.map { $0.split(separator: "|")[0] }
        #expect(Set(uids).count == uids.count)
        let agenda = CLIHarness.run(["agenda", "--days", "14", "--format", "ids"], in: sample, environment: environment)
        #expect(tasks.filter { $0.contains("|NEEDS-ACTION|") }.count == agenda.output.split(separator: "\n").count)
        #expect(tasks.contains { $0.hasPrefix("crm-customer-stredni-prumyslova-skola-otrokovice-due-for-contact@")
                                 && $0.contains("|NEEDS-ACTION|Keep in touch: every 90d · last call 208 days ago") },
                "\(tasks)")
        let followUp = "2026-10-30-tiskarna-marek-bwu5"
        let uid = try #require(uids.first { $0.hasPrefix("crm-call-\(followUp)-follow-up@") })
        #expect(CLIHarness.run(["done", followUp, "--no-commit"], in: sample, environment: environment).status == 0)
        let after = try Self.tasks(CLIHarness.run(["agenda", "--format", "ics", "--days", "14"], in: sample, environment: environment).output)
        #expect(after.contains { $0.hasPrefix(uid + "|2026-11-02|COMPLETED|Follow up: ") }, "\(after)")
        #expect(after.count == tasks.count)
    }
}

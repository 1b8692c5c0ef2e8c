import Testing
@testable import CRMWorkspace

@Suite("Dates")
struct DateTests {
    @Test("Reads valid dates", arguments: ["2026-11-20", "2024-02-29", "0001-01-01", "9999-12-31"])
    func validDates(_ text: String) {
        #expect(CivilDate(text)?.description == text)
    }

    @Test("Refuses what is not a date", arguments: ["2026-13-01", "2025-02-29", "2026-11-31", "26-11-20", "2026/11/20",
                                                    "2026-11-20T10:00", "", "2026-1-20", "２０２６-11-20"])
    func invalidDates(_ text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test("Day numbers, weekdays and arithmetic")
    func arithmetic() throws {
        let date = try #require(CivilDate("2026-11-22"))
        #expect(CivilDate(dayNumber: date.dayNumber) == date)
        #expect(CivilDate("1970-01-01")?.dayNumber == 0)
        #expect(date.weekday == 7)
        #expect(CivilDate("2026-11-23")?.weekday == 1)
        #expect(date.adding(days: 10).description == "2026-12-02")
        #expect(date.adding(days: -365).description == "2025-11-22")
        #expect(CivilDate("2026-01-31")?.adding(months: 1).description == "2026-02-28")
        #expect(CivilDate("2024-03-31")?.adding(months: -1).description == "2024-02-29")
        #expect(date.days(to: CivilDate("2026-12-25")!) == 33)
    }

    @Test("Date and time forms", arguments: [
        ("2026-11-20T14:30", "2026-11-20T14:30"),
        ("2026-11-20 14:30", "2026-11-20T14:30"),
        ("2026-11-20T14:30:05", "2026-11-20T14:30:05"),
        ("2026-11-20T14:30Z", "2026-11-20T14:30Z"),
        ("2026-11-20T14:30+01:00", "2026-11-20T14:30+01:00"),
    ])
    func dateTimes(_ text: String, _ normalized: String) {
        #expect(CivilDateTime(text)?.description == normalized)
    }

    @Test("Refuses what is not a date and time", arguments: ["2026-11-20", "2026-11-20T24:00", "2026-11-20T10:60",
                                                             "2026-11-20T10:00+1", "2026-11-20T10:00X", "2026-11-20 1030"])
    func invalidDateTimes(_ text: String) {
        #expect(CivilDateTime(text) == nil)
    }

    @Test("Offsets compare as instants")
    func offsets() throws {
        let utc = try #require(CivilDateTime("2026-11-20T13:00Z"))
        let prague = try #require(CivilDateTime("2026-11-20T14:00+01:00"))
        #expect(utc == prague)
        #expect(try #require(CivilDateTime("2026-11-20T13:30")) > utc)
    }
}

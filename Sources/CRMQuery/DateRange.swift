import CRMWorkspace

/// A span of time a query value names, in seconds since 1970 on the records' own clock:
/// a day (`2026-11-20`, `today`, `-30d`), a month (`2026-11`, `last-month`), a quarter
/// (`2026-Q4`), a week (`this-week`, Monday to Sunday), a year (`2026`, `this-year`), or the
/// minute of a date and time (`2026-11-20 14:00`), in every form `crm set` reads (`22.11.2026`).
public struct DateRange: Sendable, Hashable {
    public let start: Int
    /// The first second after the span.
    public let end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    init(days first: CivilDate, until last: CivilDate) {
        start = first.dayNumber * 86_400
        end = (last.dayNumber + 1) * 86_400
    }

    /// The span `text` names, relative to `today`; `nil` when it names none.
    public static func parse(_ text: String, today: CivilDate) -> DateRange? {
        let lowered = text.lowercased()
        switch lowered {
        case "today": return day(today)
        case "yesterday": return day(today.adding(days: -1))
        case "tomorrow": return day(today.adding(days: 1))
        default: break
        }
        if let relative = ValueInput.relativeDate(lowered, from: today) { return day(relative) }
        if let period = period(lowered, today: today) { return period }
        if let date = CivilDate(text) { return day(date) }
        if let moment = CivilDateTime(text) { return DateRange(start: moment.instant, end: moment.instant + 60) }
        let parts = text.split(separator: "-")
        if parts.count == 2, parts[0].count == 4, let year = Int(parts[0]) {
            if parts[1].count == 2, let month = Int(parts[1]), let first = CivilDate(year: year, month: month, day: 1) {
                return DateRange(days: first, until: first.adding(months: 1).adding(days: -1))
            }
            if parts[1].count == 2, parts[1].first == "Q" || parts[1].first == "q", let quarter = Int(parts[1].dropFirst()),
               (1...4).contains(quarter), let first = CivilDate(year: year, month: quarter * 3 - 2, day: 1) {
                return DateRange(days: first, until: first.adding(months: 3).adding(days: -1))
            }
        }
        if text.count == 4, let year = Int(text), let first = CivilDate(year: year, month: 1, day: 1) {
            return DateRange(days: first, until: CivilDate(year: year, month: 12, day: 31)!)
        }
        // Every other form `crm set` takes: `22.11.2026`, `dnes`, `22.11.2026 14:00`.
        let input = ValueInput(today: today, now: CivilDateTime(date: today))
        if let date = input.date(text) { return day(date) }
        if text.contains(":"), let moment = input.dateTime(text) { return DateRange(start: moment.instant, end: moment.instant + 60) }
        return nil
    }

    private static func day(_ date: CivilDate) -> DateRange { DateRange(days: date, until: date) }

    /// `this-week`, `last-month`, `next-year`, `this-quarter`.
    private static func period(_ text: String, today: CivilDate) -> DateRange? {
        let parts = text.split(separator: "-")
        guard parts.count == 2 else { return nil }
        let shift: Int
        switch parts[0] {
        case "this": shift = 0
        case "last": shift = -1
        case "next": shift = 1
        default: return nil
        }
        switch parts[1] {
        case "week":
            let monday = today.adding(days: 1 - today.weekday + 7 * shift)
            return DateRange(days: monday, until: monday.adding(days: 6))
        case "month":
            let first = CivilDate(year: today.year, month: today.month, day: 1)!.adding(months: shift)
            return DateRange(days: first, until: first.adding(months: 1).adding(days: -1))
        case "quarter":
            let first = CivilDate(year: today.year, month: (today.month - 1) / 3 * 3 + 1, day: 1)!.adding(months: 3 * shift)
            return DateRange(days: first, until: first.adding(months: 3).adding(days: -1))
        case "year":
            let first = CivilDate(year: today.year + shift, month: 1, day: 1)!
            return DateRange(days: first, until: CivilDate(year: today.year + shift, month: 12, day: 31)!)
        default:
            return nil
        }
    }

    /// Seconds since 1970 (on the record's own clock) of a date or date-and-time value.
    public static func instant(_ text: String) -> Int? {
        if let date = CivilDate(text) { return date.dayNumber * 86_400 }
        return CivilDateTime(text)?.instant
    }
}

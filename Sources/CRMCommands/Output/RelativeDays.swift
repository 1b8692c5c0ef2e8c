import CRMLocale
import CRMWorkspace

/// Dates said relative to today, as people say them in a CRM: `today`, `3 days` old,
/// `in 2 days`, `5 days late`.
enum RelativeDays {
    /// How long since `start`: `today`, `1 day`, `12 days`.
    static func age(since start: CivilDate, today: CivilDate) -> String {
        let days = start.days(to: today)
        return days <= 0 ? tr("today") : tr("day", count: days)
    }

    /// When `date` is due: `overdue 5 days`, `today`, `tomorrow`, `in 3 days`.
    static func due(_ date: CivilDate, today: CivilDate) -> String {
        let days = today.days(to: date)
        if days < 0 { return tr("overdue-days", count: -days) }
        switch days {
        case 0: return tr("today")
        case 1: return tr("tomorrow")
        default: return tr("in-days", count: days)
        }
    }

    /// `due(_:today:)` of a written date; empty when it is not one.
    static func due(_ text: String, today: CivilDate) -> String {
        CivilDate(String(text.prefix(10))).map { due($0, today: today) } ?? ""
    }

    /// `age(since:today:)` of a written date; empty when it is not one.
    static func age(since text: String, today: CivilDate) -> String {
        CivilDate(String(text.prefix(10))).map { age(since: $0, today: today) } ?? ""
    }
}

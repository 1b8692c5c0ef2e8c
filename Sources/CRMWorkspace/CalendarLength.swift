/// A length of calendar time as people write it: `30d`, `6w`, `3m`, `1y` (days, weeks,
/// months, years), as in `contact-every: 30d` or `--older-than 3y`.
public struct CalendarLength: Sendable, Hashable, CustomStringConvertible {
    public enum Unit: Character, Sendable {
        case days = "d", weeks = "w", months = "m", years = "y"
    }

    public let count: Int
    public let unit: Unit

    /// `nil` unless `text` is a whole number from 1 to 9999 and one of d, w, m, y.
    public init?(_ text: some StringProtocol) {
        guard let last = text.last, let unit = Unit(rawValue: last), let count = Int(text.dropLast()),
              count > 0, count < 10_000, text.dropLast().allSatisfy(\.isASCII) else { return nil }
        self.count = count
        self.unit = unit
    }

    /// The day this length after `date`.
    public func after(_ date: CivilDate) -> CivilDate {
        switch unit {
        case .days: return date.adding(days: count)
        case .weeks: return date.adding(days: 7 * count)
        case .months: return date.adding(months: count)
        case .years: return date.adding(months: 12 * count)
        }
    }

    /// The day this length before `date`.
    public func before(_ date: CivilDate) -> CivilDate {
        switch unit {
        case .days: return date.adding(days: -count)
        case .weeks: return date.adding(days: -7 * count)
        case .months: return date.adding(months: -count)
        case .years: return date.adding(months: -12 * count)
        }
    }

    /// About how many days it is, to compare lengths.
    public var approximateDays: Int {
        switch unit {
        case .days: return count
        case .weeks: return 7 * count
        case .months: return 30 * count
        case .years: return 365 * count
        }
    }

    public var description: String { "\(count)\(unit.rawValue)" }

    /// What a bad length gets told.
    public static let hint = "write a number and d, w, m or y: 30d, 6w, 3m, 1y"
}

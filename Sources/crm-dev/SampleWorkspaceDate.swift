import CRMWorkspace

/// What the sample generator needs of dates beyond `CivilDate`.
extension CivilDate {
    var isWeekday: Bool { weekday <= 5 }

    /// Czech style day and month, `12. 3.`, as people write dates in notes.
    var czech: String { "\(day). \(month)." }

    /// A random weekday between `lower` and `upper` (both included), or `nil` when there is none.
    static func weekday(from lower: CivilDate, to upper: CivilDate, _ random: inout SeededRandom) -> CivilDate? {
        guard lower <= upper else { return nil }
        let day = lower.adding(days: random.int(0...lower.days(to: upper)))
        for offset in 0...6 {
            let before = day.adding(days: -offset), after = day.adding(days: offset)
            if before.isWeekday && before >= lower { return before }
            if after.isWeekday && after <= upper { return after }
        }
        return nil
    }
}

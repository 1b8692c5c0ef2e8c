import CRMWorkspace
import Foundation

/// The `Date` header (RFC 5322 section 3.3, obsolete forms included): `Thu, 20 Nov 2026
/// 14:05:33 +0100`, without the weekday or seconds, two-digit years, zone names (`GMT`,
/// `EST`) and a trailing `(CET)`.
public enum MailDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones: [String: Int] = ["ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -300, "edt": -240, "cst": -360,
                                               "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
                                               "cet": 60, "cest": 120]

    /// Seconds since 1970-01-01 00:00 UTC, or `nil` when the text is not a date.
    public static func instant(_ text: String) -> Int? {
        var words = text.split(whereSeparator: { " \t,".contains($0) }).map { String($0) }
        if let first = words.first, first.first?.isLetter == true, !months.contains(String(first.prefix(3)).lowercased()) {
            words.removeFirst()
        }
        guard words.count >= 4 else { return nil }
        // Day month year, or (as some programs write) month day year.
        var (dayText, monthText) = (words[0], words[1])
        if Int(dayText) == nil { swap(&dayText, &monthText) }
        guard let day = Int(dayText), let month = months.firstIndex(of: String(monthText.prefix(3)).lowercased()),
              var year = Int(words[2]) else { return nil }
        if words[2].count <= 2 { year += year < 50 ? 2000 : 1900 } else if words[2].count == 3 { year += 1900 }
        let clock = words[3].split(separator: ":").map { Int($0) }
        guard clock.count >= 2, clock.allSatisfy({ $0 != nil }), let hour = clock[0], let minute = clock[1],
              hour < 24, minute < 60, let date = CivilDate(year: year, month: month + 1, day: day) else { return nil }
        let second = clock.count > 2 ? min(clock[2]!, 59) : 0
        var offset = 0
        if words.count > 4 {
            let zone = words[4]
            if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let value = Int(zone.dropFirst()) {
                offset = (value / 100 * 60 + value % 100) * (sign == "-" ? -1 : 1)
            } else if let named = zones[zone.lowercased()] {
                offset = named
            }
        }
        return date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offset * 60
    }

    /// The instant as the local time of `zone` (the machine's by default), as records write times.
    public static func local(_ instant: Int, in zone: TimeZone = .current) -> CivilDateTime {
        let shifted = instant + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        let days = Int((Double(shifted) / 86_400).rounded(.down))
        return CivilDateTime(date: CivilDate(dayNumber: days), seconds: shifted - days * 86_400)
    }
}

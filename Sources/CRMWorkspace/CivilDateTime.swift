/// A date and time as records write it: `YYYY-MM-DDTHH:MM`, optionally with `:SS`
/// and a `Z` or `±HH:MM` offset (a space may stand for the `T`).
public struct CivilDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let date: CivilDate
    /// Seconds since midnight.
    public let seconds: Int
    /// Minutes east of UTC, when the text gave an offset.
    public let offset: Int?
    private let hasSeconds: Bool

    public init(date: CivilDate, seconds: Int = 0, offset: Int? = nil) {
        self.date = date
        self.seconds = seconds
        self.offset = offset
        self.hasSeconds = seconds % 60 != 0
    }

    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 16, let date = CivilDate(String(decoding: bytes[0..<10], as: UTF8.self)),
              bytes[10] == 0x54 || bytes[10] == 0x20, bytes[13] == 0x3A,
              let hour = CivilDate.digits(bytes[11..<13]), let minute = CivilDate.digits(bytes[14..<16]),
              hour < 24, minute < 60 else { return nil }
        var index = 16
        var second = 0
        var hasSeconds = false
        if index < bytes.count && bytes[index] == 0x3A {
            guard bytes.count >= index + 3, let value = CivilDate.digits(bytes[(index + 1)..<(index + 3)]), value < 60 else {
                return nil
            }
            second = value
            hasSeconds = true
            index += 3
        }
        var offset: Int?
        if index < bytes.count {
            if bytes[index] == 0x5A && index + 1 == bytes.count {
                offset = 0
            } else if (bytes[index] == 0x2B || bytes[index] == 0x2D) && bytes.count == index + 6 && bytes[index + 3] == 0x3A,
                      let hours = CivilDate.digits(bytes[(index + 1)..<(index + 3)]),
                      let minutes = CivilDate.digits(bytes[(index + 4)..<(index + 6)]), hours < 24, minutes < 60 {
                offset = (hours * 60 + minutes) * (bytes[index] == 0x2D ? -1 : 1)
            } else {
                return nil
            }
        }
        self.date = date
        self.seconds = hour * 3600 + minute * 60 + second
        self.offset = offset
        self.hasSeconds = hasSeconds
    }

    /// Seconds since 1970-01-01 00:00 in the time's own zone (UTC when it gave an offset).
    public var instant: Int {
        date.dayNumber * 86_400 + seconds - (offset ?? 0) * 60
    }

    public static func < (lhs: CivilDateTime, rhs: CivilDateTime) -> Bool { lhs.instant < rhs.instant }

    public static func == (lhs: CivilDateTime, rhs: CivilDateTime) -> Bool { lhs.instant == rhs.instant }

    public func hash(into hasher: inout Hasher) { hasher.combine(instant) }

    /// The ISO 8601 form: `T` between date and time, seconds only when given.
    public var description: String {
        var text = date.description + "T" + pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2)
        if hasSeconds { text += ":" + pad(seconds % 60, 2) }
        if let offset {
            if offset == 0 {
                text += "Z"
            } else {
                text += (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
            }
        }
        return text
    }
}

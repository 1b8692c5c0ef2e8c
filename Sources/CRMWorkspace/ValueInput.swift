/// Turns what a person types for a field into the value a record stores: dates normalised to
/// ISO 8601 (`today`, `tomorrow`, `+7d`, `20.11.2026` are understood), decimal commas to dots,
/// enum values matched without regard to case or diacritics, `yes`/`no` to `true`/`false`.
public struct ValueInput: Sendable {
    public let today: CivilDate
    /// The current date and time, for `now`.
    public let now: CivilDateTime

    public init(today: CivilDate, now: CivilDateTime) {
        self.today = today
        self.now = now
    }

    /// The value to store for `text` in a field of `kind`, or the problem with it.
    /// References are not looked up here.
    public func normalize(_ text: String, kind: FieldKind) -> Result<String, ValueCheck.Problem> {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return .success("") }
        let normalized: String
        switch kind.itemKind {
        case .date:
            guard let date = date(trimmed) else {
                return .failure(.init(message: "'\(text)' is not a date",
                                      hint: "write YYYY-MM-DD, today, tomorrow, yesterday, or +7d, -2w, +1m, +1y"))
            }
            normalized = date.description
        case .datetime:
            guard let moment = dateTime(trimmed) else {
                return .failure(.init(message: "'\(text)' is not a date and time", hint: "write YYYY-MM-DDTHH:MM, or now"))
            }
            normalized = moment.description
        case .number, .money:
            normalized = Self.numberText(trimmed)
        case .bool:
            switch TextFold.fold(trimmed) {
            case "yes", "true", "ano", "1": normalized = "true"
            case "no", "false", "ne", "0": normalized = "false"
            default: return .failure(.init(message: "'\(text)' is not true or false", hint: "write true or false (yes, no)"))
            }
        case .url where !trimmed.contains("://") && trimmed.contains(".") && !trimmed.contains(" "):
            normalized = "https://" + trimmed
        case .enumeration(let values):
            let folded = TextFold.fold(trimmed)
            normalized = values.first { $0 == trimmed } ?? values.first { TextFold.fold($0) == folded } ?? trimmed
        default:
            normalized = text
        }
        if let problem = ValueCheck.problem(with: normalized, kind: kind.itemKind) { return .failure(problem) }
        return .success(normalized)
    }

    /// A number as people type it, as records write it: spaces between digit groups dropped
    /// (`10 000`, also no-break and thin spaces), a decimal comma made a dot (`12,50`). The
    /// result is not checked; `Number` reads it.
    public static func numberText(_ text: String) -> String {
        let spaces: Set<Character> = [" ", "\u{A0}", "\u{202F}", "\u{2009}"]
        let groups = text.trimmingWhitespace().split(whereSeparator: { spaces.contains($0) })
        // Only groups of three digits follow the first: `10 0000` is a mistake, not a number.
        guard groups.dropFirst().allSatisfy({ $0.prefix(while: \.isNumber).count == 3 }),
              groups.dropLast().allSatisfy({ $0.allSatisfy(\.isNumber) || $0 == groups.first! && $0.dropFirst().allSatisfy(\.isNumber) })
        else { return text.trimmingWhitespace() }
        return groups.joined().replacing(",", with: ".")
    }

    /// `today`, `yesterday`, `tomorrow`, `+7d`, `-2w`, `+1m`, `-1y`, `2026-11-20`, `20.11.2026`.
    public func date(_ text: String) -> CivilDate? {
        switch text.lowercased() {
        case "today", "dnes": return today
        case "tomorrow", "zítra", "zitra": return today.adding(days: 1)
        case "yesterday", "včera", "vcera": return today.adding(days: -1)
        default: break
        }
        if let relative = Self.relativeDate(text, from: today) { return relative }
        if let date = CivilDate(text) { return date }
        if text.count > 10, let date = CivilDateTime(text)?.date { return date }
        let parts = text.split(separator: ".").map { $0.trimmingWhitespace() }
        if parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]), parts[2].count == 4 {
            return CivilDate(year: year, month: month, day: day)
        }
        return nil
    }

    /// `now`, `today` (midnight), a date (midnight), `YYYY-MM-DDTHH:MM[:SS]` with `T` or a space,
    /// or a date as `date(_:)` reads it, a space and `HH:MM[:SS]` (`20.11.2026 14:00`).
    public func dateTime(_ text: String) -> CivilDateTime? {
        if text.lowercased() == "now" { return now }
        if let moment = CivilDateTime(text) { return moment }
        if let space = text.lastIndex(of: " "), let day = date(String(text[..<space]).trimmingWhitespace()),
           let moment = CivilDateTime(day.description + "T" + Self.paddedTime(text[text.index(after: space)...])) {
            return moment
        }
        return date(text).map { CivilDateTime(date: $0) }
    }

    /// `9:05` as `09:05`, so a time typed without its leading zero reads.
    private static func paddedTime(_ time: Substring) -> String {
        time.first(where: { $0 == ":" }) != nil && time.prefix(while: { $0 != ":" }).count == 1 ? "0" + time : String(time)
    }

    /// `+7d`, `-2w`, `+1m`, `-1y`: the day that far from `today`.
    public static func relativeDate(_ text: String, from today: CivilDate) -> CivilDate? {
        // Dates run from year 1 to 9999, so a shift of more than 4,000,000 of any unit names
        // none; bounding it first keeps the arithmetic below from overflowing.
        guard let sign = text.first, sign == "+" || sign == "-", let unit = text.last,
              let amount = Int(text.dropFirst().dropLast()), amount.magnitude <= 4_000_000 else { return nil }
        let signed = sign == "-" ? -amount : amount
        let date: CivilDate
        switch unit {
        case "d": date = today.adding(days: signed)
        case "w": date = today.adding(days: 7 * signed)
        case "m", "y":
            let months = unit == "m" ? signed : 12 * signed
            let total = today.year * 12 + (today.month - 1) + months
            guard (12...(9999 * 12 + 11)).contains(total) else { return nil }
            date = today.adding(months: months)
        default: return nil
        }
        return (1...9999).contains(date.year) ? date : nil
    }
}

extension StringProtocol {
    /// Without spaces, tabs and line breaks at either end.
    public func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}

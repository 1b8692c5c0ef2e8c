/// Phone numbers compared as numbers, whatever their spacing: `777 000 111`, `777000111` and
/// `+420 777 000 111` are one number. What the user typed is stored; matching reads digits.
public enum PhoneNumber {
    /// The number in international form (`+420777000111`): a nine-digit number is taken to be
    /// in `country`; `00` starts an international one. `nil` for fewer than six digits.
    public static func normalized(_ text: String, country: String = "420") -> String? {
        var digits = text.filter(\.isASCII).filter(\.isNumber)
        let international = text.trimmingWhitespace().hasPrefix("+") || digits.hasPrefix("00")
        if digits.hasPrefix("00") { digits.removeFirst(2) }
        guard digits.count >= 6 else { return nil }
        if international { return "+" + digits }
        if digits.count == 9 { return "+" + country + digits }
        if digits.count == 12 && digits.hasPrefix(country) { return "+" + digits }
        return digits
    }

    /// The digits of a search word that looks like a phone number (`777000111`, `+420777000111`,
    /// at least six digits and nothing else); `nil` for any other word.
    public static func searchDigits(_ word: String) -> String? {
        let body = word.hasPrefix("+") ? word.dropFirst() : Substring(word)
        guard body.count >= 6, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(body)
    }

    /// True when `value` is written like a phone number (digits, spaces, `+ - ( ) / .`) and its
    /// digits hold `digits` (from `searchDigits`).
    public static func value(_ value: String, holds digits: String) -> Bool {
        guard value.allSatisfy({ $0.isASCII && ($0.isNumber || " +-()/.".contains($0)) }) else { return false }
        if value.filter(\.isNumber).contains(digits) { return true }
        // `777 402 118` holds `420777402118`: both in international form.
        guard let number = normalized(value), let wanted = normalized(digits) else { return false }
        return number.contains(wanted.dropFirst(wanted.hasPrefix("+") ? 1 : 0))
    }
}

/// Whether a written value fits its field's kind, and what to say when it does not.
/// References are checked against the index by `RecordValidator`.
public enum ValueCheck {
    /// A value that does not fit: what is wrong and how to write it.
    public struct Problem: Error, Sendable, Hashable {
        public var message: String
        public var hint: String?
    }

    /// The problem with `text` as a value of `kind` (a single item of a list), or `nil` when it fits.
    public static func problem(with text: String, kind: FieldKind) -> Problem? {
        if text.isEmpty { return nil }
        switch kind {
        case .text, .longText, .reference, .list, .map:
            break
        case .enumeration(let values):
            if !values.contains(text) {
                let close = Suggestions.closest(to: text, in: values)
                return Problem(message: "'\(text)' is not one of: \(values.joined(separator: ", "))",
                               hint: close.map { "did you mean '\($0)'?" })
            }
        case .date:
            if CivilDate(text) == nil {
                return Problem(message: "'\(text)' is not a date", hint: "write dates as YYYY-MM-DD, for example 2026-11-20")
            }
        case .datetime:
            if CivilDateTime(text) == nil {
                return Problem(message: "'\(text)' is not a date and time",
                               hint: "write YYYY-MM-DDTHH:MM, for example 2026-11-20T14:30")
            }
        case .number:
            if Number(text) == nil {
                return Problem(message: "'\(text)' is not a number", hint: "write digits with a dot for decimals: 12 or 12.5")
            }
        case .money:
            if Number(text) == nil || text.split(separator: ".").dropFirst().first.map({ $0.count > 2 }) == true {
                return Problem(message: "'\(text)' is not an amount of money",
                               hint: "write digits with at most two decimals after a dot: 12500 or 12500.50")
            }
        case .email:
            if !isEmail(text) {
                return Problem(message: "'\(text)' is not an e-mail address", hint: "write name@example.cz")
            }
        case .phone:
            if !isPhone(text) {
                return Problem(message: "'\(text)' is not a phone number", hint: "write digits, spaces and an optional +: +420 601 234 567")
            }
        case .url:
            if !isURL(text) {
                return Problem(message: "'\(text)' is not a web address", hint: "write it with its scheme: https://example.cz")
            }
        case .bool:
            if !["true", "false", "yes", "no"].contains(text) {
                return Problem(message: "'\(text)' is not true or false", hint: "write true or false")
            }
        }
        return nil
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), !text.contains(" ") else { return false }
        return !parts[1].contains("..")
    }

    static func isPhone(_ text: String) -> Bool {
        var digits = 0
        for (offset, character) in text.enumerated() {
            switch character {
            case "0"..."9": digits += 1
            case "+" where offset == 0: continue
            case " ", "-", "/", "(", ")": continue
            default: return false
            }
        }
        return (6...15).contains(digits)
    }

    static func isURL(_ text: String) -> Bool {
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) {
            let rest = text.dropFirst(scheme.count)
            return !rest.isEmpty && !rest.hasPrefix("/") && !text.contains(" ")
        }
        return false
    }
}

/// A decimal number as records write it: an optional `-`, digits, optionally a dot and digits.
public struct Number: Sendable, Hashable, Comparable {
    public let value: Double

    public init?(_ text: some StringProtocol) {
        var sawDigit = false
        var sawDot = false
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case 0x30...0x39: sawDigit = true
            case 0x2E where !sawDot && sawDigit: sawDot = true
            case 0x2D where offset == 0: continue
            default: return nil
            }
        }
        guard sawDigit, !text.hasSuffix("."), let value = Double(String(text)) else { return nil }
        self.value = value
    }

    public static func < (lhs: Number, rhs: Number) -> Bool { lhs.value < rhs.value }

    /// A computed number as records write one: no `.0` for whole numbers, at most two decimals.
    public static func text(_ number: Double) -> String {
        let hundredths = (number * 100).rounded()
        if hundredths.truncatingRemainder(dividingBy: 100) == 0 { return String(Int(hundredths / 100)) }
        var text = String(hundredths / 100)
        if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
            text = String(text[..<text.index(dot, offsetBy: 3)])
        }
        return text
    }
}

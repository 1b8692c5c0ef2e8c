import Foundation

/// An amount of money in hundredths (haléře, cents), exact: what invoices and statements add.
public struct Cents: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: Int

    public init(_ value: Int) { self.value = value }

    /// `1210`, `1210.5`, `-1210.50`, `1210.0000` (rounded half away from zero to cents);
    /// `nil` for anything else.
    public init?(decimal text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        let negative = rest.first == "-"
        if negative || rest.first == "+" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 15, parts[0].allSatisfy(\.isASCIIDigit),
              parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)), let whole = Int(parts[0]) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = Array(parts[1]).map { Int(String($0))! }
            fraction = (digits.first ?? 0) * 10 + (digits.count > 1 ? digits[1] : 0)
            if digits.count > 2 && digits[2] >= 5 { fraction += 1 }
        }
        value = (whole * 100 + fraction) * (negative ? -1 : 1)
    }

    /// `1210.50`, `-5.00`: the form a money field stores.
    public var description: String {
        let magnitude = abs(value)
        let fraction = magnitude % 100
        return (value < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    public static func < (lhs: Cents, rhs: Cents) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Cents, rhs: Cents) -> Cents { Cents(lhs.value + rhs.value) }
    public static func - (lhs: Cents, rhs: Cents) -> Cents { Cents(lhs.value - rhs.value) }
    public static prefix func - (amount: Cents) -> Cents { Cents(-amount.value) }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

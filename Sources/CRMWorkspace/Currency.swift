/// The currency of money values. A record names its own in a `currency` field (an invoice in
/// EUR); a record without one is in the workspace's currency (`currency:` in
/// `.crm/config.yaml`). Money in different currencies is never added: sums, averages, sort
/// orders and reports keep each currency apart.
public enum Currency {
    /// The field a record names its currency in.
    public static let field = "currency"

    /// True when records of `type` can name their currency.
    public static func isNamed(by type: RecordType) -> Bool {
        type.field(field) != nil
    }

    /// The currency of the money in `record`; `workspace` when it names none.
    public static func of(_ record: Record, default workspace: String) -> String {
        let named = record[field]?.string?.trimmingWhitespace() ?? ""
        return named.isEmpty ? workspace : named.uppercased()
    }
}

/// An amount of money with its currency, as computed columns write it: `12000.5 CZK`.
public struct MoneyAmount: Sendable, Hashable {
    public let amount: Double
    public let currency: String

    public init(amount: Double, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    /// Reads `12000.5 CZK`.
    public init?(_ text: String) {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let number = Number(parts[0]), parts[1].allSatisfy(\.isLetter) else { return nil }
        self.init(amount: number.value, currency: String(parts[1]))
    }

    /// `12000.5 CZK`: the amount as records write numbers, a space, the currency.
    public var text: String { Number.text(amount) + " " + currency }
}

/// One booked movement on a bank statement, as camt.053 and GPC both give it.
public struct BankTransaction: Sendable, Equatable {
    public enum Direction: Sendable, Equatable {
        /// Money in.
        case credit
        /// Money out.
        case debit
    }

    /// The bank's reference for it, unique within the account: what makes applying it twice impossible.
    public var reference: String
    /// Positive; `direction` says which way.
    public var amount: Cents
    public var currency: String
    public var direction: Direction
    /// A reversal (storno) of an earlier movement: it never pays an invoice.
    public var isReversal: Bool
    /// `YYYY-MM-DD`.
    public var booked: String
    public var variableSymbol: String?
    /// Who paid, as the bank names them.
    public var payer: String?
    /// Where it is in the statement file.
    public var line: Int

    public init(reference: String, amount: Cents, currency: String, direction: Direction, isReversal: Bool, booked: String,
                variableSymbol: String?, payer: String?, line: Int) {
        (self.reference, self.amount, self.currency, self.direction, self.isReversal) = (reference, amount, currency, direction, isReversal)
        (self.booked, self.variableSymbol, self.payer, self.line) = (booked, variableSymbol, payer, line)
    }

    /// A credit that is not a reversal: the only movement that pays an invoice.
    public var paysInvoice: Bool { direction == .credit && !isReversal }
}

/// A statement: its account and number, and its movements.
public struct BankStatement: Sendable {
    public var account: String
    public var number: String
    public var transactions: [BankTransaction]
}

/// The variable symbol Czech banks put into free text: `VS123`, `VS:123`, `VS/123`, `/VS/123/SS/…`,
/// `/VS123/SS456`, or an end-to-end id of digits only.
public enum VariableSymbol {
    public static func find(in text: String?, digitsOnly: Bool = false) -> String? {
        guard let text = text?.uppercased(), !text.isEmpty else { return nil }
        if digitsOnly, text.count <= 10, text.allSatisfy(\.isASCIIDigit) { return normalized(text) }
        var rest = Substring(text)
        while let range = rest.range(of: "VS") {
            let before = rest[..<range.lowerBound].last
            var after = rest[range.upperBound...]
            rest = after
            guard before == nil || !(before!.isLetter || before!.isNumber) else { continue }
            after = after.drop { $0 == ":" || $0 == "/" || $0 == " " || $0 == "=" || $0 == "." }
            let digits = after.prefix { $0.isASCIIDigit }
            if (1...10).contains(digits.count) { return normalized(String(digits)) }
        }
        return nil
    }

    /// Without leading zeros (GPC pads to ten digits); `nil` for all zeros.
    public static func normalized(_ digits: String) -> String? {
        let trimmed = String(digits.drop { $0 == "0" })
        return trimmed.isEmpty ? nil : trimmed
    }
}

import CRMInterchange
import CRMSyntax
import CRMWorkspace

/// A statement's credits applied to unpaid invoices, matched by variable symbol and currency:
/// the full amount sets `paid` to the booking date, less sets `paid-amount`, more is an
/// overpayment. Each movement's bank reference is kept in the invoice's `payments`, so a
/// statement imported twice (or two that overlap) applies every movement once. Debits and
/// reversals never pay an invoice.
public struct PaymentImport {
    public enum Outcome: Sendable, Equatable {
        case paid(invoice: String)
        case partlyPaid(invoice: String, remaining: Cents)
        case overpaid(invoice: String, by: Cents)
        case alreadyApplied(invoice: String)
        /// No unpaid invoice has the symbol in that currency.
        case unmatched
        /// A debit or a reversal.
        case notAPayment
        case rejected(String)
    }

    public struct Entry: Sendable {
        public var label: String
        public var transaction: BankTransaction
        public var outcome: Outcome
    }

    public private(set) var entries: [Entry] = []
    private let type: RecordType
    private let currency: String
    /// Invoice ids by variable symbol, and the invoice each applied bank reference went to.
    private var bySymbol: [String: [String]] = [:]
    private var applied: [String: String] = [:]

    /// Payments into the invoices `importer` holds; `currency` is the workspace's, for invoices that name none.
    public init(importer: RecordImport, type: RecordType) {
        self.type = type
        currency = importer.workspace.schema.currency
        for record in importer.existing where record.type == type.name {
            if let symbol = record["variable-symbol"]?.string.flatMap(VariableSymbol.normalized) { bySymbol[symbol, default: []].append(record.id) }
            for reference in record["payments"]?.strings ?? [] { applied[reference] = record.id }
        }
    }

    /// Applies one movement (found at `label`).
    public mutating func apply(_ transaction: BankTransaction, label: String, into importer: inout RecordImport) {
        func record(_ outcome: Outcome) { entries.append(Entry(label: label, transaction: transaction, outcome: outcome)) }
        guard transaction.paysInvoice else { return record(.notAPayment) }
        if let invoice = applied[transaction.reference] { return record(.alreadyApplied(invoice: invoice)) }
        let candidates = (transaction.variableSymbol.flatMap { bySymbol[$0] } ?? []).compactMap { id -> (String, RecordDocument)? in
            guard let document = importer.current(id) else { return nil }
            let own = document["currency"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? currency
            guard own == transaction.currency || transaction.currency.isEmpty,
                  let amount = document["amount"]?.string.flatMap(Cents.init(decimal:)), amount.value > 0 else { return nil }
            return (id, document)
        }
        let unpaid = candidates.filter { $0.1["paid"]?.isEmpty ?? true }
            .sorted { ($0.1["due"]?.string ?? "") < ($1.1["due"]?.string ?? "") }
        guard let (id, document) = unpaid.first ?? candidates.first else { return record(.unmatched) }
        let amount = document["amount"]!.string.flatMap(Cents.init(decimal:))!
        let before = document["paid-amount"]?.string.flatMap(Cents.init(decimal:)) ?? Cents(0)
        let isPaid = !(document["paid"]?.isEmpty ?? true)
        let total = (isPaid && before.value == 0 ? amount : before) + transaction.amount
        var fields = [Field(key: "payments", value: .list((document["payments"]?.strings ?? []) + [transaction.reference]))]
        let outcome: Outcome
        if total < amount {
            fields.append(Field(key: "paid-amount", value: .string(total.description)))
            outcome = .partlyPaid(invoice: id, remaining: amount - total)
        } else {
            if !isPaid { fields.append(Field(key: "paid", value: .string(transaction.booked))) }
            if total != amount || before.value > 0 { fields.append(Field(key: "paid-amount", value: .string(total.description))) }
            outcome = total == amount ? .paid(invoice: id) : .overpaid(invoice: id, by: total - amount)
        }
        guard importer.add(RecordImport.Item(label: label, type: type, id: id, fields: fields), key: nil) != nil else {
            if case .rejected(let reason)? = importer.outcomes.last?.kind { return record(.rejected(reason)) }
            return record(.rejected("the invoice \(id) cannot be updated"))
        }
        applied[transaction.reference] = id
        record(outcome)
    }
}

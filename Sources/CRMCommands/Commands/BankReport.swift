import CRMAccounting
import CRMTerminal

/// What `crm import bank` did with each movement, for people: payments and what they paid on
/// standard output, those that paid nothing on standard error, and a summary line.
enum BankReport {
    struct Counts {
        var paid = 0
        var partly = 0
        var unmatched = 0
        var overpaid = 0
    }

    static func write(_ entries: [PaymentImport.Entry], rejected: Set<String>, dryRun: Bool, _ context: inout CommandContext) -> Counts {
        var counts = Counts()
        var already = 0
        for entry in entries {
            let movement = entry.transaction
            let label = TerminalText.escaped(entry.label)
            let what = "\(movement.amount) \(movement.currency) on \(movement.booked)"
                + (movement.variableSymbol.map { ", VS \($0)" } ?? "") + (movement.payer.map { ", from \(TerminalText.escaped($0))" } ?? "")
            let verb = dryRun ? "would pay" : "paid"
            if rejected.contains(entry.label) {
                context.console.error("\(label): \(what): not applied: the invoice would not pass the check (crm check shows why)\n")
                continue
            }
            switch entry.outcome {
            case .paid(let invoice):
                counts.paid += 1
                context.console.line("\(label): \(what): \(verb) \(invoice)")
            case .partlyPaid(let invoice, let remaining):
                counts.partly += 1
                context.console.line("\(label): \(what): \(verb) part of \(invoice), \(remaining) \(movement.currency) still to pay")
            case .overpaid(let invoice, let by):
                counts.overpaid += 1
                context.console.error("\(label): \(what): \(verb) \(invoice), overpaid by \(by) \(movement.currency)\n")
            case .alreadyApplied(let invoice):
                already += 1
                context.console.line("\(label): \(what): applied to \(invoice) already")
            case .unmatched:
                counts.unmatched += 1
                context.console.error("\(label): \(what): no unpaid invoice has this variable symbol and currency\n")
            case .notAPayment, .rejected:
                if case .rejected(let reason) = entry.outcome { context.console.error("\(label): \(what): not applied: \(TerminalText.escaped(reason))\n") }
            }
        }
        context.console.line((dryRun ? "would pay " : "paid ") + "\(counts.paid), partly \(counts.partly), overpaid \(counts.overpaid), "
                             + "applied already \(already), unmatched \(counts.unmatched), "
                             + "not payments \(entries.filter { $0.outcome == .notAPayment }.count)")
        return counts
    }
}

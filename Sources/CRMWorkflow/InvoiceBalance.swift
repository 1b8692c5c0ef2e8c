import CRMWorkspace

/// What is still owed on an invoice: its amount less what was paid of it in parts
/// (`paid-amount`, which `crm import bank` writes); nothing once `paid` is set.
public enum InvoiceBalance {
    public static func outstanding(_ invoice: Record) -> Double {
        guard invoice["paid"]?.isEmpty ?? true else { return 0 }
        let amount = invoice.string("amount").flatMap(Number.init)?.value ?? 0
        let paid = invoice.string("paid-amount").flatMap(Number.init)?.value ?? 0
        return ((amount - paid) * 100).rounded() / 100
    }
}

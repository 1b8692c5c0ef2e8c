import CRMSyntax
import CRMWorkspace

/// An invoice: numbered `FV-YYYY-NNNN` by the year it was issued.
struct SampleInvoice {
    var number = ""
    var customer: String
    var issued: CivilDate
    var due: CivilDate
    /// Hundredths of the currency.
    var cents: Int
    var currency: String
    var paid: CivilDate?
    /// Left unpaid past its due date on purpose.
    var overdue = false
    var handStyled = false

    var id: String { number.lowercased() }

    /// `12500` or `12500.50`.
    var amount: String {
        let fraction = cents % 100
        if fraction == 0 { return "\(cents / 100)" }
        return "\(cents / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    func record() throws -> SampleRecord {
        var list = FieldList()
        list.add("number", number)
        list.add("customer", customer)
        list.add("issued", issued)
        list.add("due", due)
        list.add("amount", amount)
        list.add("currency", currency)
        list.add("paid", paid)
        var record = SampleRecord(type: "invoice", id: id, folder: "invoices", fields: list.fields)
        if handStyled {
            record = SampleRecord(type: "invoice", id: id, folder: "invoices",
                                  fields: list.fields + [Field(key: "paid", value: .string(""))])
            record.handText = try SampleHandStyle.invoice.render(record.fields)
        }
        return record
    }
}

extension SampleGenerator {
    /// What the company invoices, in CZK without VAT, and how often: parts, service visits,
    /// repairs, dryers and air receivers.
    private static let items: [(ClosedRange<Int>, Int)] = [
        (2_400...12_000, 4),
        (4_800...18_000, 5),
        (12_000...65_000, 3),
        (68_000...210_000, 1),
    ]
    private static let machines = 180_000...1_250_000

    mutating func makeInvoices() throws {
        var random = random("invoices")
        for customer in customers where ["active", "inactive", "churned"].contains(customer.status) {
            let large = customer.segment != "smb"
            var count = large ? random.int(2...3) : random.int(1...3)
            if customer.segment == "enterprise" { count = random.int(4...5) }
            if customer.kind == "person" { count = random.int(1...2) }
            let start = customer.historyStart(today: today).adding(days: 3)
            let end = customer.activeUntil.adding(days: customer.status == "active" ? -2 : -10)
            let currency = customer.has(.euro) ? "EUR" : "CZK"
            for _ in 0..<count {
                guard let issued = CivilDate.weekday(from: start, to: end, &random) else { continue }
                var base = random.weighted(Self.items)
                if large && random.chance(0.15) { base = Self.machines }
                let net = random.int(base) / 10 * 10
                // 21 % VAT; euros at 25 CZK.
                var invoice = SampleInvoice(
                    customer: customer.id, issued: issued, due: issued.adding(days: large ? 30 : 14),
                    cents: currency == "EUR" ? net * 121 / 25 : net * 121, currency: currency)
                settle(&invoice, &random)
                invoices.append(invoice)
            }
            if customer.has(.unpaidInvoice) { try addOverdue(customer, &random) }
        }
        // Škoda Transport's deposit on a compressor, issued last week: its record is written by hand.
        let issued = CivilDate.weekday(from: today.adding(days: -7), to: today.adding(days: -5), &random)!
        invoices.append(SampleInvoice(customer: "skoda-transport", issued: issued, due: issued.adding(days: 30),
                                      cents: 186_000 * 121, currency: "CZK", handStyled: true))
        try number(&random)
    }

    /// Paid a few days after issue (sometimes late) once due; mostly unpaid while not yet due.
    private func settle(_ invoice: inout SampleInvoice, _ random: inout SeededRandom) {
        let latest = today.adding(days: -1)
        if invoice.due < today {
            invoice.paid = min(latest, invoice.issued.adding(days: random.int(3...(invoice.issued.days(to: invoice.due) + 12))))
        } else if random.chance(0.25) && invoice.issued.adding(days: 2) <= latest {
            invoice.paid = invoice.issued.adding(days: random.int(2...invoice.issued.days(to: latest)))
        }
    }

    /// An invoice left unpaid past its due date: a month ago for active customers, the last
    /// one before they left for churned ones.
    private mutating func addOverdue(_ customer: SampleCustomer, _ random: inout SeededRandom) throws {
        let target = customer.status == "active" ? today.adding(days: -random.int(30...48))
            : customer.activeUntil.adding(days: -random.int(5...15))
        guard let issued = CivilDate.weekday(from: target.adding(days: -2), to: target.adding(days: 2), &random) else {
            throw SampleWorkspaceError("no weekday for the overdue invoice of \(customer.id)")
        }
        let net = random.int(12_000...65_000) / 10 * 10
        invoices.append(SampleInvoice(customer: customer.id, issued: issued, due: issued.adding(days: 14), cents: net * 121,
                                      currency: "CZK", overdue: true))
    }

    /// Numbers in order of issue, a new series each year, with the gaps of the invoices
    /// issued to customers outside this sample.
    private mutating func number(_ random: inout SeededRandom) throws {
        invoices.sort { ($0.issued, $0.customer) < ($1.issued, $1.customer) }
        var last: [Int: Int] = [:]
        for index in invoices.indices {
            let issued = invoices[index].issued
            let dayOfYear = CivilDate(year: issued.year, month: 1, day: 1)!.days(to: issued) + 1
            let sequence = max((last[issued.year] ?? 0) + 1, dayOfYear * 3 / 2 + random.int(0...2))
            last[issued.year] = sequence
            let digits = String(sequence)
            invoices[index].number = "FV-\(issued.year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
            try claimOrFail(invoices[index].id, for: "invoice")
        }
    }
}

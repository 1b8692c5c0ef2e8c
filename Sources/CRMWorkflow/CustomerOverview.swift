import CRMWorkspace

/// Everything a customer's records say about it, as `crm show` presents it and as scripts get
/// it in JSON: its contacts, open complaints (newest first), unpaid invoices (oldest due first)
/// with what is owed per currency, follow-ups still due, its calls (newest first), and the
/// records of other types that refer to it (deals).
public struct CustomerOverview: Sendable {
    public var contacts: [Record] = []
    public var openComplaints: [Record] = []
    public var unpaidInvoices: [Record] = []
    /// What the unpaid invoices come to, by currency, in currency order.
    public var owed: [(currency: String, amount: Double)] = []
    public var overdueInvoices = 0
    public var followUps: [Record] = []
    public var calls: [Record] = []
    /// The other records that refer to the customer, by type, in schema order.
    public var others: [(type: RecordType, records: [Record])] = []

    public init(customer: Record, index: WorkspaceIndex, today: CivilDate) {
        let referrers = index.referrers(of: customer)
        func text(_ record: Record, _ key: String) -> String { record.string(key) ?? "" }
        contacts = referrers.filter { $0.type == "contact" }
        let lifecycle = index.schema.type(named: "complaint").flatMap(Lifecycle.init)
        openComplaints = referrers.filter { $0.type == "complaint" && !(lifecycle?.isClosed($0.fields) ?? false) }
            .sorted { text($0, "opened") > text($1, "opened") }
        unpaidInvoices = referrers.filter { $0.type == "invoice" && text($0, "paid").isEmpty }.sorted { text($0, "due") < text($1, "due") }
        var totals: [String: Double] = [:]
        for invoice in unpaidInvoices {
            totals[Currency.of(invoice, default: index.schema.currency), default: 0] += InvoiceBalance.outstanding(invoice)
            if let date = CivilDate(text(invoice, "due")), date < today { overdueInvoices += 1 }
        }
        owed = totals.sorted { $0.key < $1.key }.map { ($0.key, ($0.value * 100).rounded() / 100) }
        calls = referrers.filter { $0.type == "call" }.sorted { Self.moment($0) > Self.moment($1) }
        followUps = calls.filter { Agenda.followUpIsPending($0, in: index) }.sorted { text($0, "follow-up") < text($1, "follow-up") }
        let shown: Set<String> = ["contact", "complaint", "call", "invoice"]
        for type in index.schema.types where !shown.contains(type.name) {
            let records = referrers.filter { $0.type == type.name }
            if !records.isEmpty { others.append((type, records)) }
        }
    }

    /// When a call happened, for ordering: seconds since 1970 on the records' own clock.
    private static func moment(_ call: Record) -> Int {
        let at = call.string("at") ?? ""
        return CivilDateTime(at)?.instant ?? CivilDate(at).map { $0.dayNumber * 86_400 } ?? 0
    }
}

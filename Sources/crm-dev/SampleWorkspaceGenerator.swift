import CRMSyntax
import CRMWorkspace

/// Builds the records of the sample workspace from seeds and `today`: customers first,
/// then their contacts, invoices, calls, complaints (which reuse calls) and deals.
struct SampleGenerator {
    static let seed: UInt64 = 0x2026_1122_C0DE_5EED
    /// The four people of the company; `owner`, `by` and complaint owners are theirs.
    static let team = ["jana", "petr", "martin", "lucie"]
    /// The team member who goes out to fix compressors.
    static let technician = "martin"

    let today: CivilDate
    var customers: [SampleCustomer] = []
    var contacts: [SampleContact] = []
    var invoices: [SampleInvoice] = []
    var calls: [SampleCall] = []
    var complaints: [SampleComplaint] = []
    var deals: [SampleDeal] = []
    /// Every id handed out so far, across all types.
    private(set) var ids: Set<String> = []

    init(today: CivilDate) {
        self.today = today
    }

    func random(_ stream: String) -> SeededRandom {
        SeededRandom(seed: Self.seed, stream: stream)
    }

    /// Every record, in a stable order.
    mutating func generate() throws -> [SampleRecord] {
        try makeCustomers()
        try makeContacts()
        try makeInvoices()
        try makeCalls()
        try makeComplaints()
        try makeDeals()
        return try records()
    }

    /// Reserves `id`; false when it is taken.
    mutating func claim(_ id: String) -> Bool {
        ids.insert(id).inserted
    }

    /// Reserves `id` or fails: ids of customers, contacts, invoices and deals come from names.
    mutating func claimOrFail(_ id: String, for what: String) throws {
        guard claim(id) else { throw SampleWorkspaceError("two records would have the id '\(id)' (\(what))") }
    }

    func customer(_ id: String) -> SampleCustomer {
        guard let customer = customers.first(where: { $0.id == id }) else { preconditionFailure("no customer \(id)") }
        return customer
    }

    func contacts(of customer: String) -> [SampleContact] {
        contacts.filter { $0.customer == customer }
    }

    func calls(of customer: String) -> [SampleCall] {
        calls.filter { $0.customer == customer }.sorted { $0.at < $1.at }
    }

    /// The customer's owner when they are on the team, otherwise someone from the team.
    func teamOwner(of customer: String, _ random: inout SeededRandom) -> String {
        let owner = self.customer(customer).owner
        return Self.team.contains(owner) ? owner : random.pick(Self.team)
    }

    private func records() throws -> [SampleRecord] {
        var records: [SampleRecord] = []
        records += customers.map { SampleRecord(type: "customer", id: $0.id, folder: "customers", fields: $0.fields, handText: $0.handText) }
        records += try contacts.map { try $0.record() }
        records += try invoices.map { try $0.record() }
        records += try calls.sorted { ($0.at, $0.id) < ($1.at, $1.id) }.map { try $0.record() }
        records += try complaints.map { try $0.record() }
        records += deals.map { $0.record() }
        return records
    }
}

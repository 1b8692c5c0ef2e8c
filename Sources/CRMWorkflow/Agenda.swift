import CRMSyntax
import CRMWorkspace

/// What is due: the follow-ups promised on calls, the deadlines of open complaints (any type
/// with a service level) and the customers and contacts due for contact (`ContactCadence`),
/// overdue first, then today's, then the coming days'.
///
/// A call's follow-up is done when the call has `follow-up-done`, or when a later call to the
/// same customer exists; a complaint's deadline is done when the complaint is closed.
public struct Agenda: Sendable {
    /// One thing to do.
    public struct Item: Sendable {
        public enum Kind: String, Sendable {
            case followUp = "follow-up"
            case deadline
            case contact = "due-for-contact"
        }

        public var kind: Kind
        public var record: Record
        public var due: CivilDate
        /// The customer's id, if the record names one.
        public var customer: String?
        /// What was promised: the call's subject and outcome, or the complaint's subject.
        public var promise: String { [subject, outcome].filter { !$0.isEmpty }.joined(separator: " · ") }
        /// The call's or complaint's subject (its title).
        public var subject: String
        /// How the call ended; empty for a deadline.
        public var outcome: String
        public var owner: String
        /// Days past due (negative: days left).
        public var daysLate: Int

        /// What it is, for people: `follow-up`, the record's type for a deadline, `in touch`.
        public var what: String {
            switch kind {
            case .followUp: return "follow-up"
            case .deadline: return record.type
            case .contact: return "in touch"
            }
        }
    }

    public let items: [Item]

    /// The agenda of `index` as of `today`, up to `days` days ahead; only items whose owner
    /// `owner` accepts, when given. Who is due for contact follows the schema's cadences.
    public init(index: WorkspaceIndex, today: CivilDate, days: Int, owner: ((String) -> Bool)? = nil) {
        let cadence = ContactCadence(schema: index.schema)
        let horizon = today.adding(days: days)
        var items = Self.promises(index: index, today: today, from: CivilDate(dayNumber: 0), until: horizon, done: false)
        for due in cadence.due(by: horizon, in: index, today: today) {
            let record = due.record
            let customer = record.type == "customer" ? record.id : record["customer"]?.string
            let owner = record["owner"]?.string ?? customer.flatMap(index.record)?["owner"]?.string ?? ""
            let last = due.lastContact.map { day in
                let ago = day.days(to: today)
                return "last call \(ago == 1 ? "1 day" : "\(ago) days") ago"
            } ?? "never called"
            items.append(Item(kind: .contact, record: record, due: due.due, customer: customer,
                              subject: "every \(due.cadence)", outcome: last, owner: owner,
                              daysLate: due.due.days(to: today)))
        }
        if let owner { items = items.filter { owner($0.owner) } }
        self.items = items.sorted { ($0.due, $0.record.path) < ($1.due, $1.record.path) }
    }

    /// What was on the agenda and is done: follow-ups done and deadlines of closed complaints
    /// that fell due from `since` to `until`, so a calendar marks them completed.
    public static func completed(index: WorkspaceIndex, today: CivilDate, since: CivilDate, until: CivilDate) -> [Item] {
        promises(index: index, today: today, from: since, until: until, done: true).sorted { ($0.due, $0.record.path) < ($1.due, $1.record.path) }
    }

    /// The follow-ups and deadlines due from `from` to `until`: those still to do, or with
    /// `done` those done.
    private static func promises(index: WorkspaceIndex, today: CivilDate, from: CivilDate, until: CivilDate, done: Bool) -> [Item] {
        var items: [Item] = []
        let latest = LatestCalls(index)
        for position in index.positions(ofType: "call") {
            let call = index.records[position]
            guard let due = call["follow-up"]?.string.flatMap(CivilDate.init), due >= from, due <= until,
                  followUpIsPending(call, latest: latest) != done else { continue }
            items.append(Item(kind: .followUp, record: call, due: due, customer: call["customer"]?.string,
                              subject: call["subject"]?.string ?? "", outcome: call["outcome"]?.string ?? "",
                              owner: call["by"]?.string ?? "", daysLate: due.days(to: today)))
        }
        for type in index.schema.types {
            guard let lifecycle = Lifecycle(type: type), lifecycle.deadlineField != nil else { continue }
            for position in index.positions(ofType: type.name) {
                let record = index.records[position]
                guard lifecycle.isClosed(record.fields) == done, let due = lifecycle.deadline(of: record.fields),
                      due >= from, due <= until else { continue }
                items.append(Item(kind: .deadline, record: record, due: due, customer: record["customer"]?.string,
                                  subject: index.title(of: record), outcome: "", owner: record["owner"]?.string ?? "",
                                  daysLate: due.days(to: today)))
            }
        }
        return items
    }

    public var overdue: [Item] { items.filter { $0.daysLate > 0 } }
    public var dueToday: [Item] { items.filter { $0.daysLate == 0 } }
    public var upcoming: [Item] { items.filter { $0.daysLate < 0 } }

    /// True when `call` promised a follow-up that is not done: it has no `follow-up-done` and no
    /// later call to the same customer exists.
    public static func followUpIsPending(_ call: Record, in index: WorkspaceIndex) -> Bool {
        followUpIsPending(call, latest: LatestCalls(index, customers: [call["customer"]?.string ?? ""]))
    }

    static func followUpIsPending(_ call: Record, latest: LatestCalls) -> Bool {
        !(call["follow-up"]?.isEmpty ?? true) && (call["follow-up-done"]?.isEmpty ?? true) && !latest.hasCall(after: call)
    }
}

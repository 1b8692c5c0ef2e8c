import CRMSyntax

/// Keeping in touch: how often a customer or contact should hear from the business, and when
/// that is due. A record's cadence is its own `contact-every`, else the shortest cadence the
/// workspace's settings give its segment or one of its tags, else the settings' `default`;
/// an active customer without any of these gets 90 days (what the dashboard always called
/// "not contacted"). It is due that long after the latest call naming the record (as its
/// customer, or for a contact as its contact), or after the record was created when no call
/// names it; a logged call or e-mail resets it. Churned customers and erased people are never due.
public struct ContactCadence: Sendable {
    /// The cadence of active customers the settings do not cover.
    public static let activeCustomers = CalendarLength("90d")!

    /// One record and when it is due for contact.
    public struct Due: Sendable {
        public let record: Record
        public let cadence: CalendarLength
        /// The day of the latest call naming it; `nil` when none does.
        public let lastContact: CivilDate?
        public let due: CivilDate
    }

    public let settings: [String: CalendarLength]

    public init(settings: [String: CalendarLength]) {
        self.settings = settings
    }

    /// The cadences the workspace's settings give (`cadence:` in `.crm/config.yaml`).
    public init(schema: Schema) {
        self.init(settings: schema.cadence)
    }

    /// The cadence of `record`, or `nil` when it has none.
    public func cadence(of record: Record) -> CalendarLength? {
        guard record.type == "customer" || record.type == "contact", !PersonalFields.isErased(record.fields),
              record["status"]?.string != "churned" else { return nil }
        if let own = record["contact-every"]?.string.flatMap(CalendarLength.init) { return own }
        let keys = [record["segment"]?.string].compactMap { $0 } + (record["tags"]?.strings ?? [])
        if let shortest = keys.compactMap({ settings[$0] }).min(by: { $0.approximateDays < $1.approximateDays }) { return shortest }
        if let fallback = settings["default"] { return fallback }
        return record.type == "customer" && record["status"]?.string == "active" ? Self.activeCustomers : nil
    }

    /// When the record at `position` of `index` is due for contact (`today` when it was never
    /// contacted and has no day it was created), or `nil` when it has no cadence.
    public func due(at position: Int, in index: WorkspaceIndex, today: CivilDate) -> Due? {
        let record = index.records[position]
        guard let cadence = cadence(of: record) else { return nil }
        let last = index.lastCall(to: position)
        let since = last ?? record["created"]?.string.flatMap { CivilDate($0.prefix(10)) }
        return Due(record: record, cadence: cadence, lastContact: last, due: since.map(cadence.after) ?? today)
    }

    /// Every customer and contact of `index` due for contact by `day`, soonest first.
    public func due(by day: CivilDate, in index: WorkspaceIndex, today: CivilDate) -> [Due] {
        (index.positions(ofType: "customer") + index.positions(ofType: "contact"))
            .compactMap { due(at: $0, in: index, today: today) }.filter { $0.due <= day }
            .sorted { ($0.due, $0.record.path) < ($1.due, $1.record.path) }
    }
}

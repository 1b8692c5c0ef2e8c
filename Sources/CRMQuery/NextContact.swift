import CRMWorkspace

/// `next-contact`, the day a customer or contact is due for contact by its cadence (its
/// `contact-every`, else the workspace's `cadence:` settings, else 90 days for an active
/// customer), as `crm agenda` and the dashboard count it. Records without a cadence have none.
struct NextContact: Sendable {
    /// The name queries, columns and sort keys use.
    static let name = "next-contact"
    let cadence: ContactCadence
    let today: CivilDate

    /// The pseudo-field for records of `type`, or `nil` when the type has a field of that name.
    static func resolve(_ text: String, in type: RecordType, schema: Schema, today: CivilDate,
                        offset: Int) throws(QueryError) -> NextContact? {
        guard text == name, type.field(name) == nil else { return nil }
        guard type.name == "customer" || type.name == "contact" else {
            throw QueryError(column: offset + 1, message: "'\(name)' is the day a customer or contact is due for contact; a \(type.name) has none",
                             hint: "query customers or contacts, for example crm list customer --where '\(name) <= today'")
        }
        return NextContact(cadence: ContactCadence(schema: schema), today: today)
    }

    /// The day as text, at `position` of `index`; empty without a cadence.
    func values(at position: Int, in index: WorkspaceIndex) -> [String] {
        cadence.due(at: position, in: index, today: today).map { [$0.due.description] } ?? []
    }

    /// The day for a record (looked up in the index by its id).
    func values(for record: Record, in index: WorkspaceIndex?) -> [String] {
        guard let index, let position = index.position(of: record.id) else { return [] }
        return values(at: position, in: index)
    }
}

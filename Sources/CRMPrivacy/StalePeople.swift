import CRMSyntax
import CRMWorkspace

/// People nobody has been in touch with for a long time (the GDPR's storage limitation): for
/// each person not erased, the last call that names them (as its contact, or as the customer
/// when the customer is a person), else the day the record was created; those older than the
/// cut-off, oldest first, for someone to review.
public struct StalePeople: Sendable {
    public struct Person: Sendable {
        public let record: Record
        /// The last contact's day, or `nil` when there was none and the record has no `created` day.
        public let lastContact: CivilDate?
        /// True when `lastContact` is the record's `created` day: no call names the person.
        public let neverContacted: Bool
    }

    public let people: [Person]

    /// The people of `index` last in touch before `cutoff`.
    public init(index: WorkspaceIndex, before cutoff: CivilDate) {
        var people: [Person] = []
        for (position, record) in index.records.enumerated() {
            guard let type = index.schema.type(named: record.type), PersonalFields.isPerson(type, fields: record.fields),
                  !PersonalFields.isErased(record.fields) else { continue }
            let last = index.lastCall(to: position)
            let created = record["created"]?.string.flatMap { CivilDate($0.prefix(10)) }
            guard (last ?? created).map({ $0 < cutoff }) ?? true else { continue }
            people.append(Person(record: record, lastContact: last ?? created, neverContacted: last == nil))
        }
        self.people = people.sorted { ($0.lastContact?.dayNumber ?? Int.min, $0.record.id) < ($1.lastContact?.dayNumber ?? Int.min, $1.record.id) }
    }

    /// The day `age` (`30d`, `6w`, `18m`, `3y`) before `today`, or `nil` when `age` is not such a length.
    public static func cutoff(_ age: String, today: CivilDate) -> CivilDate? {
        CalendarLength(age)?.before(today)
    }
}

import CRMSyntax
import CRMWorkspace

/// A person whose data the workspace holds: their record, its type, and what identifies them
/// in other records' text (the values of their personal name, e-mail and phone fields).
public struct PrivacySubject: Sendable {
    public let record: Record
    public let type: RecordType
    public let mention: PersonMention

    /// `record` as a person, or an error when its type marks no personal fields or it is not
    /// of the kind `person`.
    public init(_ record: Record, schema: Schema) throws(PrivacyError) {
        guard let type = schema.type(named: record.type) else {
            throw PrivacyError("\(record.id) is of the unknown type '\(record.type)'")
        }
        guard type.field(type.title)?.personal == true else {
            let marked = !PersonalFields.of(type).isEmpty
            throw PrivacyError("\(English.a(type.name)) is not a person: its title field '\(type.title)' is not marked `personal: true`",
                               hint: marked ? "privacy commands take the person (a contact, or a customer of kind person), and find this from there"
                                   : "mark the fields holding personal data with `personal: true` in .crm/types/\(type.name).yaml (docs/privacy.md)")
        }
        guard PersonalFields.isPerson(type, fields: record.fields) else {
            throw PrivacyError("\(record.id) is not a person (kind: \(record["kind"]?.string ?? "?")); a company has no personal data to export or erase",
                               hint: "a company's contacts are people: crm privacy export CONTACT")
        }
        self.record = record
        self.type = type
        var names: [String] = [], emails: [String] = [], phones: [String] = []
        for definition in PersonalFields.of(type) {
            let values = record[definition.key]?.strings ?? []
            switch definition.kind {
            case .email, .list(.email): emails += values
            case .phone, .list(.phone): phones += values
            default: if definition.key == type.title { names += values }
            }
        }
        mention = PersonMention(names: names, emails: emails, phones: phones)
    }

    /// The person's personal fields that hold a value, in file order.
    public var personalFields: [Field] {
        let keys = Set(PersonalFields.of(type).map(\.key))
        return record.fields.filter { keys.contains($0.key) && !$0.value.isEmpty }
    }

    /// True when the record was erased already.
    public var isErased: Bool { PersonalFields.isErased(record.fields) }

    /// The fields of `record` (another record) whose values name the person.
    public func mentioningFields(of record: Record) -> [String] {
        record.fields.filter { field in field.value.strings.contains(where: mention.isMentioned) }.map(\.key)
    }
}

/// Why a privacy command cannot do what it was asked, with a hint.
public struct PrivacyError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { message }
}

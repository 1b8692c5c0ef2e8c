import CRMSyntax

/// Which records are about a person and which of their fields are personal data (the GDPR's
/// sense), as the schema marks them with `personal: true`. A type is about people when its
/// title field is personal (a contact's `name`); a call's personal `summary` makes it hold
/// personal data, not a person. A type with a `kind` field offering `person` (the built-in
/// customer: a company or a person) is about a person only in records of that kind.
public enum PersonalFields {
    /// The field an erased record keeps, with the day it was erased; such a record keeps only
    /// its id and what it must keep, and its required fields may be missing.
    public static let erased = "erased"
    /// Why the business may keep a person's data (GDPR article 6).
    public static let lawfulBasis = "lawful-basis"
    /// What the person agreed to, each with its day.
    public static let consent = "consent"

    /// The personal fields of `type`, in schema order.
    public static func of(_ type: RecordType) -> [FieldDefinition] {
        type.fields.filter(\.personal)
    }

    /// True when the record with `fields`, of `type`, is about a person.
    public static func isPerson(_ type: RecordType, fields: [Field]) -> Bool {
        guard type.field(type.title)?.personal == true else { return false }
        guard let kind = type.field("kind"), case .enumeration(let values) = kind.kind, values.contains("person") else { return true }
        return fields.first { $0.key == "kind" }?.value.string == "person"
    }

    /// True when the record holds the `erased` marker.
    public static func isErased(_ fields: [Field]) -> Bool {
        fields.contains { $0.key == erased && !$0.value.isEmpty }
    }
}

import CRMWorkspace

/// A record type as a JSON Schema (draft-07), for editors' YAML plug-ins (yaml-language-server)
/// that validate records without crm: the type's fields with their descriptions, which are
/// required, enum values, and patterns for the kinds `crm check` reads (`ValueCheck`).
///
/// A YAML tool reads `amount: 1500` as a number, `paid: true` as a boolean and `note:` as null,
/// where crm reads text; so each value is accepted as text matching its kind, as the JSON
/// values a YAML 1.2 reader makes of such text, or empty. What a schema cannot know is left to
/// `crm check`: whether a referenced record exists, workflow moves, unique values, impossible
/// days such as 2026-02-30.
public enum RecordJSONSchema {
    /// The draft the schemas follow.
    public static let draft = "http://json-schema.org/draft-07/schema#"

    /// The schema of records of `type`.
    public static func schema(of type: RecordType) -> JSON {
        var properties = type.fields.map { field in (key: field.key, value: property(field)) }
        let written = [(ConflictMarks.field, "fields a merge could not settle, written by crm"),
                       (ConflictMarks.otherField, "the other side of a merge conflict, written by crm"),
                       (MergedRecords.field, "the ids of records merged into this one, written by crm merge")]
        for (key, description) in written where type.field(key) == nil {
            properties.append((key, .object([("description", .string(description))])))
        }
        var members: [(key: String, value: JSON)] = [
            ("$schema", .string(draft)),
            ("$id", .string("https://crm.invalid/types/\(type.name).schema.json")),
            ("title", .string(type.name)),
            ("description", .string(type.description.isEmpty ? "A \(type.name) record, one file in \(type.folder)/" : type.description)),
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("additionalProperties", .bool(false)),
        ]
        let required = type.fields.filter(\.required)
        if !required.isEmpty {
            // An erased person keeps only their id and references: nothing else is required then.
            let filled = JSON.object(required.map { (key: $0.key, value: .object([("not", .object([("enum", .array([.string(""), .null]))]))])) })
            let demand = JSON.object([("required", .array(required.map { .string($0.key) })), ("properties", filled)])
            if type.field(PersonalFields.erased) != nil {
                members.append(("if", .object([("required", .array([.string(PersonalFields.erased)])),
                                               ("properties", .object([(PersonalFields.erased, .object([("type", .string("string")), ("minLength", .integer(1))]))]))])))
                members.append(("else", demand))
            } else {
                members.append(("allOf", .array([demand])))
            }
        }
        return .object(members)
    }

    /// One field: its value's schema with the field's description.
    static func property(_ field: FieldDefinition) -> JSON {
        var description = (field.description.map { $0 + " · " } ?? "") + field.kind.description
        if let unit = field.unit { description += ", in \(unit)" }
        if field.required { description += ", required" }
        var members: [(key: String, value: JSON)] = [("description", .string(description))]
        switch field.kind {
        case .list(let item):
            members.append(("anyOf", .array([
                .object([("type", .string("array")), ("items", scalar(item, pattern: field.pattern))]), empty,
            ])))
        case .map(let keys):
            let entry = JSON.object([("type", .array(["string", "number", "boolean", "null"].map(JSON.string)))])
            members.append(("anyOf", .array([
                .object([("type", .string("object")), ("properties", .object(keys.map { (key: $0, value: entry) })),
                         ("additionalProperties", .bool(false))]), empty,
            ])))
        default:
            members += objectMembers(scalar(field.kind, pattern: field.pattern))
        }
        if let value = field.defaultValue, case .string(let text) = value, !text.isEmpty, CivilDate(text) == nil, text != "today", text != "now" {
            members.append(("default", .string(text)))
        }
        return .object(members)
    }

    /// Empty text or null: a field written with no value, which crm treats as absent.
    static let empty = JSON.object([("enum", .array([.string(""), .null]))])

    /// A single value of `kind`: text that `ValueCheck` accepts (and `pattern`, when given, as a whole).
    static func scalar(_ kind: FieldKind, pattern: String?) -> JSON {
        var text: [(key: String, value: JSON)] = [("type", .string("string"))]
        var alternatives: [JSON] = []
        switch kind {
        case .enumeration(let values):
            var allowed = values.map(JSON.string)
            allowed += values.compactMap { value in Int(value).map { .integer($0) } ?? (value == "true" || value == "false" ? .bool(value == "true") : nil) }
            return .object([("enum", .array(allowed + [.string(""), .null]))])
        case .bool:
            return .object([("enum", .array(["true", "false", "yes", "no"].map(JSON.string) + [.bool(true), .bool(false), .string(""), .null]))])
        case .date:
            text.append(("pattern", .string("^" + datePattern + "$")))
        case .datetime:
            text.append(("pattern", .string("^" + datePattern + "[T ]" + timePattern + "$")))
        case .number:
            text.append(("pattern", .string(#"^-?[0-9]+(\.[0-9]+)?$"#)))
            alternatives.append(.object([("type", .string("number"))]))
        case .money:
            text.append(("pattern", .string(#"^-?[0-9]+(\.[0-9]{1,2})?$"#)))
            alternatives.append(.object([("type", .string("number"))]))
        case .email:
            text.append(("pattern", .string(#"^[^@ ]+@(?!\.)(?!.*\.\.)[^@ ]*\.[^@ ]*[^@ .]$"#)))
        case .phone:
            text.append(("pattern", .string(#"^(?=(?:[^0-9]*[0-9]){6,15}[^0-9]*$)\+?[0-9 ()/-]+$"#)))
            alternatives.append(.object([("type", .string("integer")), ("minimum", .integer(100_000)), ("maximum", .integer(999_999_999_999_999))]))
        case .url:
            text.append(("pattern", .string(#"^[hH][tT][tT][pP][sS]?://[^/ ][^ ]*$"#)))
        case .reference(let target):
            text.append(("description", .string("the id of \(English.a(target)) (its file name without .yaml)")))
            alternatives.append(.object([("type", .string("integer"))]))
        case .text, .longText, .list, .map:
            alternatives.append(.object([("type", .array([.string("number"), .string("boolean")]))]))
        }
        var value = JSON.object(text)
        if let pattern {
            // The field's own pattern must match the whole text, as `crm check` asks. A YAML
            // tool reads digits as a number, to which a pattern does not apply.
            value = .object([("allOf", .array([value, .object([("type", .string("string")), ("pattern", .string("^(?:" + pattern + ")$"))])]))])
        }
        return .object([("anyOf", .array([value] + alternatives + [empty]))])
    }

    private static let datePattern = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    private static let timePattern = "([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?"

    private static func objectMembers(_ json: JSON) -> [(key: String, value: JSON)] {
        guard case .object(let members) = json else { return [] }
        return members
    }
}

import CRMSyntax

/// One field of a record type.
public struct FieldDefinition: Sendable, Hashable {
    public var key: String
    public var kind: FieldKind
    public var required: Bool
    /// The value `crm new` gives the field when none is given.
    public var defaultValue: Value?
    public var description: String?
    /// A regular expression the whole value (each item of a list) must match.
    public var pattern: String?
    /// The unit of a number (`minutes`, `percent`), for display.
    public var unit: String?

    public init(key: String, kind: FieldKind, required: Bool = false, defaultValue: Value? = nil,
                description: String? = nil, pattern: String? = nil, unit: String? = nil) {
        self.key = key
        self.kind = kind
        self.required = required
        self.defaultValue = defaultValue
        self.description = description
        self.pattern = pattern
        self.unit = unit
    }
}

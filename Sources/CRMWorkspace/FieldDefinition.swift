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
    /// For an enum field that carries a record's life (a complaint's `status`): the changes
    /// allowed and what closing a record takes.
    public var workflow: Workflow?
    /// For a date field that is a deadline (a complaint's `due`): how it is set.
    public var serviceLevel: ServiceLevel?
    /// Other names of the field in files from elsewhere (a CSV header `IČO` for `reg-no`).
    public var aliases: [String] = []
    /// For a map: other names of its entries, by alias (`Město` → `city`).
    public var entryAliases: [String: String] = [:]
    /// True when no two records may hold the same value (ignoring case and spacing).
    public var unique = false
    /// True when the field holds personal data about a person (the GDPR's sense): what
    /// `crm privacy export` shows and `crm privacy erase` removes.
    public var personal = false

    public init(key: String, kind: FieldKind, required: Bool = false, defaultValue: Value? = nil,
                description: String? = nil, pattern: String? = nil, unit: String? = nil,
                workflow: Workflow? = nil, serviceLevel: ServiceLevel? = nil) {
        self.key = key
        self.kind = kind
        self.required = required
        self.defaultValue = defaultValue
        self.description = description
        self.pattern = pattern
        self.unit = unit
        self.workflow = workflow
        self.serviceLevel = serviceLevel
    }
}

/// The allowed changes of an enum field, and the values that close a record.
///
///     transitions: [open > in-progress, in-progress > resolved, resolved > open]
///     closing: [resolved, rejected]
///     closing-requires: [resolution]
///     closing-stamp: closed
public struct Workflow: Sendable, Hashable {
    /// For each value, the values it may change to; a value missing here may not change.
    public var transitions: [String: [String]]
    /// Values that close the record.
    public var closing: [String]
    /// Fields that must hold a value when the record is closed.
    public var closingRequires: [String]
    /// A date field set to the day the record closes and cleared when it reopens.
    public var closingStamp: String?

    public init(transitions: [String: [String]], closing: [String], closingRequires: [String], closingStamp: String?) {
        self.transitions = transitions
        self.closing = closing
        self.closingRequires = closingRequires
        self.closingStamp = closingStamp
    }
}

/// How long a record may stay open, by the value of an enum field:
///
///     service-level: [critical 1d, high 3d, normal 10d, low 30d]
///     service-level-by: severity
///     service-level-from: opened
public struct ServiceLevel: Sendable, Hashable {
    /// Days allowed, by the value of `by`.
    public var days: [String: Int]
    /// The enum field whose value picks the days.
    public var by: String
    /// The date the days count from.
    public var from: String

    public init(days: [String: Int], by: String, from: String) {
        self.days = days
        self.by = by
        self.from = from
    }
}

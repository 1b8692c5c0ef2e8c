/// What a field holds, as the type file declares it with `kind:`.
public indirect enum FieldKind: Sendable, Hashable, CustomStringConvertible {
    case text
    /// Multi-line text (written as a `|` block).
    case longText
    /// One of the listed values, ordered as listed (so `severity >= high` means something).
    case enumeration([String])
    case date
    case datetime
    case number
    /// An amount of money: a decimal number with at most two decimal places.
    case money
    case email
    case phone
    case url
    case bool
    /// The id of a record of the named type.
    case reference(String)
    case list(FieldKind)
    /// One level of named text entries (`address: street, city, ...`).
    case map([String])

    /// The name written in type files (`long-text`, `reference`, ...).
    public var name: String {
        switch self {
        case .text: return "text"
        case .longText: return "long-text"
        case .enumeration: return "enum"
        case .date: return "date"
        case .datetime: return "datetime"
        case .number: return "number"
        case .money: return "money"
        case .email: return "email"
        case .phone: return "phone"
        case .url: return "url"
        case .bool: return "bool"
        case .reference: return "reference"
        case .list: return "list"
        case .map: return "map"
        }
    }

    /// Every name a type file may give.
    public static let names = ["text", "long-text", "enum", "date", "datetime", "number", "money", "email", "phone",
                               "url", "bool", "reference", "list", "map"]

    /// `list of reference to call`, `enum (open, closed)`, ...
    public var description: String {
        switch self {
        case .enumeration(let values): return "enum (\(values.joined(separator: ", ")))"
        case .reference(let type): return "reference to \(type)"
        case .list(let item): return "list of \(item)"
        case .map(let keys): return "map (\(keys.joined(separator: ", ")))"
        default: return name
        }
    }

    /// The kind of one item: the list's items for a list, the kind itself otherwise.
    public var itemKind: FieldKind {
        if case .list(let item) = self { return item }
        return self
    }

    /// The record type a reference (or list of references) points to.
    public var referencedType: String? {
        if case .reference(let type) = itemKind { return type }
        return nil
    }

    public var isList: Bool {
        if case .list = self { return true }
        return false
    }

    /// The enum values, for an enum or a list of enum values.
    public var enumValues: [String]? {
        if case .enumeration(let values) = itemKind { return values }
        return nil
    }
}

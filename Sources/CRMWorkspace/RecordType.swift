import CRMSyntax

/// A record type: the folder its records live in and the fields they have.
public struct RecordType: Sendable {
    /// The type's name, from its file name (`.crm/types/customer.yaml` → `customer`).
    public var name: String
    /// The top folder of its records, relative to the workspace (`customers`).
    public var folder: String
    /// The field used as the record's title.
    public var title: String
    /// The columns `crm list` shows: field keys, or `map.entry` for a map's entry.
    public var columns: [String]
    public var description: String
    public var fields: [FieldDefinition]
    /// The type file, relative to the workspace.
    public var path: String
    /// Type-level settings besides the fields (for example a complaint's status transitions).
    public var settings: [Field]

    /// Top-level keys of a type file that are not fields.
    public static let reservedKeys: Set<String> = ["type"]

    public init(name: String, folder: String, title: String, columns: [String], description: String = "",
                fields: [FieldDefinition], path: String, settings: [Field] = []) {
        self.name = name
        self.folder = folder
        self.title = title
        self.columns = columns
        self.description = description
        self.fields = fields
        self.path = path
        self.settings = settings
    }

    public func field(_ key: String) -> FieldDefinition? {
        fields.first { $0.key == key }
    }

    /// The keys of every field, in schema order.
    public var fieldKeys: [String] { fields.map(\.key) }

    /// The reference fields (single or list), with the type each points to.
    public var referenceFields: [(key: String, type: String)] {
        fields.compactMap { field in field.kind.referencedType.map { (field.key, $0) } }
    }
}

/// The record types of a workspace.
public struct Schema: Sendable {
    public var types: [RecordType]

    public init(types: [RecordType]) {
        self.types = types.sorted { $0.name < $1.name }
    }

    public func type(named name: String) -> RecordType? {
        types.first { $0.name == name }
    }

    /// The type whose folder is the first component of `relativePath`.
    public func type(forPath relativePath: String) -> RecordType? {
        let top = relativePath.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        return types.first { $0.folder == top }
    }

    public var typeNames: [String] { types.map(\.name) }
}

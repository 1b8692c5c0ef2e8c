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
    /// How `crm new` names records of this type.
    public var idStyle: IDStyle
    /// Where below the folder `crm new` puts records, by their date.
    public var subfolders: Subfolders

    /// How new records get their id.
    public enum IDStyle: String, Sendable, CaseIterable {
        /// From the title: `Škoda Transport a.s.` → `skoda-transport`.
        case title
        /// `DATE-REFERENCE-XXXX` from the first required date and reference, with a random part,
        /// so two people creating records offline never collide.
        case dated
    }

    /// Subfolders of new records, from their date.
    public enum Subfolders: String, Sendable, CaseIterable {
        case none
        /// `calls/2026/`
        case year
        /// `calls/2026/11/`
        case month
    }

    public init(name: String, folder: String, title: String, columns: [String], description: String = "",
                fields: [FieldDefinition], path: String, idStyle: IDStyle = .title,
                subfolders: Subfolders = .none) {
        self.name = name
        self.folder = folder
        self.title = title
        self.columns = columns
        self.description = description
        self.fields = fields
        self.path = path
        self.idStyle = idStyle
        self.subfolders = subfolders
    }

    public func field(_ key: String) -> FieldDefinition? {
        fields.first { $0.key == key }
    }

    /// The keys of every field, in schema order.
    public var fieldKeys: [String] { fields.map(\.key) }

    /// The field that dates a record: the first required date or date-and-time field.
    public var dateField: FieldDefinition? {
        fields.first { $0.required && ($0.kind == .date || $0.kind == .datetime) }
    }

    /// Where a new field goes in `document`: after the nearest field before it in the schema (or
    /// before the nearest one after it), so records keep the schema's order.
    public func position(forNewField key: String, in document: RecordDocument) -> FieldPosition {
        guard let index = fields.firstIndex(where: { $0.key == key }) else { return .end }
        for previous in fields[..<index].reversed() where document[previous.key] != nil {
            return .after(previous.key)
        }
        for next in fields[(index + 1)...] where document[next.key] != nil {
            return .before(next.key)
        }
        return .end
    }

    /// The reference fields (single or list), with the type each points to.
    public var referenceFields: [(key: String, type: String)] {
        fields.compactMap { field in field.kind.referencedType.map { (field.key, $0) } }
    }
}

/// The record types of a workspace.
public struct Schema: Sendable {
    public var types: [RecordType]
    /// The currency of money in records that do not name one (`currency:` in `.crm/config.yaml`).
    public var currency: String
    /// The language text sorts in (`language:` in `.crm/config.yaml`).
    public var language: Language
    /// How often customers and contacts of a segment or tag should hear from the business
    /// (`cadence:` in `.crm/config.yaml`).
    public var cadence: [String: CalendarLength]

    public init(types: [RecordType], currency: String = WorkspaceConfig().currency, language: Language = .english,
                cadence: [String: CalendarLength] = [:]) {
        self.types = types.sorted { $0.name < $1.name }
        self.currency = currency
        self.language = language
        self.cadence = cadence
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

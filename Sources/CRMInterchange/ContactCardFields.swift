import CRMSyntax
import CRMWorkspace

/// What a contact's or customer's card and record have in common, for `VdirSync`: each
/// synced field's values as text, read from either side, and a card brought up to date with
/// a record's values, keeping every property crm has no field for (further e-mails and
/// phones, birthdays, photos, the phone's own properties).
///
/// | field | property |
/// |---|---|
/// | the title (`name`) | `FN` (and `N`) |
/// | `email`, `phone` | the first `EMAIL`, the first `TEL` |
/// | `role` | `TITLE` |
/// | `customer` (a contact's) | `ORG`, by the customer's name |
/// | `website` | `URL` |
/// | `address` | `ADR` (street, city, postal code, country) |
/// | `notes` | `NOTE` |
/// | `tags` | `CATEGORIES` |
public enum ContactCardFields {
    /// The synced fields of `type`, in this order.
    public static func keys(of type: RecordType) -> [String] {
        [type.title, "email", "phone", "role", "customer", "website", "address", "notes", "tags"].filter { key in
            guard let definition = type.field(key) else { return false }
            return key != "customer" || definition.kind.referencedType != nil
        }
    }

    /// The synced values of a record (a reference as the referenced record's title).
    public static func values(of record: Record, type: RecordType, index: WorkspaceIndex) -> [String: [String]] {
        var values: [String: [String]] = [:]
        for key in keys(of: type) {
            switch key {
            case "customer":
                values[key] = record.string(key).flatMap(index.record).map { [index.title(of: $0)] } ?? []
            case "address":
                guard case .map(let entries)? = record[key] else { values[key] = []; continue }
                let parts = ["street", "city", "zip", "country"].map { part in entries.first { $0.key == part }?.value.string ?? "" }
                values[key] = parts.allSatisfy(\.isEmpty) ? [] : parts
            case "tags":
                values[key] = record[key]?.strings.filter { !$0.isEmpty } ?? []
            default:
                values[key] = (record[key]?.strings.first).flatMap { $0.isEmpty ? nil : [$0] } ?? []
            }
        }
        return values
    }

    /// The synced values a card holds, for the fields of `type`.
    public static func values(of card: VCard, type: RecordType) -> [String: [String]] {
        var values: [String: [String]] = [:]
        func one(_ name: String) -> [String] {
            guard let text = card.first(name)?.components.first?.first?.trimmingWhitespace(), !text.isEmpty else { return [] }
            return [text]
        }
        for key in keys(of: type) {
            switch key {
            case type.title: values[key] = one("FN")
            case "email": values[key] = one("EMAIL")
            case "phone": values[key] = one("TEL")
            case "role": values[key] = one("TITLE")
            case "customer": values[key] = one("ORG")
            case "website": values[key] = one("URL")
            case "notes": values[key] = card.first("NOTE").map { $0.components.joined().joined(separator: ",") }.map { $0.isEmpty ? [] : [$0] } ?? []
            case "tags": values[key] = card.first("CATEGORIES")?.components.first?.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty } ?? []
            case "address":
                let components = card.first("ADR")?.components ?? []
                let parts = [2, 3, 5, 6].map { components.indices.contains($0) ? components[$0].joined(separator: ",") : "" }
                values[key] = parts.allSatisfy(\.isEmpty) ? [] : parts
            default: break
            }
        }
        return values
    }

    /// True when `record`'s card is an organisation's (`KIND:org`): a customer that is not a person.
    public static func isOrganisation(_ record: Record) -> Bool {
        record.type == "customer" && record.string("kind") != "person"
    }

    /// `old` (a new card when `nil`) with the synced properties set to `values`, its `UID` and
    /// its `REV` (`20261122T100000Z`; none when `nil`); the other properties stay as they are.
    public static func card(_ values: [String: [String]], type: RecordType, uid: String, organisation: Bool,
                            updating old: VCard?, revision: String?) -> VCard {
        var card = old ?? VCard(version: "4.0", properties: [])
        func set(_ name: String, _ property: VCardProperty?) {
            if let index = card.properties.firstIndex(where: { $0.name == name }) {
                if var property {
                    property.group = card.properties[index].group
                    if property.parameters.isEmpty { property.parameters = card.properties[index].parameters }
                    card.properties[index] = property
                } else {
                    card.properties.remove(at: index)
                }
            } else if let property {
                card.properties.append(property)
            }
        }
        func text(_ name: String, _ key: String) {
            set(name, values[key]?.first.map { VCardProperty(name, $0) })
        }
        set("UID", VCardProperty("UID", uid))
        if organisation && card.version == "4.0" { set("KIND", VCardProperty("KIND", "org")) }
        let name = values[type.title]?.first ?? ""
        set("FN", VCardProperty("FN", name))
        let words = name.split(separator: " ").map(String.init)
        set("N", VCardProperty("N", components: organisation || words.count < 2
                                   ? [[name], [], [], [], []] : [[words.last!], [words.dropLast().joined(separator: " ")], [], [], []]))
        text("EMAIL", "email")
        // vCard 4.0 reads a bare TEL as a URI; a number as people write it is text.
        let phoneParameters = card.version == "4.0" && card.first("TEL") == nil ? [VCardParameter("VALUE", ["text"])] : []
        set("TEL", values["phone"]?.first.map { VCardProperty("TEL", $0, parameters: phoneParameters) })
        text("TITLE", "role")
        if organisation {
            set("ORG", VCardProperty("ORG", components: [[name]]))
        } else if keys(of: type).contains("customer") {
            set("ORG", values["customer"]?.first.map { VCardProperty("ORG", components: [[$0]]) })
        }
        set("URL", values["website"]?.first.map { VCardProperty("URL", parameters: [], components: [[$0]]) })
        set("ADR", values["address"].flatMap { parts in
            parts.count == 4 ? VCardProperty("ADR", components: [[], [], [parts[0]], [parts[1]], [], [parts[2]], [parts[3]]]) : nil
        })
        text("NOTE", "notes")
        set("CATEGORIES", values["tags"].flatMap { $0.isEmpty ? nil : VCardProperty("CATEGORIES", components: [$0]) })
        if let revision { set("REV", VCardProperty("REV", parameters: [], components: [[revision]])) }
        return card
    }
}

import CRMSyntax
import CRMWorkspace

/// Contacts and customers as vCards (RFC 6350) and back: name, organisation (a contact's
/// customer), e-mail, phone, role, address, notes and tags; the UID is made from the id.
public enum ContactCards {
    /// A vCard 4.0 of a contact or customer.
    public static func card(for record: Record, index: WorkspaceIndex) -> VCard {
        let name = index.title(of: record)
        var properties: [VCardProperty] = [VCardProperty("UID", "crm:\(record.type):\(record.id)")]
        let isOrganisation = record.type == "customer" && record.string("kind") != "person"
        if isOrganisation { properties.append(VCardProperty("KIND", "org")) }
        properties.append(VCardProperty("FN", name))
        let words = name.split(separator: " ").map(String.init)
        properties.append(VCardProperty("N", components: isOrganisation || words.count < 2
                                            ? [[name], [], [], [], []] : [[words.last!], [words.dropLast().joined(separator: " ")], [], [], []]))
        if isOrganisation {
            properties.append(VCardProperty("ORG", components: [[name]]))
        } else if let customer = record.string("customer").flatMap(index.record) {
            properties.append(VCardProperty("ORG", components: [[index.title(of: customer)]]))
        }
        for email in record["email"]?.strings ?? [] where !email.isEmpty { properties.append(VCardProperty("EMAIL", email)) }
        for phone in record["phone"]?.strings ?? [] where !phone.isEmpty {
            properties.append(VCardProperty("TEL", phone, parameters: [VCardParameter("VALUE", ["text"])]))
        }
        if let role = record.string("role"), !role.isEmpty { properties.append(VCardProperty("TITLE", role)) }
        if let website = record.string("website"), !website.isEmpty { properties.append(VCardProperty("URL", website)) }
        if case .map(let address)? = record["address"] {
            func entry(_ key: String) -> [String] { address.first { $0.key == key }?.value.string.map { [$0] } ?? [] }
            properties.append(VCardProperty("ADR", components: [[], [], entry("street"), entry("city"), [], entry("zip"), entry("country")]))
        }
        if let notes = record.string("notes"), !notes.isEmpty { properties.append(VCardProperty("NOTE", notes)) }
        if let tags = record["tags"]?.strings, !tags.isEmpty { properties.append(VCardProperty("CATEGORIES", components: [tags])) }
        return VCard(version: "4.0", properties: properties)
    }
}

import CRMSyntax
import CRMWorkspace

/// Contacts and customers as vCards (RFC 6350) for `crm export --format vcard`: the card
/// `ContactCardFields` makes for the phone sync (name, organisation, e-mail, phone, role,
/// website, address, notes, tags), with every further e-mail and phone; the UID is made from
/// the id.
public enum ContactCards {
    /// A vCard 4.0 of a contact or customer.
    public static func card(for record: Record, index: WorkspaceIndex) -> VCard {
        guard let type = index.schema.type(named: record.type) else { return VCard(version: "4.0", properties: []) }
        var values = ContactCardFields.values(of: record, type: type, index: index)
        if values[type.title]?.isEmpty ?? true { values[type.title] = [index.title(of: record)] }
        var card = ContactCardFields.card(values, type: type,
                                          uid: "crm:\(record.type):\(record.id)", organisation: ContactCardFields.isOrganisation(record),
                                          updating: nil, revision: nil)
        for email in (record["email"]?.strings ?? []).dropFirst().filter({ !$0.isEmpty }) {
            card.properties.append(VCardProperty("EMAIL", email))
        }
        for phone in (record["phone"]?.strings ?? []).dropFirst().filter({ !$0.isEmpty }) {
            card.properties.append(VCardProperty("TEL", phone, parameters: [VCardParameter("VALUE", ["text"])]))
        }
        return card
    }
}

import CRMSyntax
import CRMWorkspace

/// The few records written as people type them (a comment line, a quoted value, an empty
/// `paid:`), to show that the workspace is theirs; every other record is canonical.
/// Whatever the style, the text must read back as exactly the record's fields.
struct SampleHandStyle {
    enum Quote { case single, double }

    /// Comment lines at the top of the file, without `# `.
    var leading: [String] = []
    /// One-line values written in quotes although they need none.
    var quoted: [String: Quote] = [:]
    /// Lists written in flow style with double quotes around items that hold a space.
    var quotedItems: Set<String> = []
    /// A comment after the first line of a field, without `# `.
    var comments: [String: String] = [:]
    var commentColumn = 32

    static let contact = SampleHandStyle(
        leading: ["Potkali jsme se na veletrhu MSV v Brně, 2025"],
        quoted: ["phone": .single], quotedItems: ["tags"],
        comments: ["role": "rozhoduje o nákupu kompresorů a dílů"])
    static let call = SampleHandStyle(
        quoted: ["subject": .double],
        comments: ["at": "volala z mobilu, ne z kanceláře", "outcome": "číslo objednávky příště hlídat předem"])
    static let invoice = SampleHandStyle(
        leading: ["Záloha 30 % na kompresor, doplatek po instalaci"],
        comments: ["amount": "včetně DPH", "paid": "zatím nezaplaceno"])

    func render(_ fields: [Field]) throws -> String {
        var text = leading.map { "# \($0)\n" }.joined()
        for field in fields {
            var lines = try self.lines(field)
            if let comment = comments[field.key] {
                let padding = max(2, commentColumn - lines[0].count)
                lines[0] += String(repeating: " ", count: padding) + "# " + comment
            }
            text += lines.map { $0 + "\n" }.joined()
        }
        return text
    }

    private func lines(_ field: Field) throws -> [String] {
        switch field.value {
        case .string(""):
            return ["\(field.key):"]
        case .string(let value) where quoted[field.key] != nil:
            switch quoted[field.key]! {
            case .single where !value.contains("'"): return ["\(field.key): '\(value)'"]
            case .double where !value.contains("\"") && !value.contains("\\"): return ["\(field.key): \"\(value)\""]
            default: throw SampleWorkspaceError("cannot quote the value of '\(field.key)' by hand: \(value)")
            }
        case .list(let items) where quotedItems.contains(field.key):
            return ["\(field.key): [" + items.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: ", ") + "]"]
        default:
            let text = try RecordDocument(fields: [field]).text
            return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
    }
}

extension SampleHandStyle {
    /// `customers/skoda-transport.yaml` exactly as it was written by hand.
    static let skodaText = """
        # Customer since the Plzeň fair, 2024
        name: Škoda Transport a.s.      # legal name
        kind: company
        status: active
        segment: enterprise
        owner: jana
        email: nakup@skoda-transport.example.cz
        phone: +420 378 181 111
        website: https://skoda-transport.example.cz
        address:
          street: Emila Škody 2922/1
          city: Plzeň
          zip: '301 00'
          country: CZ
        reg-no: '26502399'
        vat-id: CZ26502399
        tags: [vip, "key account"]
        created: 2024-03-12
        notes: |
          Prefers e-mail. Invoices go to the accounting office,
          not to the plant.

        """

    static func skodaTransport(today: CivilDate) throws -> SampleCustomer {
        let fields: [Field]
        do {
            fields = try RecordDocument(parsing: skodaText, path: "customers/skoda-transport.yaml").values
        } catch {
            throw SampleWorkspaceError("the hand-written Škoda Transport record does not read: \(error)")
        }
        func value(_ key: String) -> String { fields[key]?.string ?? "" }
        guard let created = CivilDate(value("created")) else { throw SampleWorkspaceError("Škoda Transport: bad created date") }
        return SampleCustomer(
            id: "skoda-transport", name: value("name"), kind: value("kind"), status: value("status"),
            segment: value("segment"), owner: value("owner"), domain: "skoda-transport.example.cz",
            created: created, activeUntil: today.adding(days: -1), stories: [], plannedCalls: 14, fields: fields, handText: skodaText)
    }

    /// The people at Škoda Transport; Jana Dvořáková's record is written by hand.
    static func skodaContacts() -> [SampleContact] {
        [
            SampleContact(id: "jana-dvorakova", name: "Jana Dvořáková", customer: "skoda-transport", role: "nákupčí",
                          email: "jana.dvorakova@skoda-transport.example.cz", phone: "+420 601 234 567",
                          tags: ["rozhoduje", "MSV 2025"],
                          notes: "Nabídky chce v PDF, nikdy ne v těle e-mailu.\nV srpnu vždy na dovolené.\n", handStyled: true),
            SampleContact(id: "pavel-hruby", name: "Pavel Hrubý", customer: "skoda-transport", role: "vedoucí údržby",
                          email: "pavel.hruby@skoda-transport.example.cz", phone: "+420 724 518 930", tags: [],
                          notes: "Volat jen v pracovní dny do 14:00, pak je na hale.\n"),
            SampleContact(id: "lenka-markova", name: "Lenka Marková", customer: "skoda-transport", role: "účetní",
                          email: "lenka.markova@skoda-transport.example.cz", phone: "+420 777 402 118",
                          tags: ["fakturace"], notes: nil),
        ]
    }
}

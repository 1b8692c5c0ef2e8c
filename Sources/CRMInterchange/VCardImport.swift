import CRMSyntax
import CRMWorkspace

/// vCards as contacts, and their organisations (ORG) as customers. What a contact has no field
/// for is written into its notes (further e-mails and phones, addresses, birthday, web pages);
/// the rest (photos, keys, the exporter's own properties) is left out and counted.
public enum VCardImport {
    /// Plans every card of the file or folder at `path` (`shown` names it in messages); returns a
    /// note on what was left out.
    public static func run(_ path: String, shown: String, schema: Schema, key: String, into importer: inout RecordImport) throws(ImportError) -> [String] {
        guard let contact = schema.type(named: "contact"), let customer = schema.type(named: "customer") else {
            throw ImportError("vCards become contacts and customers, and this workspace has no contact or customer type")
        }
        let files = FileIO.isDirectory(path)
            ? (DirectoryWalker.names(in: path) ?? []).filter { $0.lowercased().hasSuffix(".vcf") }.sorted().map { (path + "/" + $0, $0) }
            : [(path, shown)]
        var dropped: [String: Int] = [:]
        var companies: [String: String] = [:]
        for (file, name) in files {
            let bytes: [UInt8]
            do { bytes = try FileIO.read(file) } catch { throw ImportError("cannot read \(name): \(error.description)") }
            let cards: [VCard]
            do {
                cards = try VCardReader.read(bytes)
            } catch {
                throw ImportError(error.diagnostic(path: name, code: "vcard", text: String(decoding: bytes, as: UTF8.self)))
            }
            for card in cards {
                let label = files.count > 1 ? "\(name):\(card.line)" : "card at line \(card.line)"
                var entry = Entry(card: card)
                let organisation = card.first("ORG")?.components.first?.first?.trimmingWhitespace() ?? ""
                if card.first("KIND")?.text.lowercased() == "org" || (entry.name.isEmpty && !organisation.isEmpty) {
                    entry.fields.append(Field(key: customer.title, value: .string(organisation.isEmpty ? entry.name : organisation)))
                    importer.add(entry.item(label: label, type: customer), key: customer.title)
                } else {
                    if !organisation.isEmpty, let reference = contact.referenceFields.first(where: { $0.type == customer.name }) {
                        let id = companies[TextFold.fold(organisation)]
                            ?? importer.match(type: customer, key: customer.title, value: .string(organisation))?.id
                            ?? importer.add(RecordImport.Item(label: "\(label) (ORG)", type: customer, id: nil,
                                                              fields: [Field(key: customer.title, value: .string(organisation))]), key: customer.title)
                        if let id {
                            companies[TextFold.fold(organisation)] = id
                            entry.fields.append(Field(key: reference.key, value: .string(id)))
                        }
                    }
                    entry.fields.append(Field(key: contact.title, value: .string(entry.name)))
                    importer.add(entry.item(label: label, type: contact), key: contact.field(key) == nil ? nil : key)
                }
                for property in entry.dropped { dropped[property, default: 0] += 1 }
            }
        }
        guard !dropped.isEmpty else { return [] }
        return ["left out: " + dropped.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")]
    }

    /// One card's values, sorted into fields, note lines and properties left out.
    private struct Entry {
        var name: String
        var fields: [Field] = []
        var notes: [String] = []
        var dropped: [String] = []
        private var emails: [String] = []
        private var phones: [String] = []

        init(card: VCard) {
            let structured = card.first("N").map { [$0.components.dropFirst().first?.first, $0.components.first?.first] }?
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            name = card.first("FN")?.text.trimmingWhitespace() ?? structured ?? ""
            if name.isEmpty { name = structured ?? "" }
            for property in card.properties {
                let kinds = property.parameter("TYPE").filter { !["internet", "pref", "voice"].contains($0.lowercased()) }
                let label = kinds.isEmpty ? "" : " (" + kinds.map { $0.lowercased() }.joined(separator: ", ") + ")"
                switch property.name {
                case "FN", "N", "ORG", "KIND", "UID", "VERSION", "PRODID", "REV": continue
                case "EMAIL":
                    emails.append(property.text)
                    if emails.count > 1 { notes.append("E-mail\(label): \(property.text)") }
                case "TEL":
                    phones.append(property.text)
                    if phones.count > 1 { notes.append("Phone\(label): \(property.text)") }
                case "TITLE", "ROLE":
                    if fields["role"] == nil {
                        fields.append(Field(key: "role", value: .string(property.text)))
                    } else {
                        notes.append("Role: \(property.text)")
                    }
                case "NOTE": notes.insert(property.text, at: 0)
                case "CATEGORIES": fields.append(Field(key: "tags", value: .list(property.components.first ?? [])))
                case "ADR": notes.append("Address\(label): \(property.text)")
                case "URL": notes.append("Web\(label): \(property.text)")
                case "BDAY": notes.append("Birthday: \(property.text)")
                case "NICKNAME": notes.append("Nickname: \(property.text)")
                default: dropped.append(property.name)
                }
            }
            if let email = emails.first { fields.append(Field(key: "email", value: .string(email))) }
            if let phone = phones.first { fields.append(Field(key: "phone", value: .string(phone))) }
        }

        /// The record: fields the type has, everything else in its notes.
        func item(label: String, type: RecordType) -> RecordImport.Item {
            var kept = fields.filter { type.field($0.key) != nil }
            let lost = fields.filter { type.field($0.key) == nil }.map { "\($0.key): \($0.value.strings.joined(separator: ", "))" }
            let lines = notes + lost
            if !lines.isEmpty && type.field("notes") != nil { kept.append(Field(key: "notes", value: .string(lines.joined(separator: "\n")))) }
            return RecordImport.Item(label: label, type: type, id: nil, fields: kept)
        }
    }
}

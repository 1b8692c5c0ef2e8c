import CRMTestSupport
import Testing
@testable import CRMInterchange
@testable import CRMWorkspace

/// `crm export --format vcard`'s cards: the sync's card, with every further e-mail and phone.
@Suite("Exported cards")
struct ContactCardsTests {
    @Test("A contact's exported card is the sync's card without REV, its UID made from the id")
    func sameAsSync() throws {
        let fixture = try TemporaryWorkspace(files: ContactCardFieldsTests.files)
        let index = WorkspaceIndex(workspace: fixture.workspace)
        let record = try #require(index.record("jana-mala"))
        let type = try #require(index.schema.type(named: "contact"))
        let exported = ContactCards.card(for: record, index: index)
        let synced = ContactCardFields.card(ContactCardFields.values(of: record, type: type, index: index), type: type,
                                            uid: "crm:contact:jana-mala", organisation: false, updating: nil, revision: nil)
        #expect(exported == synced)
        #expect(exported.first("REV") == nil)
        #expect(exported.first("ORG")?.components == [["Acme s.r.o."]])
        #expect(String(decoding: VCardWriter.write([exported]), as: UTF8.self).contains("TEL;VALUE=text:+420 601 123 456\r\n"))
    }

    @Test("Every e-mail and phone of a type that holds several is exported; the sync keeps to the first")
    func several() throws {
        let fixture = try TemporaryWorkspace(files: [
            "customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\n",
            "contacts/jana-mala.yaml": "name: Jana Malá\ncustomer: acme\nemail: [jana@acme.example.cz, jana.mala@example.cz]\nphone: [+420 601 123 456, +420 541 000 000]\n",
        ])
        let typeFile = fixture.root + "/.crm/types/contact.yaml"
        let text = try String(contentsOfFile: typeFile, encoding: .utf8)
            .replacing("email:\n  kind: email", with: "email:\n  kind: list\n  of: email")
            .replacing("phone:\n  kind: phone", with: "phone:\n  kind: list\n  of: phone")
        try fixture.write(".crm/types/contact.yaml", text)
        let index = WorkspaceIndex(workspace: fixture.workspace)
        let card = ContactCards.card(for: try #require(index.record("jana-mala")), index: index)
        #expect(card.properties.filter { $0.name == "EMAIL" }.map(\.text) == ["jana@acme.example.cz", "jana.mala@example.cz"])
        #expect(card.properties.filter { $0.name == "TEL" }.map(\.text) == ["+420 601 123 456", "+420 541 000 000"])
    }
}

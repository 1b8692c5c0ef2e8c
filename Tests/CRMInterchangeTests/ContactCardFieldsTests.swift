import CRMTestSupport
import Testing
@testable import CRMInterchange
@testable import CRMWorkspace

/// The fields a record and its card share: each read from either side gives the same values,
/// and bringing a card up to date keeps what crm has no field for.
@Suite("Cards and records, field by field")
struct ContactCardFieldsTests {
    static let files = [
        "customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\nwebsite: https://acme.example.cz\naddress:\n  street: Dlouhá 5\n  city: Brno\n  zip: 602 00\n  country: CZ\ntags: [vip, servis]\n",
        "contacts/jana-mala.yaml": "name: Jana Malá\ncustomer: acme\nrole: nákupčí\nemail: jana@acme.example.cz\nphone: +420 601 123 456\nnotes: Volat dopoledne; ne v pátek\n",
    ]

    @Test("Record → card → values: nothing lost", arguments: ["jana-mala", "acme"])
    func roundTrip(id: String) throws {
        let fixture = try TemporaryWorkspace(files: Self.files)
        let index = WorkspaceIndex(workspace: fixture.workspace)
        let record = try #require(index.record(id))
        let type = try #require(fixture.workspace.schema.type(named: record.type))
        let values = ContactCardFields.values(of: record, type: type, index: index)
        #expect(values.values.contains { !$0.isEmpty })
        let card = ContactCardFields.card(values, type: type, uid: "u-1", organisation: record.type == "customer",
                                          updating: nil, revision: "20261122T100000Z")
        let read = try #require(try VCardReader.read(VCardWriter.write([card])).first)
        #expect(ContactCardFields.values(of: read, type: type) == values)
        #expect(read.first("UID")?.text == "u-1")
        if record.type == "contact" {
            #expect(String(decoding: VCardWriter.write([card]), as: UTF8.self).contains("TEL;VALUE=text:+420 601 123 456\r\n"))
        }
    }

    @Test("Updating a card replaces only the synced properties, keeping their parameters and everything else")
    func keepsTheRest() throws {
        let fixture = try TemporaryWorkspace(files: Self.files)
        let type = try #require(fixture.workspace.schema.type(named: "contact"))
        let old = try #require(try VCardReader.read(Array("""
            BEGIN:VCARD\r
            VERSION:3.0\r
            UID:u-2\r
            FN:Jana Malá\r
            TEL;TYPE=cell:+420 601 000 000\r
            TEL;TYPE=work:+420 541 000 000\r
            BDAY:19850412\r
            X-PHONE-APP:starred\r
            END:VCARD\r

            """.utf8)).first)
        let card = ContactCardFields.card([type.title: ["Jana Malá"], "phone": ["+420 601 123 456"]], type: type, uid: "u-2",
                                          organisation: false, updating: old, revision: "20261122T100000Z")
        let text = String(decoding: VCardWriter.write([card]), as: UTF8.self)
        #expect(text.contains("VERSION:3.0\r\n"))
        #expect(text.contains("TEL;TYPE=cell:+420 601 123 456\r\nTEL;TYPE=work:+420 541 000 000\r\n"))
        #expect(text.contains("BDAY:19850412\r\n") && text.contains("X-PHONE-APP:starred\r\n"))
        #expect(!text.contains("KIND:"))
    }
}

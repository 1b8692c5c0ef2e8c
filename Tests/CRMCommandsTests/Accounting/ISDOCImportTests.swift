import CRMTestSupport
import Foundation
import Testing

/// `crm import isdoc`: invoices from the accounting program, on the customer their IČO or DIČ names, once.
@Suite("crm import isdoc", .serialized)
struct ISDOCImportTests {
    static let files = [
        "customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\nreg-no: '12345678'\n",
        "customers/beta.yaml": "name: Beta a.s.\nstatus: active\nvat-id: CZ11223344\n",
    ]

    static func write(_ text: String, _ path: String, in fixture: GitFixture) throws {
        let url = URL(fileURLWithPath: fixture.root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test("A folder of invoices: by IČO, by DIČ, an unknown customer named (exit 1); again, nothing changes")
    func folder() throws {
        let fixture = try GitFixture(files: Self.files)
        try Self.write(AccountingDocuments.isdoc(number: "FV-2026-0042"), "faktury/FV-2026-0042.isdoc", in: fixture)
        try Self.write(AccountingDocuments.isdoc(number: "FV-2026-0043", uuid: "3F2504E0-4F89-11D3-9A0C-0305E82C3302",
                                                 customer: .init(name: "Beta a.s.", regNo: nil, vatID: "CZ11223344"), amount: "605.00",
                                                 variableSymbol: "2026043"), "faktury/FV-2026-0043.isdoc", in: fixture)
        try Self.write(AccountingDocuments.isdoc(number: "FV-2026-0044", uuid: "3F2504E0-4F89-11D3-9A0C-0305E82C3303",
                                                 customer: .init(name: "Nová firma s.r.o.", regNo: "99887766", vatID: nil),
                                                 variableSymbol: "2026044"), "faktury/FV-2026-0044.isdoc", in: fixture)
        let first = fixture.crm(["import", "isdoc", "faktury"])
        #expect(first.status == 1)
        #expect(first.errors.contains("faktury/FV-2026-0044.isdoc: invoice FV-2026-0044: no customer is Nová firma s.r.o., IČO 99887766; "
                                      + "--create-customers creates it"))
        #expect(try fixture.read("invoices/fv-2026-0042.yaml") == """
            number: FV-2026-0042
            customer: acme
            issued: 2026-12-01
            due: 2026-12-15
            amount: 1210.00
            currency: CZK
            variable-symbol: 2026042
            uuid: 3F2504E0-4F89-11D3-9A0C-0305E82C3301
            source: isdoc FV-2026-0042.isdoc

            """)
        #expect(try fixture.read("invoices/fv-2026-0043.yaml").contains("customer: beta\n"))
        #expect(try fixture.git("log", "-1", "--format=%s") == "crm: import isdoc faktury (2 new, 0 updated)\n")
        let head = try fixture.git("rev-parse", "HEAD")
        let again = fixture.crm(["import", "isdoc", "faktury/FV-2026-0042.isdoc", "faktury/FV-2026-0043.isdoc"])
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.hasSuffix("created 0, updated 0, left 2 unchanged, rejected 0, customer not found 0\n"))
        #expect(try fixture.git("rev-parse", "HEAD") == head)
        let created = fixture.crm(["import", "isdoc", "faktury/FV-2026-0044.isdoc", "--create-customers"])
        #expect(created.status == 0, "\(created.errors)")
        let customer = try fixture.read("customers/nova-firma.yaml")
        #expect(customer.contains("name: Nová firma s.r.o.\n"))
        #expect(customer.contains("reg-no: 99887766\n"))
        #expect(customer.contains("address:\n  street: Hlavní 12\n  city: Plzeň\n  zip: 301 00\n  country: CZ\n"))
        #expect(try fixture.read("invoices/fv-2026-0044.yaml").contains("customer: nova-firma\n"))
    }

    @Test("The same document changed in the accounting program updates what changed; a credit note is negative and linked")
    func updateAndCredit() throws {
        let fixture = try GitFixture(files: Self.files)
        try Self.write(AccountingDocuments.isdoc(number: "FV-2026-0042"), "a.isdoc", in: fixture)
        #expect(fixture.crm(["import", "isdoc", "a.isdoc"]).status == 0)
        try Self.write(AccountingDocuments.isdoc(number: "FV-2026-0042", due: "2026-12-31"), "a.isdoc", in: fixture)
        let updated = fixture.crm(["import", "isdoc", "a.isdoc"])
        #expect(updated.output.contains("a.isdoc: updated invoice fv-2026-0042: due"), "\(updated.output)")
        #expect(try fixture.read("invoices/fv-2026-0042.yaml").contains("due: 2026-12-31\n"))
        try Self.write(AccountingDocuments.isdoc(number: "D-2026-0001", uuid: "3F2504E0-4F89-11D3-9A0C-0305E82C3399", type: 2,
                                                 amount: "242.00", original: "FV-2026-0042"), "d.isdoc", in: fixture)
        let credit = fixture.crm(["import", "isdoc", "d.isdoc"])
        #expect(credit.status == 0, "\(credit.errors)")
        let note = try fixture.read("invoices/d-2026-0001.yaml")
        #expect(note.contains("amount: -242.00\n"))
        #expect(note.contains("original: fv-2026-0042\n"))
        #expect(!note.contains("variable-symbol"))
    }

    @Test("A document type declaration is refused at its line and nothing is written")
    func doctype() throws {
        let fixture = try GitFixture(files: Self.files)
        let text = AccountingDocuments.isdoc(number: "FV-1").replacing("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                                                                       with: "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n")
        try Self.write(text, "x.isdoc", in: fixture)
        let head = try fixture.git("rev-parse", "HEAD")
        let result = fixture.crm(["import", "isdoc", "x.isdoc", "--create-customers"])
        #expect(result.status == 2)
        #expect(result.errors.contains("x.isdoc:2:1: error: a document type declaration (<!DOCTYPE>) is not allowed"))
        #expect(try fixture.git("rev-parse", "HEAD") == head)
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/invoices"))
    }

    static let hasUnzip = (try? GitFixture.shell(["sh", "-c", "command -v unzip && command -v python3"]))?.status == 0

    @Test(".isdocx: the document its manifest names, read with unzip", .enabled(if: hasUnzip, "unzip or python3 is not installed"))
    func isdocx() throws {
        let fixture = try GitFixture(files: Self.files)
        try Self.write(AccountingDocuments.isdoc(number: "FV-2026-0050"), "in/FV.isdoc", in: fixture)
        let zipped = try GitFixture.shell(["python3", "-c", """
            import zipfile, sys
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("manifest.xml", '<manifest xmlns="http://isdoc.cz/namespace/2013/manifest"><maindocument filename="FV.isdoc"/></manifest>')
                archive.write(sys.argv[2], "FV.isdoc")
                archive.writestr("priloha.pdf", "%PDF-")
            """, fixture.root + "/faktura.isdocx", fixture.root + "/in/FV.isdoc"])
        #expect(zipped.status == 0, "\(zipped.errors)")
        let result = fixture.crm(["import", "isdoc", "faktura.isdocx"], extra: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try fixture.read("invoices/fv-2026-0050.yaml").contains("source: isdoc faktura.isdocx\n"))
    }
}

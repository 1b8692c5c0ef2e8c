import CRMTestSupport
import Foundation
import Testing

/// `crm import bank`: statements pay invoices by variable symbol and currency, each movement once.
@Suite("crm import bank", .serialized)
struct BankImportTests {
    typealias Entry = AccountingDocuments.Entry

    static let files = [
        "customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\n",
        "invoices/fv-1.yaml": "number: FV-1\ncustomer: acme\nissued: 2026-12-01\ndue: 2026-12-15\namount: 1210.00\ncurrency: CZK\nvariable-symbol: '2026042'\n",
        "invoices/fv-2.yaml": "number: FV-2\ncustomer: acme\nissued: 2026-12-01\ndue: 2026-12-15\namount: 500.00\nvariable-symbol: '2026043'\n",
        "invoices/fv-3.yaml": "number: FV-3\ncustomer: acme\nissued: 2026-12-01\ndue: 2026-12-15\namount: 100.00\ncurrency: EUR\nvariable-symbol: '2026044'\n",
    ]

    static func write(_ bytes: [UInt8], _ path: String, in fixture: GitFixture) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: fixture.root + "/" + path))
    }

    @Test("camt.053: full, part and foreign-currency payments, an unknown symbol listed (exit 1); the statement again changes nothing")
    func camt() throws {
        let fixture = try GitFixture(files: Self.files)
        try Self.write(Array(AccountingDocuments.camt(entries: [
            Entry(amount: "1210.00", reference: "R1", endToEnd: "VS2026042"),
            Entry(amount: "200.00", reference: "R2", structured: "VS:2026043"),
            Entry(amount: "100.00", currency: "CZK", reference: "R3", endToEnd: "VS2026044"),
            Entry(amount: "999.00", reference: "R4", unstructured: "/VS/77/SS//KS/", payer: "Neznámý"),
            Entry(amount: "99.00", credit: false, reference: "R5", endToEnd: "VS2026042"),
            Entry(amount: "1210.00", reversal: true, reference: "R6", endToEnd: "VS2026042"),
        ]).utf8), "vypis.xml", in: fixture)
        let result = fixture.crm(["import", "bank", "vypis.xml"])
        #expect(result.status == 1)
        #expect(result.output.contains("vypis.xml:9: 1210.00 CZK on 2026-12-10, VS 2026042, from Acme s.r.o.: paid fv-1\n"), "\(result.output)")
        #expect(result.output.contains(": 200.00 CZK on 2026-12-10, VS 2026043, from Acme s.r.o.: paid part of fv-2, 300.00 CZK still to pay\n"))
        #expect(result.errors.contains(": 100.00 CZK on 2026-12-10, VS 2026044, from Acme s.r.o.: no unpaid invoice has this variable symbol and currency\n"))
        #expect(result.errors.contains(": 999.00 CZK on 2026-12-10, VS 77, from Neznámý: no unpaid invoice has this variable symbol and currency\n"))
        #expect(result.output.hasSuffix("paid 1, partly 1, overpaid 0, applied already 0, unmatched 2, not payments 2\n"))
        #expect(try fixture.read("invoices/fv-1.yaml").hasSuffix("variable-symbol: '2026042'\npaid: 2026-12-10\npayments: [R1]\n"))
        #expect(try fixture.read("invoices/fv-2.yaml").hasSuffix("variable-symbol: '2026043'\npaid-amount: 200.00\npayments: [R2]\n"))
        #expect(try fixture.git("log", "-1", "--format=%s") == "crm: import bank vypis.xml (1 paid, 1 partly paid)\n")
        let head = try fixture.git("rev-parse", "HEAD")
        let again = fixture.crm(["import", "bank", "vypis.xml"])
        #expect(again.output.hasSuffix("paid 0, partly 0, overpaid 0, applied already 2, unmatched 2, not payments 2\n"))
        #expect(try fixture.git("rev-parse", "HEAD") == head)
        let picture = fixture.crm(["show", "acme"]).output
        #expect(picture.contains("Unpaid invoices (2) · 300 CZK + 100 EUR"), "\(picture)")
    }

    @Test("GPC: the rest of a part payment pays the invoice; more than owed is an overpayment (exit 1)")
    func gpc() throws {
        let fixture = try GitFixture(files: Self.files)
        try Self.write(Array(AccountingDocuments.camt(entries: [Entry(amount: "200.00", reference: "R2", endToEnd: "VS2026043")]).utf8),
                       "a.xml", in: fixture)
        #expect(fixture.crm(["import", "bank", "a.xml"]).status == 0)
        try Self.write(AccountingDocuments.gpc(lines: [
            .init(id: "1001", hellers: 30_000, variableSymbol: "2026043", date: "121226"),
            .init(id: "1002", hellers: 130_000, variableSymbol: "2026042", date: "121226"),
        ]), "b.gpc", in: fixture)
        let result = fixture.crm(["import", "bank", "b.gpc"])
        #expect(result.status == 1)
        #expect(result.output.contains("b.gpc:2: 300.00 CZK on 2026-12-12, VS 2026043, from ACME S.R.O.: paid fv-2\n"), "\(result.output)")
        #expect(result.errors.contains("b.gpc:4: 1300.00 CZK on 2026-12-12, VS 2026042, from ACME S.R.O.: paid fv-1, overpaid by 90.00 CZK\n"))
        #expect(try fixture.read("invoices/fv-2.yaml").hasSuffix("paid: 2026-12-12\npaid-amount: 500.00\npayments: [R2, 0000001234567890/0000000001001]\n"))
        #expect(try fixture.read("invoices/fv-1.yaml").hasSuffix("paid: 2026-12-12\npaid-amount: 1300.00\npayments: [0000001234567890/0000000001002]\n"))
    }

    @Test("A statement that is not one is an error at its line; nothing is written")
    func broken() throws {
        let fixture = try GitFixture(files: Self.files)
        try Self.write(Array("<?xml version=\"1.0\"?>\n<Invoice xmlns=\"http://isdoc.cz/namespace/2013\"/>\n".utf8), "x.xml", in: fixture)
        let head = try fixture.git("rev-parse", "HEAD")
        let result = fixture.crm(["import", "bank", "x.xml"])
        #expect(result.status == 2)
        #expect(result.errors.contains("x.xml:2:1: error: not a camt.053 statement: the document is <Invoice> in http://isdoc.cz/namespace/2013"))
        #expect(try fixture.git("rev-parse", "HEAD") == head)
    }
}

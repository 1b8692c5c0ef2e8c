import CRMAccounting
import CRMInterchange
import CRMTestSupport
import Testing

@Suite("ISDOC invoices")
struct ISDOCInvoiceTests {
    @Test("An invoice: number, UUID, dates, amount, variable symbol and the customer party")
    func invoice() throws {
        let invoice = try ISDOCInvoice(parsing: Array(AccountingDocuments.isdoc(number: "FV-2026-0042").utf8))
        #expect(invoice.number == "FV-2026-0042")
        #expect(invoice.uuid == "3F2504E0-4F89-11D3-9A0C-0305E82C3301")
        #expect(invoice.issued == "2026-12-01")
        #expect(invoice.due == "2026-12-15")
        #expect(invoice.amount == Cents(121_000))
        #expect(invoice.currency == "CZK")
        #expect(invoice.variableSymbol == "2026042")
        #expect(invoice.customer == ISDOCInvoice.Party(name: "Acme s.r.o.", regNo: "12345678", vatID: "CZ12345678", street: "Hlavní 12",
                                                       city: "Plzeň", zip: "301 00", country: "CZ"))
        #expect(!invoice.isCreditNote)
    }

    @Test("A credit note is negative and names its original; a foreign-currency invoice is in that currency")
    func creditAndForeign() throws {
        let credit = try ISDOCInvoice(parsing: Array(AccountingDocuments.isdoc(number: "D-2026-0001", type: 2, amount: "242.00",
                                                                                original: "FV-2026-0042").utf8))
        #expect(credit.amount == Cents(-24_200))
        #expect(credit.original == "FV-2026-0042")
        let euro = try ISDOCInvoice(parsing: Array(AccountingDocuments.isdoc(number: "FV-2026-0043", amount: "25200.00",
                                                                              foreign: ("EUR", "1000.00")).utf8))
        #expect(euro.currency == "EUR")
        #expect(euro.amount == Cents(100_000))
    }

    @Test("Optional parts may be missing: no UUID, no payment means")
    func minimal() throws {
        let invoice = try ISDOCInvoice(parsing: Array(AccountingDocuments.isdoc(number: "7", uuid: nil, variableSymbol: nil, due: nil).utf8))
        #expect(invoice.uuid == nil)
        #expect(invoice.due == nil)
        #expect(invoice.variableSymbol == nil)
    }

    @Test("What is wrong is said at its element's line", arguments: [
        ("<?xml version=\"1.0\"?>\n<Invoice xmlns=\"http://isdoc.cz/namespace/invoice\" version=\"5.2\"/>", 2,
         "not an ISDOC invoice: the document is <Invoice> in http://isdoc.cz/namespace/invoice"),
        ("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"/>", 1,
         "not an ISDOC invoice: the document is <Document> in urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"),
    ])
    func wrongDocument(text: String, line: Int, message: String) {
        let error = #expect(throws: ReadError.self) { try ISDOCInvoice(parsing: Array(text.utf8)) }
        #expect(error?.line == line)
        #expect(error?.message == message)
    }

    @Test(arguments: [
        ("<PayableAmount>1210.00</PayableAmount>", "<PayableAmount>1 210,00</PayableAmount>",
         "LegalMonetaryTotal/PayableAmount '1 210,00' is not an amount"),
        ("<IssueDate>2026-12-01</IssueDate>", "<IssueDate>1. 12. 2026</IssueDate>", "IssueDate '1. 12. 2026' is not a date (YYYY-MM-DD)"),
        ("<ID>FV-2026-0042</ID>", "<ID></ID>", "the invoice has no ID"),
    ])
    func badValues(good: String, bad: String, message: String) {
        let text = AccountingDocuments.isdoc(number: "FV-2026-0042").replacing(good, with: bad)
        let error = #expect(throws: ReadError.self) { try ISDOCInvoice(parsing: Array(text.utf8)) }
        #expect(error?.message == message)
        #expect((error?.line ?? 0) > 1)
    }

    @Test("Amounts in cents, exactly", arguments: [("1210", 121_000), ("1210.5", 121_050), ("-5.00", -500), ("0.125", 13), ("1210.0000", 121_000)])
    func cents(text: String, value: Int) {
        #expect(Cents(decimal: text) == Cents(value))
    }

    @Test(arguments: ["", "1,5", "1.", ".5", "abc", "1e3", "--1"])
    func notCents(text: String) {
        #expect(Cents(decimal: text) == nil)
    }
}

import CRMAccounting
import CRMInterchange
import CRMTestSupport
import Testing

@Suite("Bank statements: camt.053 and GPC")
struct BankStatementTests {
    typealias Entry = AccountingDocuments.Entry

    @Test("The variable symbol wherever Czech and Slovak banks write it", arguments: [
        (Entry(amount: "1", reference: "a", endToEnd: "VS2026042"), "2026042"),
        (Entry(amount: "1", reference: "a", endToEnd: "2026042"), "2026042"),
        (Entry(amount: "1", reference: "a", endToEnd: "/VS2026042/SS456/KS0308"), "2026042"),
        (Entry(amount: "1", reference: "a", structured: "VS:0002026042"), "2026042"),
        (Entry(amount: "1", reference: "a", unstructured: "/VS/2026042/SS//KS/0308"), "2026042"),
        (Entry(amount: "1", reference: "a", unstructured: "Faktura FV-2026-0042, VS 2026042"), "2026042"),
        (Entry(amount: "1", reference: "a", unstructured: "platba za servis"), nil),
    ] as [(Entry, String?)])
    func variableSymbol(entry: Entry, expected: String?) throws {
        let statement = try CamtStatement.read(Array(AccountingDocuments.camt(entries: [entry]).utf8))
        #expect(statement[0].transactions[0].variableSymbol == expected)
    }

    @Test("Every version from 001.02 to 001.08: booked entries only, credits and debits, reversals, payers", arguments: 2...8)
    func versions(version: Int) throws {
        let statements = try CamtStatement.read(Array(AccountingDocuments.camt(version: version, entries: [
            Entry(amount: "1210.00", reference: "R1", endToEnd: "VS2026042", payer: "Acme s.r.o."),
            Entry(amount: "99.90", credit: false, reference: "R2"),
            Entry(amount: "1210.00", reversal: true, reference: "R3", endToEnd: "VS2026042"),
            Entry(amount: "500.00", reference: "R4", status: "PDNG"),
        ]).utf8))
        #expect(statements[0].account == "CZ6508000000192000145399")
        let movements = statements[0].transactions
        #expect(movements.map(\.reference) == ["R1", "R2", "R3"])
        #expect(movements.map(\.paysInvoice) == [true, false, false])
        #expect(movements[0] == BankTransaction(reference: "R1", amount: Cents(121_000), currency: "CZK", direction: .credit, isReversal: false,
                                                booked: "2026-12-10", variableSymbol: "2026042", payer: "Acme s.r.o.", line: movements[0].line))
        #expect(movements[1].direction == .debit)
    }

    @Test("Not a statement, or a broken entry: an error at its line")
    func broken() throws {
        let other = #expect(throws: ReadError.self) {
            try CamtStatement.read(Array("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.052.001.02\"/>".utf8))
        }
        #expect(other?.message.hasPrefix("not a camt.053 statement") == true)
        let text = AccountingDocuments.camt(entries: [Entry(amount: "12,50", reference: "R1")])
        let amount = #expect(throws: ReadError.self) { try CamtStatement.read(Array(text.utf8)) }
        #expect(amount?.message == "Ntry/Amt '12,50' is not an amount")
        #expect(amount?.line == 10)
    }

    @Test("GPC: fixed-width 074 and 075 records in Windows-1250, amounts in haléře, codes 1, 2, 4, 5")
    func gpc() throws {
        let bytes = AccountingDocuments.gpc(lines: [
            .init(id: "1001", hellers: 121_000, code: 2, variableSymbol: "2026042", name: "DVOŘÁK JAN"),
            .init(id: "1002", hellers: 9_990, code: 1, variableSymbol: "0"),
            .init(id: "1003", hellers: 121_000, code: 5, variableSymbol: "2026042"),
            .init(id: "1004", hellers: 5_000, code: 2, variableSymbol: "77", date: "311226", currency: "0978"),
        ])
        let statement = try #require(try GPCStatement.read(bytes).first)
        #expect(statement.number == "003")
        #expect(statement.transactions.map(\.amount) == [Cents(121_000), Cents(9_990), Cents(121_000), Cents(5_000)])
        #expect(statement.transactions.map(\.paysInvoice) == [true, false, false, true])
        #expect(statement.transactions[0].payer == "DVOŘÁK JAN")
        #expect(statement.transactions[0].variableSymbol == "2026042")
        #expect(statement.transactions[1].variableSymbol == nil)
        #expect(statement.transactions[3].booked == "2026-12-31")
        #expect(statement.transactions[3].currency == "EUR")
        #expect(statement.transactions[0].reference == "0000001234567890/0000000001001")
        #expect(statement.transactions.map(\.line) == [2, 4, 6, 8])
        let unix = bytes.filter { $0 != 0x0D }
        #expect(try GPCStatement.read(unix).first?.transactions.count == 4)
    }

    @Test("A GPC record cut short or with an unknown code is an error at its line and column")
    func brokenGPC() throws {
        var lines = AccountingDocuments.gpc(lines: [.init(id: "1", hellers: 100, variableSymbol: "1")]).split(separator: 0x0A).map(Array.init)
        lines[1] = Array(lines[1].prefix(100))
        let short = #expect(throws: ReadError.self) { try GPCStatement.read(lines.flatMap { $0 + [0x0A] }) }
        #expect(short == ReadError(line: 2, column: 1, message: "a 075 record is 100 characters long, not 128"))
        var code = AccountingDocuments.gpc(lines: [.init(id: "1", hellers: 100, code: 9, variableSymbol: "1")])
        let error = #expect(throws: ReadError.self) { try GPCStatement.read(code) }
        #expect(error == ReadError(line: 2, column: 61, message: "accounting code '9' is not 1, 2, 4 or 5"))
        code = Array("hello".utf8)
        #expect(throws: ReadError.self) { try GPCStatement.read(code) }
    }
}

import CRMAccounting
import CRMTestSupport
import Foundation
import Testing

/// Our ISDOC and camt.053 field extraction against Python's xml.etree on generated documents:
/// prefixed and default namespaces, entities, CDATA, comments and any indentation.
@Suite("Invoices and statements as Python's xml.etree reads them")
struct PythonXMLTests {
    static let names = ["Acme s.r.o.", "Dvořák &amp; syn", "Šťastný a spol. &#x10D;", "<![CDATA[Beta <a.s.>]]>", "Žluťoučký kůň, k.s."]

    /// `text` with its ISDOC elements under the `isdoc:` prefix, comments between elements, and other indentation.
    static func varied(_ text: String, random: inout SeededRandom) -> String {
        var text = text
        if random.chance(0.5) {
            text = text.replacing("<Invoice xmlns=\"http://isdoc.cz/namespace/2013\"", with: "<isdoc:Invoice xmlns:isdoc=\"http://isdoc.cz/namespace/2013\"")
            text = text.replacing(/<(\/?)([A-Z][A-Za-z]*)/) { match in "<\(match.1)isdoc:\(match.2)" }
                .replacing("<isdoc:isdoc:", with: "<isdoc:").replacing("</isdoc:isdoc:", with: "</isdoc:")
        }
        if random.chance(0.5) { text = text.replacing("><", with: random.pick([">\n  <", "><!-- a comment --><", ">\r\n\t<"])) }
        return text
    }

    @Test("200 generated invoices and statements")
    func generated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var random = SeededRandom(seed: 20_531)
        var paths: [String] = []
        for number in 0..<100 {
            let amount = "\(random.int(1...999_999)).\(random.int(0...99))" + random.pick(["", "0", "49"])
            let foreign: (String, String)? = random.chance(0.3) ? ("EUR", "\(random.int(1...9999)).\(random.int(10...99))") : nil
            let document = AccountingDocuments.isdoc(
                number: "FV-\(number)", uuid: random.chance(0.8) ? "3F2504E0-4F89-11D3-9A0C-\(100_000_000_000 + number)" : nil,
                type: random.pick([1, 1, 2, 6]), customer: .init(name: random.pick(Self.names), regNo: random.chance(0.8) ? "1234567\(number % 10)" : nil,
                                                                  vatID: random.chance(0.7) ? "CZ8765432\(number % 10)" : nil),
                amount: amount, foreign: foreign, variableSymbol: random.chance(0.8) ? "\(random.int(1...9_999_999_999))" : nil,
                due: random.chance(0.9) ? "2026-12-\(random.int(10...28))" : nil, original: random.chance(0.2) ? "FV-1" : nil)
            let path = folder.appendingPathComponent("i\(number).isdoc").path
            try Data(Self.varied(document, random: &random).utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        for number in 0..<100 {
            let entries = (0..<random.int(0...6)).map { index in
                AccountingDocuments.Entry(amount: "\(random.int(0...99_999)).\(random.int(10...99))", currency: random.pick(["CZK", "EUR"]),
                                          credit: random.chance(0.7), reversal: random.chance(0.1), booked: "2026-11-\(random.int(10...28))",
                                          reference: "R\(number)-\(index)", payer: random.chance(0.8) ? random.pick(Self.names) : nil,
                                          status: random.pick(["BOOK", "BOOK", "BOOK", "PDNG"]))
            }
            let document = AccountingDocuments.camt(version: random.int(2...8), entries: entries)
            let path = folder.appendingPathComponent("s\(number).xml").path
            try Data((random.chance(0.5) ? document.replacing("><", with: ">\n<") : document).utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let objects = try PythonHelper.jsonLines(PythonHelper.script("python_accounting.py"), input: paths, needs: "python3")
        #expect(objects.count == 200)
        for object in objects {
            let path = try #require(object["path"] as? String)
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let name = URL(fileURLWithPath: path).lastPathComponent
            if let entries = object["entries"] as? [[String: Any]] {
                let ours = try CamtStatement.read(bytes).flatMap(\.transactions)
                #expect(ours.map(\.reference) == entries.map { $0["reference"] as? String ?? "" }, "\(name)")
                #expect(ours.map(\.amount.value) == entries.map { $0["amount"] as? Int ?? -1 }, "\(name)")
                #expect(ours.map(\.currency) == entries.map { $0["currency"] as? String ?? "" }, "\(name)")
                #expect(ours.map { $0.direction == .credit } == entries.map { $0["credit"] as? Bool ?? false }, "\(name)")
                #expect(ours.map(\.isReversal) == entries.map { $0["reversal"] as? Bool ?? false }, "\(name)")
                #expect(ours.map(\.booked) == entries.map { $0["booked"] as? String ?? "" }, "\(name)")
                #expect(ours.map(\.payer) == entries.map { $0["payer"] as? String }, "\(name)")
            } else {
                let invoice = try ISDOCInvoice(parsing: bytes)
                #expect(invoice.number == object["number"] as? String, "\(name)")
                #expect(invoice.uuid == object["uuid"] as? String, "\(name)")
                #expect(invoice.documentType == object["type"] as? Int, "\(name)")
                #expect(invoice.issued == object["issued"] as? String, "\(name)")
                #expect(invoice.due == object["due"] as? String, "\(name)")
                #expect(invoice.amount.value == object["amount"] as? Int, "\(name)")
                #expect(invoice.currency == object["currency"] as? String, "\(name)")
                #expect(invoice.variableSymbol == object["variable-symbol"] as? String, "\(name)")
                #expect(invoice.customer.name == object["name"] as? String ?? "", "\(name)")
                #expect(invoice.customer.regNo == object["reg-no"] as? String, "\(name)")
                #expect(invoice.customer.vatID == object["vat-id"] as? String, "\(name)")
            }
        }
    }
}

import CRMInterchange

/// ISDOC invoices, camt.053 statements and GPC files as accounting programs and banks write
/// them, for tests: written here by rule, never downloaded.
public enum AccountingDocuments {
    public struct Party: Sendable {
        public var name = "Acme s.r.o."
        public var regNo: String? = "12345678"
        public var vatID: String? = "CZ12345678"
        public init(name: String = "Acme s.r.o.", regNo: String? = "12345678", vatID: String? = "CZ12345678") {
            self.name = name
            self.regNo = regNo
            self.vatID = vatID
        }
    }

    static func partyXML(_ party: Party, street: String = "Hlavní", city: String = "Plzeň") -> String {
        """
        <Party>\(party.regNo.map { "<PartyIdentification><ID>\($0)</ID></PartyIdentification>" } ?? "")\
        <PartyName><Name>\(escaped(party.name))</Name></PartyName>\
        <PostalAddress><StreetName>\(street)</StreetName><BuildingNumber>12</BuildingNumber><CityName>\(city)</CityName>\
        <PostalZone>301 00</PostalZone><Country><IdentificationCode>CZ</IdentificationCode><Name>Česko</Name></Country></PostalAddress>\
        \(party.vatID.map { "<PartyTaxScheme><CompanyID>\($0)</CompanyID><TaxScheme>VAT</TaxScheme></PartyTaxScheme>" } ?? "")</Party>
        """
    }

    public static func escaped(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }

    /// An ISDOC 6.0.2 invoice (`type` 1) or credit note (2, with `original`); `foreign` gives the amount in another currency.
    public static func isdoc(number: String, uuid: String? = "3F2504E0-4F89-11D3-9A0C-0305E82C3301", type: Int = 1,
                             customer: Party = Party(), amount: String = "1210.00", foreign: (currency: String, amount: String)? = nil,
                             variableSymbol: String? = "2026042", due: String? = "2026-12-15", issued: String = "2026-12-01",
                             original: String? = nil) -> String {
        let curr = foreign.map { "<PayableAmountCurr>\($0.amount)</PayableAmountCurr>" } ?? ""
        let payment = due.map { due in
            "<PaymentMeans><Payment><PaidAmount>\(amount)</PaidAmount><PaymentMeansCode>42</PaymentMeansCode><Details>"
                + "<PaymentDueDate>\(due)</PaymentDueDate><ID>123456789</ID><BankCode>0100</BankCode><Name>KB</Name>"
                + "<IBAN>CZ6501000000000123456789</IBAN><BIC>KOMBCZPP</BIC>"
                + (variableSymbol.map { "<VariableSymbol>\($0)</VariableSymbol>" } ?? "") + "</Details></Payment></PaymentMeans>"
        } ?? ""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <Invoice xmlns="http://isdoc.cz/namespace/2013" version="6.0.2">
              <DocumentType>\(type)</DocumentType>
              <ID>\(number)</ID>
              \(uuid.map { "<UUID>\($0)</UUID>" } ?? "")
              <IssueDate>\(issued)</IssueDate>
              <VATApplicable>true</VATApplicable>
              <ElectronicPossibilityAgreementReference/>
              <LocalCurrencyCode>CZK</LocalCurrencyCode>
              \(foreign.map { "<ForeignCurrencyCode>\($0.currency)</ForeignCurrencyCode>" } ?? "")
              <CurrRate>\(foreign == nil ? "1" : "25.2")</CurrRate>
              <RefCurrRate>1</RefCurrRate>
              <AccountingSupplierParty>\(partyXML(Party(name: "Strojservis Plzeň s.r.o.", regNo: "87654321", vatID: "CZ87654321")))</AccountingSupplierParty>
              <AccountingCustomerParty>\(partyXML(customer))</AccountingCustomerParty>
              \(original.map { "<OriginalDocumentReferences><OriginalDocumentReference id=\"o1\"><ID>\($0)</ID></OriginalDocumentReference></OriginalDocumentReferences>" } ?? "")
              <InvoiceLines><InvoiceLine><ID>1</ID><LineExtensionAmount>1000</LineExtensionAmount></InvoiceLine></InvoiceLines>
              <TaxTotal><TaxAmount>210</TaxAmount></TaxTotal>
              <LegalMonetaryTotal>
                <TaxExclusiveAmount>1000</TaxExclusiveAmount>
                <TaxInclusiveAmount>\(amount)</TaxInclusiveAmount>
                <PaidDepositsAmount>0</PaidDepositsAmount>
                <PayableAmount>\(amount)</PayableAmount>\(curr)
              </LegalMonetaryTotal>
              \(payment)
            </Invoice>

            """
    }

    /// One movement of a camt.053 statement and where a bank puts its variable symbol.
    public struct Entry: Sendable {
        public var amount: String
        public var currency = "CZK"
        public var credit = true
        public var reversal = false
        public var booked = "2026-12-10"
        public var reference: String
        public var endToEnd: String?
        public var structured: String?
        public var unstructured: String?
        public var payer: String? = "Acme s.r.o."
        public var status = "BOOK"

        public init(amount: String, currency: String = "CZK", credit: Bool = true, reversal: Bool = false, booked: String = "2026-12-10",
                    reference: String, endToEnd: String? = nil, structured: String? = nil, unstructured: String? = nil,
                    payer: String? = "Acme s.r.o.", status: String = "BOOK") {
            (self.amount, self.currency, self.credit, self.reversal, self.booked) = (amount, currency, credit, reversal, booked)
            (self.reference, self.endToEnd, self.structured, self.unstructured, self.payer, self.status) =
                (reference, endToEnd, structured, unstructured, payer, status)
        }
    }

    /// A camt.053.001.0`version` statement: `<Sts>` as text before version 7, as `<Sts><Cd>` after; the payer likewise.
    public static func camt(version: Int = 2, entries: [Entry]) -> String {
        let modern = version >= 7
        let body = entries.map { entry in
            let status = modern ? "<Sts><Cd>\(entry.status)</Cd></Sts>" : "<Sts>\(entry.status)</Sts>"
            let payer = entry.payer.map { modern ? "<Dbtr><Pty><Nm>\(escaped($0))</Nm></Pty></Dbtr>" : "<Dbtr><Nm>\(escaped($0))</Nm></Dbtr>" } ?? ""
            let remittance = [entry.unstructured.map { "<Ustrd>\($0)</Ustrd>" },
                              entry.structured.map { "<Strd><CdtrRefInf><Ref>\($0)</Ref></CdtrRefInf></Strd>" }].compactMap { $0 }.joined()
            return """
                    <Ntry>
                      <Amt Ccy="\(entry.currency)">\(entry.amount)</Amt>
                      <CdtDbtInd>\(entry.credit ? "CRDT" : "DBIT")</CdtDbtInd>
                      \(entry.reversal ? "<RvslInd>true</RvslInd>" : "")
                      \(status)
                      <BookgDt><Dt>\(entry.booked)</Dt></BookgDt>
                      <ValDt><Dt>\(entry.booked)</Dt></ValDt>
                      <AcctSvcrRef>\(entry.reference)</AcctSvcrRef>
                      <BkTxCd><Prtry><Cd>10000405000</Cd><Issr>CBA</Issr></Prtry></BkTxCd>
                      <NtryDtls><TxDtls>
                        <Refs>\(entry.endToEnd.map { "<EndToEndId>\($0)</EndToEndId>" } ?? "<EndToEndId>NOTPROVIDED</EndToEndId>")</Refs>
                        <RltdPties>\(payer)<DbtrAcct><Id><Othr><Id>123456789/0100</Id></Othr></Id></DbtrAcct></RltdPties>
                        \(remittance.isEmpty ? "" : "<RmtInf>\(remittance)</RmtInf>")
                      </TxDtls></NtryDtls>
                    </Ntry>
                """
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.0\(version)">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-12-10T20:00:00</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>2026-12-10-1</Id>
                  <CreDtTm>2026-12-10T20:00:00</CreDtTm>
                  <Acct><Id><IBAN>CZ6508000000192000145399</IBAN></Id><Ccy>CZK</Ccy></Acct>
            \(body)
                </Stmt>
              </BkToCstmrStmt>
            </Document>

            """
    }

    /// One `075` movement of a GPC statement.
    public struct Line: Sendable {
        public var id: String
        public var hellers: Int
        public var code: Int
        public var variableSymbol: String
        public var name: String
        public var date: String
        public var currency = "0203"
        public init(id: String, hellers: Int, code: Int = 2, variableSymbol: String, name: String = "ACME S.R.O.", date: String = "101226",
                    currency: String = "0203") {
            (self.id, self.hellers, self.code, self.variableSymbol, self.name, self.date, self.currency) =
                (id, hellers, code, variableSymbol, name, date, currency)
        }
    }

    /// A GPC (ABO) file: a `074` header and `075` lines of 128 characters, Windows-1250, CRLF.
    public static func gpc(account: String = "0000001234567890", number: String = "003", lines: [Line]) -> [UInt8] {
        func pad(_ text: String, _ width: Int, left: Bool = false, with fill: Character = " ") -> String {
            let cut = String(text.prefix(width))
            let padding = String(repeating: fill, count: width - cut.count)
            return left ? padding + cut : cut + padding
        }
        var records = ["074" + pad(account, 16) + pad("STROJSERVIS", 20) + "011226" + pad("100000", 14, left: true, with: "0") + "+"
                       + pad("221000", 14, left: true, with: "0") + "+" + pad("0", 14, left: true, with: "0") + "0"
                       + pad("0", 14, left: true, with: "0") + "0" + number + "101226" + pad("", 14)]
        for line in lines {
            records.append("075" + pad(account, 16) + pad("0000000123456789", 16) + pad(line.id, 13, left: true, with: "0")
                           + pad(String(line.hellers), 12, left: true, with: "0") + String(line.code)
                           + pad(line.variableSymbol, 10, left: true, with: "0") + "00" + "0100" + "0308" + pad("0", 10, left: true, with: "0")
                           + line.date + pad(line.name, 20) + "0" + line.currency + line.date)
            records.append("078" + pad("Faktura", 125))
        }
        return records.flatMap { Windows1250.encode($0)! + [0x0D, 0x0A] }
    }
}

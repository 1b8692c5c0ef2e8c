import CRMInterchange
import CRMWorkspace

/// What crm keeps of an ISDOC 6 invoice (the Czech e-invoice standard, namespace
/// `http://isdoc.cz/namespace/2013`), read from its XML: number, UUID, dates, the amount to pay
/// in its currency (a credit note's negative), the variable symbol and the customer party.
public struct ISDOCInvoice: Sendable, Equatable {
    public static let namespace = "http://isdoc.cz/namespace/2013"

    /// The customer as the invoice names it.
    public struct Party: Sendable, Equatable {
        public var name: String
        /// IČO.
        public var regNo: String?
        /// DIČ.
        public var vatID: String?
        public var street: String?
        public var city: String?
        public var zip: String?
        public var country: String?

        public init(name: String, regNo: String? = nil, vatID: String? = nil, street: String? = nil, city: String? = nil,
                    zip: String? = nil, country: String? = nil) {
            (self.name, self.regNo, self.vatID, self.street, self.city, self.zip, self.country) = (name, regNo, vatID, street, city, zip, country)
        }
    }

    public var number: String
    public var uuid: String?
    /// 1 invoice, 2 credit note, 3 debit note, 4 proforma, 5 advance, 6 credit note to an advance, 7 simplified.
    public var documentType: Int
    public var issued: String?
    public var due: String?
    /// What the customer is to pay, VAT included; negative for a credit note.
    public var amount: Cents
    public var currency: String
    public var variableSymbol: String?
    public var customer: Party
    /// The number of the invoice a credit note corrects.
    public var original: String?

    public var isCreditNote: Bool { documentType == 2 || documentType == 6 }

    /// Reads one ISDOC document; anything it cannot use is an error at the element's line.
    public init(parsing bytes: [UInt8]) throws(ReadError) {
        let root = try XMLTree(parsing: bytes).root
        guard root.name == "Invoice", root.namespace == Self.namespace else {
            throw ReadError(line: root.line, column: 1,
                            message: "not an ISDOC invoice: the document is <\(root.name)>"
                                + (root.namespace.isEmpty ? "" : " in \(root.namespace)"),
                            hint: "expected <Invoice xmlns=\"\(Self.namespace)\" version=\"6.0.2\">")
        }
        func required(_ path: String) throws(ReadError) -> String {
            guard let text = root.text(path) else {
                throw ReadError(line: root.line, column: 1, message: "the invoice has no \(path)")
            }
            return text
        }
        func date(_ path: String) throws(ReadError) -> String? {
            guard let element = root[path], !element.text.isEmpty else { return nil }
            guard element.text.count == 10, CivilDateCheck.isDate(element.text) else {
                throw ReadError(line: element.line, column: 1, message: "\(path) '\(element.text)' is not a date (YYYY-MM-DD)")
            }
            return element.text
        }
        number = try required("ID")
        uuid = root.text("UUID")
        let type = try required("DocumentType")
        guard let documentType = Int(type) else {
            throw ReadError(line: root["DocumentType"]!.line, column: 1, message: "DocumentType '\(type)' is not a number from 1 to 7")
        }
        self.documentType = documentType
        issued = try date("IssueDate")
        let foreign = root.text("ForeignCurrencyCode")
        currency = foreign ?? root.text("LocalCurrencyCode") ?? "CZK"
        let amountPath = foreign == nil ? "LegalMonetaryTotal/PayableAmount" : "LegalMonetaryTotal/PayableAmountCurr"
        let amountText = try required(amountPath)
        guard let amount = Cents(decimal: amountText) else {
            throw ReadError(line: root[amountPath]!.line, column: 1, message: "\(amountPath) '\(amountText)' is not an amount")
        }
        self.amount = documentType == 2 || documentType == 6 ? -amount : amount
        let payments = root.child("PaymentMeans")?.all("Payment") ?? []
        let details = payments.compactMap { $0.child("Details") }
        due = nil
        for detail in details where due == nil {
            if let text = detail.text("PaymentDueDate") {
                guard CivilDateCheck.isDate(text) else {
                    throw ReadError(line: detail.line, column: 1, message: "PaymentDueDate '\(text)' is not a date (YYYY-MM-DD)")
                }
                due = text
            }
        }
        variableSymbol = details.lazy.compactMap { $0.text("VariableSymbol") }.first
        guard let party = root["AccountingCustomerParty/Party"] else {
            throw ReadError(line: root.line, column: 1, message: "the invoice has no AccountingCustomerParty/Party")
        }
        customer = Party(name: party.text("PartyName/Name") ?? "", regNo: party.text("PartyIdentification/ID"),
                         vatID: party.all("PartyTaxScheme").lazy.compactMap { $0.text("CompanyID") }.first,
                         street: [party.text("PostalAddress/StreetName"), party.text("PostalAddress/BuildingNumber")]
                             .compactMap { $0 }.joined(separator: " ").nonEmpty,
                         city: party.text("PostalAddress/CityName"), zip: party.text("PostalAddress/PostalZone"),
                         country: party.text("PostalAddress/Country/IdentificationCode"))
        original = root.child("OriginalDocumentReferences")?.child("OriginalDocumentReference")?.text("ID")
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

/// Whether text is a `YYYY-MM-DD` date that exists.
enum CivilDateCheck {
    static func isDate(_ text: String) -> Bool {
        text.count == 10 && CivilDate(text) != nil
    }
}

import CRMInterchange
import CRMSyntax
import CRMWorkspace

/// ISDOC invoices planned as invoice records: the customer found by IČO, else DIČ (or created
/// from the party with `createCustomers`), the invoice found again by UUID, else number, so a
/// second import of the same document changes only what changed. Payment fields are never
/// touched: they belong to the bank's statements.
public enum InvoiceImport {
    /// The fields of the invoice type an import writes.
    public static let fields = ["number", "customer", "issued", "due", "amount", "currency", "variable-symbol", "original", "uuid", "source",
                                "paid", "paid-amount", "payments"]

    /// The invoice type, or an error naming what it lacks.
    public static func invoiceType(in schema: Schema) throws(ImportError) -> RecordType {
        guard let type = schema.type(named: "invoice") else {
            throw ImportError("this workspace has no invoice type", hint: "add .crm/types/invoice.yaml (crm init writes one)")
        }
        let missing = fields.filter { type.field($0) == nil }
        guard missing.isEmpty else {
            throw ImportError("the invoice type has no field " + missing.map { "'\($0)'" }.joined(separator: ", ")
                              + ", which imported invoices and payments need",
                              hint: "add them to \(type.path); the invoice type `crm init` writes has them")
        }
        return type
    }

    /// What became of one document.
    public enum Outcome: Sendable, Equatable {
        /// Planned in the import (see its outcomes): created, updated or unchanged.
        case planned(id: String)
        /// No customer has the party's IČO or DIČ.
        case unknownCustomer(String)
        case rejected(String)
    }

    /// Plans `invoice` (read from the file `source`) into `importer`.
    public static func add(_ invoice: ISDOCInvoice, label: String, source: String, type: RecordType, createCustomers: Bool,
                           into importer: inout RecordImport) -> Outcome {
        let schema = importer.workspace.schema
        guard let customerType = schema.type(named: "customer") else { return .rejected("this workspace has no customer type") }
        let party = invoice.customer
        var customer = party.regNo.flatMap { importer.match(type: customerType, key: "reg-no", value: .string($0))?.id }
            ?? party.vatID.flatMap { importer.match(type: customerType, key: "vat-id", value: .string($0))?.id }
        if customer == nil {
            let named = [party.name, party.regNo.map { "IČO \($0)" }, party.vatID.map { "DIČ \($0)" }].compactMap { $0 }.joined(separator: ", ")
            guard createCustomers else { return .unknownCustomer(named) }
            var fields = [Field(key: "name", value: .string(party.name))]
            if customerType.field("kind") != nil { fields.append(Field(key: "kind", value: .string("company"))) }
            if let regNo = party.regNo { fields.append(Field(key: "reg-no", value: .string(regNo))) }
            if let vatID = party.vatID { fields.append(Field(key: "vat-id", value: .string(vatID))) }
            let address = [("street", party.street), ("city", party.city), ("zip", party.zip), ("country", party.country)]
                .compactMap { entry in entry.1.map { MapEntry(key: entry.0, value: .string($0)) } }
            if !address.isEmpty && customerType.field("address") != nil { fields.append(Field(key: "address", value: .map(address))) }
            customer = importer.add(RecordImport.Item(label: label + " (customer)", type: customerType, id: nil, fields: fields), key: "reg-no")
            guard customer != nil else {
                if case .rejected(let reason)? = importer.outcomes.last?.kind { return .rejected("its customer cannot be created: \(reason)") }
                return .rejected("its customer cannot be created")
            }
        }
        let existing = invoice.uuid.flatMap { importer.match(type: type, key: "uuid", value: .string($0))?.id }
            ?? importer.match(type: type, key: "number", value: .string(invoice.number))?.id
        var fields: [Field] = [
            Field(key: "number", value: .string(invoice.number)),
            Field(key: "customer", value: .string(customer!)),
            Field(key: "amount", value: .string(invoice.amount.description)),
            Field(key: "currency", value: .string(invoice.currency)),
        ]
        func add(_ key: String, _ value: String?) { if let value { fields.append(Field(key: key, value: .string(value))) } }
        add("issued", invoice.issued)
        add("due", invoice.due)
        // A credit note often repeats its original's symbol; payments are matched to the original.
        if !invoice.isCreditNote { add("variable-symbol", invoice.variableSymbol.flatMap(VariableSymbol.normalized)) }
        add("uuid", invoice.uuid)
        if let number = invoice.original {
            guard let original = importer.match(type: type, key: "number", value: .string(number))?.id else {
                return .rejected("it corrects invoice \(number), which is not in the workspace (import that one first)")
            }
            add("original", original)
        }
        if existing == nil { add("source", "isdoc " + source) }
        guard let id = importer.add(RecordImport.Item(label: label, type: type, id: existing, fields: fields), key: nil) else {
            if case .rejected(let reason)? = importer.outcomes.last?.kind { return .rejected(reason) }
            return .rejected("it cannot be imported")
        }
        return .planned(id: id)
    }
}

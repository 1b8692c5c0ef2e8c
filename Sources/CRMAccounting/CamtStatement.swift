import CRMInterchange

/// ISO 20022 camt.053 (BankToCustomerStatement, versions 001.02 to 001.08), as Czech banks export
/// statements: booked entries only, each entry's (or, for a batch, each transaction's) amount,
/// direction, reversal flag, booking date, bank reference, payer and variable symbol.
public enum CamtStatement {
    public static let namespacePrefix = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.0"

    public static func read(_ bytes: [UInt8]) throws(ReadError) -> [BankStatement] {
        let root = try XMLTree(parsing: bytes).root
        let version = root.namespace.hasPrefix(namespacePrefix) ? Int(root.namespace.dropFirst(namespacePrefix.count)) : nil
        guard root.name == "Document", let version, (2...8).contains(version), let body = root.child("BkToCstmrStmt") else {
            throw ReadError(line: root.line, column: 1,
                            message: "not a camt.053 statement: the document is <\(root.name)>" + (root.namespace.isEmpty ? "" : " in \(root.namespace)"),
                            hint: "expected <Document xmlns=\"\(namespacePrefix)2\"> (versions 001.02 to 001.08) with BkToCstmrStmt")
        }
        return try body.all("Stmt").map { statement throws(ReadError) in
            let account = statement.text("Acct/Id/IBAN") ?? statement.text("Acct/Id/Othr/Id") ?? ""
            let number = statement.text("Id") ?? ""
            var transactions: [BankTransaction] = []
            for (position, entry) in statement.all("Ntry").enumerated() {
                let status = entry.text("Sts/Cd") ?? entry.text("Sts") ?? "BOOK"
                guard status == "BOOK" else { continue }
                let details = entry.all("NtryDtls").flatMap { $0.all("TxDtls") }
                let parts = details.count > 1 ? details.map { Optional($0) } : [details.first]
                for (index, detail) in parts.enumerated() {
                    transactions.append(try transaction(entry, detail: detail, batch: parts.count > 1 ? index + 1 : nil,
                                                        fallback: "\(number)/\(position + 1)"))
                }
            }
            return BankStatement(account: account, number: number, transactions: transactions)
        }
    }

    private static func transaction(_ entry: XMLTree.Element, detail: XMLTree.Element?, batch: Int?,
                                    fallback: String) throws(ReadError) -> BankTransaction {
        let amountElement = batch == nil ? entry.child("Amt") : (detail?["AmtDtls/TxAmt/Amt"] ?? detail?.child("Amt") ?? entry.child("Amt"))
        guard let amountElement, let amount = Cents(decimal: amountElement.text), amount.value >= 0 else {
            throw ReadError(line: amountElement?.line ?? entry.line, column: 1,
                            message: "Ntry/Amt '\(amountElement?.text ?? "")' is not an amount")
        }
        let indicator = entry.text("CdtDbtInd")
        guard indicator == "CRDT" || indicator == "DBIT" else {
            throw ReadError(line: entry.line, column: 1, message: "Ntry/CdtDbtInd '\(indicator ?? "")' is neither CRDT nor DBIT")
        }
        let booked = entry.text("BookgDt/Dt") ?? entry.text("BookgDt/DtTm").map { String($0.prefix(10)) }
            ?? entry.text("ValDt/Dt") ?? entry.text("ValDt/DtTm").map { String($0.prefix(10)) }
        guard let booked, CivilDateCheck.isDate(booked) else {
            throw ReadError(line: entry.line, column: 1, message: "Ntry has no booking date (BookgDt/Dt)")
        }
        var reference = entry.text("AcctSvcrRef") ?? entry.text("NtryRef") ?? detail?.text("Refs/AcctSvcrRef") ?? fallback
        if let batch { reference += "/\(batch)" }
        let symbol = VariableSymbol.find(in: detail?.text("Refs/EndToEndId"), digitsOnly: true)
            ?? detail?.all("RmtInf").flatMap { $0.all("Strd") }.lazy.compactMap { VariableSymbol.find(in: $0.text("CdtrRefInf/Ref"), digitsOnly: true) }.first
            ?? detail?.all("RmtInf").flatMap { $0.all("Ustrd") }.lazy.compactMap { VariableSymbol.find(in: $0.text) }.first
        let payer = detail?.text("RltdPties/Dbtr/Nm") ?? detail?.text("RltdPties/Dbtr/Pty/Nm")
        return BankTransaction(reference: reference, amount: amount, currency: amountElement.attributes["Ccy"] ?? "",
                               direction: indicator == "CRDT" ? .credit : .debit, isReversal: entry.text("RvslInd") == "true",
                               booked: booked, variableSymbol: symbol, payer: payer, line: entry.line)
    }
}

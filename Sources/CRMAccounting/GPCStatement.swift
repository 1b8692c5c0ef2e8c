import CRMInterchange

/// GPC (ABO), the fixed-width statement format of Czech banks: 128-character records in
/// Windows-1250, a `074` header per statement and a `075` record per movement (amount in
/// haléře, accounting code 1 debit, 2 credit, 4 or 3 reversal of a debit, 5 reversal of a
/// credit, variable symbol, dates as DDMMYY). Other records (`076`, `078`, `079`) are messages
/// and are passed over.
public enum GPCStatement {
    /// ISO 4217 numeric codes of the currencies Czech accounts are kept in.
    static let currencies = ["203": "CZK", "978": "EUR", "840": "USD", "826": "GBP", "348": "HUF", "985": "PLN", "756": "CHF"]

    public static func read(_ bytes: [UInt8]) throws(ReadError) -> [BankStatement] {
        var statements: [BankStatement] = []
        var lineNumber = 0
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = raw
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty || line.allSatisfy({ $0 == 0x20 || $0 == 0x1A }) { continue }
            let record = Array(line)
            func field(_ from: Int, _ to: Int) -> String {
                guard record.count >= to else { return "" }
                return Windows1250.decode(Array(record[(from - 1)..<to])).trimmingCharacters(in: .whitespaces)
            }
            func error(_ message: String, column: Int = 1) -> ReadError {
                ReadError(line: lineNumber, column: column, message: message)
            }
            let kind = field(1, 3)
            switch kind {
            case "074":
                guard record.count >= 114 else { throw error("a 074 record is \(record.count) characters long, not 128") }
                statements.append(BankStatement(account: field(4, 19), number: field(106, 108), transactions: []))
            case "075":
                guard record.count >= 122 else { throw error("a 075 record is \(record.count) characters long, not 128") }
                guard !statements.isEmpty else { throw error("a 075 record before any 074 statement header") }
                let amountText = field(49, 60)
                guard amountText.count == 12, amountText.allSatisfy(\.isASCIIDigit), let hellers = Int(amountText) else {
                    throw error("the amount '\(amountText)' is not 12 digits of haléře", column: 49)
                }
                let direction: BankTransaction.Direction
                let reversal: Bool
                switch field(61, 61) {
                case "1": (direction, reversal) = (.debit, false)
                case "2": (direction, reversal) = (.credit, false)
                case "3", "4": (direction, reversal) = (.credit, true)
                case "5": (direction, reversal) = (.debit, true)
                case let code: throw error("accounting code '\(code)' is not 1, 2, 4 or 5", column: 61)
                }
                let dateText = record.count >= 128 && field(123, 128) != "000000" ? field(123, 128) : field(92, 97)
                guard let booked = date(dateText) else { throw error("the date '\(dateText)' is not DDMMYY", column: record.count >= 128 ? 123 : 92) }
                let currencyCode = String(field(119, 122).suffix(3))
                let id = field(36, 48)
                let account = statements[statements.count - 1].account
                statements[statements.count - 1].transactions.append(BankTransaction(
                    reference: "\(account)/" + (id.allSatisfy({ $0 == "0" }) ? "line \(lineNumber)" : id),
                    amount: Cents(hellers), currency: currencies[currencyCode] ?? (currencyCode.isEmpty ? "CZK" : currencyCode),
                    direction: direction, isReversal: reversal, booked: booked,
                    variableSymbol: VariableSymbol.normalized(field(62, 71)), payer: field(98, 117).nonEmpty, line: lineNumber))
            case "076", "078", "079":
                continue
            default:
                throw error("'\(kind)' is not a GPC record (074, 075, 076, 078 or 079)")
            }
        }
        guard !statements.isEmpty else {
            throw ReadError(line: 1, column: 1, message: "not a GPC statement: no 074 header record",
                            hint: "GPC (ABO) files start with a line beginning 074")
        }
        return statements
    }

    /// `DDMMYY` as `YYYY-MM-DD` (years 2000-2099).
    static func date(_ text: String) -> String? {
        guard text.count == 6, text.allSatisfy(\.isASCIIDigit) else { return nil }
        let digits = Array(text)
        let iso = "20\(digits[4])\(digits[5])-\(digits[2])\(digits[3])-\(digits[0])\(digits[1])"
        return CivilDateCheck.isDate(iso) ? iso : nil
    }
}

import CRMWorkspace

/// Numbers, money and dates for people, as the language writes them: English keeps crm's ISO
/// forms (`2026-11-22`, `15 899.40 CZK`); Czech and Slovak write `22. 11. 2026` and
/// `15 899,40 Kč`. Records and machine output stay ISO.
extension Translation {
    /// `22. 11. 2026`, or `2026-11-22` in English.
    public func date(_ date: CivilDate) -> String {
        language == .english ? date.description : "\(date.day). \(date.month). \(date.year)"
    }

    /// A number as crm writes it for people (`15 899.40`, thousands grouped by spaces) with the
    /// language's decimal mark: `15 899,40`.
    public func number(_ text: String) -> String {
        language == .english ? text : text.replacingDecimalPoint()
    }

    /// `15 899,40 Kč` in Czech, `1 200,00 €` in Slovak, `15 899.40 CZK` in English.
    public func money(_ amount: String, currency: String) -> String {
        number(amount) + " " + symbol(currency)
    }

    /// How the language names a currency beside an amount: Kč and € in Czech and Slovak; the
    /// ISO code otherwise.
    public func symbol(_ currency: String) -> String {
        guard language != .english else { return currency }
        switch currency {
        case "CZK": return "Kč"
        case "EUR": return "€"
        default: return currency
        }
    }

    /// A table cell for people: an ISO date or date and time, a number or an amount with its
    /// currency in the language's form; any other text as it is.
    public func cell(_ text: String) -> String {
        guard language != .english, let first = text.utf8.first, first == 0x2D || (0x30...0x39).contains(first) else { return text }
        if text.utf8.count == 10, let date = CivilDate(text) { return self.date(date) }
        if text.utf8.count == 16, let moment = CivilDateTime(text), moment.offset == nil {
            return self.date(moment.date) + " " + text.suffix(5)
        }
        if let space = text.lastIndex(of: " "), text.isWrittenNumber(upTo: space) {
            let currency = text[text.index(after: space)...]
            if currency.utf8.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                return money(String(text[..<space]), currency: String(currency))
            }
        }
        if text.isWrittenNumber(upTo: text.endIndex), text.contains(".") { return number(text) }
        return text
    }
}

extension String {
    fileprivate func replacingDecimalPoint() -> String {
        guard let point = lastIndex(of: ".") else { return self }
        return self[..<point] + "," + self[index(after: point)...]
    }

    /// True when the text before `end` is a number as crm writes one: digits grouped by
    /// spaces, an optional sign and decimals.
    fileprivate func isWrittenNumber(upTo end: Index) -> Bool {
        let digits = self[..<end]
        guard !digits.isEmpty, digits.contains(where: \.isNumber) else { return false }
        var seenPoint = false
        for (offset, character) in digits.enumerated() {
            switch character {
            case "-" where offset == 0: continue
            case "0"..."9": continue
            case " " where !seenPoint: continue
            case "." where !seenPoint: seenPoint = true
            default: return false
            }
        }
        return true
    }
}

import CRMWorkspace

/// The numbers of one table column, written one way: every cell with the same number of
/// decimals, so `225 060.00` stands beside `49 888.30`. Money has thousands grouped and two
/// decimals when any amount has cents; other numbers as many decimals as the most precise needs.
enum NumberColumn {
    static func format(_ values: [Double?], money: Bool) -> [String] {
        format(cells: values.map { $0.map { [Number.text($0)] } ?? [] }, money: money)
    }

    /// A number without grouping: `1234.5`.
    private static func plain(_ value: Double, decimals: Int) -> String {
        Money.format(value, decimals: decimals).filter { $0 != " " }
    }

    /// Cells of money or number values as text (a money value may carry its currency,
    /// `12000 CZK`), formatted as one column; cells that hold something else stay as they are.
    static func format(cells: [[String]], money: Bool) -> [String] {
        var amounts: [Double] = []
        let parsed = cells.map { values in
            values.map { text -> (Double, String?)? in
                if let number = Number(text) { amounts.append(number.value); return (number.value, nil) }
                if let amount = MoneyAmount(text) { amounts.append(amount.amount); return (amount.amount, amount.currency) }
                return nil
            }
        }
        let needed = Money.decimals(amounts)
        let decimals = money && needed > 0 ? 2 : needed
        return zip(cells, parsed).map { values, parsed in
            zip(values, parsed).map { text, parsed in
                guard let (value, currency) = parsed else { return text }
                let number = money ? Money.format(value, decimals: decimals) : plain(value, decimals: decimals)
                return currency.map { number + " " + $0 } ?? number
            }.joined(separator: ", ")
        }
    }
}

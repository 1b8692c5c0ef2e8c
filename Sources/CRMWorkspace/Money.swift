/// Amounts for people: thousands separated by a space, two decimals only when there are cents.
public enum Money {
    public static func format(_ amount: Double) -> String {
        let cents = Int((abs(amount) * 100).rounded())
        return format(amount, decimals: cents % 100 == 0 ? 0 : 2)
    }

    /// The amount with exactly `decimals` decimals (0 to 2), thousands grouped: `225 060.00`.
    public static func format(_ amount: Double, decimals: Int) -> String {
        let scale = decimals == 0 ? 1 : decimals == 1 ? 10 : 100
        let units = Int((abs(amount) * Double(scale)).rounded())
        var whole = String(units / scale)
        var grouped = ""
        while whole.count > 3 {
            grouped = " " + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        var result = (amount < 0 && units != 0 ? "-" : "") + whole + grouped
        if decimals > 0 {
            let fraction = String(units % scale)
            result += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return result
    }

    /// How many decimals (0 to 2) `amounts` need so that none loses its cents.
    public static func decimals(_ amounts: [Double]) -> Int {
        amounts.map { amount -> Int in
            let cents = Int((abs(amount) * 100).rounded())
            return cents % 100 == 0 ? 0 : cents % 10 == 0 ? 1 : 2
        }.max() ?? 0
    }
}

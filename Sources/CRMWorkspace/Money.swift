/// Amounts for people: thousands separated by a space, two decimals only when there are cents.
public enum Money {
    public static func format(_ amount: Double) -> String {
        let cents = Int((abs(amount) * 100).rounded())
        var whole = String(cents / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = " " + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        var result = (amount < 0 ? "-" : "") + whole + grouped
        if cents % 100 != 0 { result += "." + (cents % 100 < 10 ? "0" : "") + String(cents % 100) }
        return result
    }
}

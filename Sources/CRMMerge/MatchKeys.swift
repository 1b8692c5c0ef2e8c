import CRMWorkspace

/// The normal forms two records are compared by when looking for duplicates: e-mail
/// addresses without case, phone numbers in an E.164-like form (Czech numbers with or without
/// +420 alike), registration numbers as their digits, and names without case, diacritics,
/// punctuation, legal suffixes (s.r.o., a.s., GmbH, Ltd.) or word order.
public enum MatchKeys {
    /// `Jan.Novak@Acme.CZ ` → `jan.novak@acme.cz`; `nil` when it is not an address.
    public static func email(_ text: String) -> String? {
        let address = text.trimmingWhitespace().lowercased()
        guard let at = address.firstIndex(of: "@"), at != address.startIndex, address.index(after: at) != address.endIndex,
              !address.contains(" ") else { return nil }
        return address
    }

    /// `601 111 222`, `+420 601-111-222` and `00420601111222` → `+420601111222` (see `PhoneNumber`).
    public static func phone(_ text: String, country: String = "420") -> String? {
        PhoneNumber.normalized(text, country: country)
    }

    /// A registration number (IČO) as 8 digits: `0012 3456` and `123456` → `00123456`.
    public static func registration(_ text: String) -> String? {
        let digits = text.filter(\.isASCII).filter(\.isNumber)
        guard !digits.isEmpty, digits.count <= 10, digits.contains(where: { $0 != "0" }) else { return nil }
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    /// The words of a name, folded, without a legal suffix, in alphabetical order:
    /// `Škoda Transport, a.s.` → `skoda transport`; `Novák Jan` → `jan novak`.
    public static func name(_ text: String) -> String {
        nameWords(text).sorted().joined(separator: " ")
    }

    /// The folded words of a name without a legal suffix, in their order.
    public static func nameWords(_ text: String) -> [String] {
        let folded = TextFold.fold(text).map { $0.isLetter || $0.isNumber ? $0 : " " }
        var words = String(folded).split(separator: " ").map(String.init)
        var trimmed = true
        while trimmed && words.count > 1 {
            trimmed = false
            for suffix in legalSuffixes where words.count > suffix.count && Array(words.suffix(suffix.count)) == suffix {
                words.removeLast(suffix.count)
                trimmed = true
                break
            }
        }
        return words
    }

    /// Legal forms, as the words they fold to, longest first.
    static let legalSuffixes: [[String]] = [
        ["spol", "s", "r", "o"], ["s", "r", "o"], ["v", "o", "s"], ["o", "p", "s"], ["z", "u"], ["a", "s"], ["k", "s"], ["z", "s"],
        ["s", "p"], ["sro"], ["spol"], ["gmbh"], ["ltd"], ["limited"], ["inc"], ["llc"], ["plc"], ["ag"], ["se"], ["corp"], ["co"],
    ]
}

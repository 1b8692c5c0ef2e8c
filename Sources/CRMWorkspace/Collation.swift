/// The order text sorts in for a workspace's language (`language:` in `.crm/config.yaml`).
/// English compares letters without their diacritics. Czech and Slovak keep the letters their
/// alphabets order apart: `ch` after `h`, `č` after `c`, `ř` after `r`, `š` after `s`, `ž`
/// after `z` (and in Slovak `ä` after `a`, `ô` after `o`); other accents (`á`, `ě`, `ů`) only
/// break ties, as the Czech standard (ČSN 97 6030) orders a dictionary.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case english = "en"
    case czech = "cs"
    case slovak = "sk"

    /// The language `$LANG` names (`cs_CZ.UTF-8`, `sk_SK`), else English.
    public static func from(locale: String?) -> Language {
        let code = String((locale ?? "").prefix(2)).lowercased()
        return Language(rawValue: code) ?? .english
    }

    /// A key that sorts as this language orders `text`; compare keys, not texts.
    public func sortKey(_ text: String) -> String {
        var primary: [Unicode.Scalar] = []
        let lowered = Array(text.lowercased())
        var index = 0
        while index < lowered.count {
            let character = lowered[index]
            if self != .english, character == "c", index + 1 < lowered.count, lowered[index + 1] == "h" {
                primary.append(Self.weight(of: "h", after: 1))
                index += 2
                continue
            }
            if let (base, offset) = tailored(character) {
                primary.append(Self.weight(of: base, after: offset))
            } else {
                for scalar in TextFold.fold(String(character)).unicodeScalars { primary.append(Self.weight(of: Character(scalar), after: 0)) }
            }
            index += 1
        }
        // Ties: the text with its accents, then its case, lowercase first.
        var key = String(String.UnicodeScalarView(primary))
        key.unicodeScalars.append("\u{1}")
        key += text.lowercased()
        key.unicodeScalars.append("\u{1}")
        key += text.map { $0.isUppercase ? $0.lowercased() : $0.uppercased() }.joined()
        return key
    }

    /// The letter a tailored letter sorts after, and how many places after it.
    private func tailored(_ character: Character) -> (Character, Int)? {
        switch (self, character) {
        case (.english, _): return nil
        case (_, "č"): return ("c", 1)
        case (_, "ř"): return ("r", 1)
        case (_, "š"): return ("s", 1)
        case (_, "ž"): return ("z", 1)
        case (.slovak, "ä"): return ("a", 1)
        case (.slovak, "ô"): return ("o", 1)
        default: return nil
        }
    }

    /// A scalar whose order is the letter's, with room for letters after it: in a range of CJK
    /// ideographs, which no normalisation changes, so keys compare scalar by scalar.
    private static func weight(of character: Character, after offset: Int) -> Unicode.Scalar {
        let value = character.unicodeScalars.first!.value
        return Unicode.Scalar(0x4E00 + min(value, 0x3FFF) * 4 + UInt32(offset))!
    }
}

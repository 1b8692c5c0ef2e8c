/// A language crm speaks to people in. Machine output (`--format json|jsonl|csv|ids`, exit
/// codes, field names, ids) never changes with it.
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case czech = "cs"
    case slovak = "sk"

    /// The language the environment asks for, as POSIX reads it: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty (`cs_CZ.UTF-8`, `sk_SK`, `cs`);
    /// English for any other (`C`, `POSIX`, `de_DE.UTF-8`) and when none is set.
    public init(environment: [String: String]) {
        let setting = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let code = setting.prefix { $0.isLetter }.lowercased()
        self = Language(rawValue: code) ?? .english
    }

    /// The plural form `count` takes, as CLDR's rules for whole numbers say: English has one
    /// (1) and other; Czech and Slovak one (1 záznam), few (2 to 4: 2 záznamy) and other (0, 5
    /// and more: 5 záznamů). CLDR's `many` is for fractions, which crm does not count.
    public func pluralCategory(_ count: Int) -> PluralCategory {
        let magnitude = count.magnitude
        switch self {
        case .english:
            return magnitude == 1 ? .one : .other
        case .czech, .slovak:
            if magnitude == 1 { return .one }
            return (2...4).contains(magnitude) ? .few : .other
        }
    }

    /// The categories a plural message must have in this language.
    public var pluralCategories: [PluralCategory] {
        switch self {
        case .english: return [.one, .other]
        case .czech, .slovak: return [.one, .few, .other]
        }
    }
}

/// A plural form, named as CLDR names them.
public enum PluralCategory: String, Sendable, CaseIterable {
    case one, few, many, other
}

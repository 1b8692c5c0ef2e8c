import CRMWorkspace

/// crm's messages and formats in one language, with English for any message a catalog lacks.
/// `Translation.current` is the language of the run in progress (bound once per command from
/// the environment); what is written into records and machine output never goes through it.
public struct Translation: Sendable {
    public let language: Language
    let catalog: Catalog
    let fallback: Catalog?

    /// The run's language; English unless a command binds another.
    @TaskLocal public static var current = Translation.english

    public static let english = Translation(.english)
    public static let czech = Translation(.czech)
    public static let slovak = Translation(.slovak)

    /// The translation for `language`.
    public static func of(_ language: Language) -> Translation {
        switch language {
        case .english: return english
        case .czech: return czech
        case .slovak: return slovak
        }
    }

    /// The translation the environment asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    public static func of(environment: [String: String]) -> Translation {
        of(Language(environment: environment))
    }

    private init(_ language: Language) {
        self.language = language
        catalog = Catalogs.catalog(language)
        fallback = language == .english ? nil : Catalogs.catalog(.english)
    }

    /// The message `key` with its placeholders filled in; the key itself when no catalog has it.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        switch entry(key) {
        case .text(let text): return Placeholders.fill(text, values)
        case .plural(let forms): return Placeholders.fill(forms[.other] ?? key, values)
        case nil: return key
        }
    }

    /// The plural message `key` in the form `count` takes, `{count}` filled in: `5 záznamů`.
    public func count(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        let filled = values.merging(["count": String(count)]) { $1 }
        guard case .plural(let forms) = entry(key) else { return text(key, filled) }
        let category = language.pluralCategory(count)
        return Placeholders.fill(forms[category] ?? forms[.other] ?? key, filled)
    }

    /// A table's heading for the field `name`: its translation where the catalog has one
    /// (`heading_subject`; `heading_to-pay` for `to pay`), else the field's name as it is.
    public func heading(_ name: String) -> String {
        guard language != .english, case .text(let text)? = catalog.entries["heading_" + String(name.map { $0 == " " ? "-" : $0 })]
        else { return name }
        return text
    }

    func entry(_ key: String) -> CatalogEntry? {
        catalog.entries[key] ?? fallback?.entries[key]
    }
}

extension Translation {
    /// The message `key` where a catalog has it, else `fallback`: for messages named after a
    /// workspace's own types and fields, which only some workspaces have.
    public func text(_ key: String, default fallback: String) -> String {
        entry(key) == nil ? fallback : text(key)
    }

    /// A record type's name as a sentence holds it: `a customer`, `an invoice` in English,
    /// `zákazník` in Czech.
    public func typeName(_ type: String) -> String {
        language == .english ? English.a(type) : text("type_" + type, default: type)
    }
}

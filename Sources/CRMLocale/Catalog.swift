import CRMSyntax

/// The messages of one language, read from a translation file in the record format: each key
/// a message's name, its value the text, or a map of plural forms (`one`, `few`, `many`,
/// `other`, as CLDR names them) for a message with a count.
///
///     open-complaints: Otevřené reklamace
///     record:
///       one: "{count} záznam"
///       few: "{count} záznamy"
///       other: "{count} záznamů"
public struct Catalog: Sendable {
    public let language: Language
    public let entries: [String: CatalogEntry]
    /// The keys in the order the file has them.
    public let keys: [String]

    init(language: Language, entries: [String: CatalogEntry], keys: [String]) {
        self.language = language
        self.entries = entries
        self.keys = keys
    }

    /// Reads a translation file; a plural form that is not one of CLDR's names is an error at its line.
    public init(parsing bytes: [UInt8], path: String, language: Language) throws(Diagnostic) {
        let document = try RecordDocument(parsing: bytes, path: path)
        var entries: [String: CatalogEntry] = [:]
        var keys: [String] = []
        for field in document.fields {
            keys.append(field.key)
            switch field.value {
            case .string(let text):
                entries[field.key] = .text(text)
            case .map(let forms):
                var plural: [PluralCategory: String] = [:]
                for form in forms {
                    guard let category = PluralCategory(rawValue: form.key), let text = form.value.string else {
                        throw Diagnostic(code: "invalid-plural", path: path, location: field.keyLocation,
                                         message: "'\(form.key)' is not a plural form of '\(field.key)'",
                                         hint: "use one, few, many or other, each with a text")
                    }
                    plural[category] = text
                }
                entries[field.key] = .plural(plural)
            case .list:
                throw Diagnostic(code: "invalid-message", path: path, location: field.keyLocation,
                                 message: "the message '\(field.key)' is a list",
                                 hint: "write a text, or a map of plural forms")
            }
        }
        self.language = language
        self.entries = entries
        self.keys = keys
    }
}

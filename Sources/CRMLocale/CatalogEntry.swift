/// One message of a catalog: a text, or a text for each plural form, with `{name}` placeholders.
public enum CatalogEntry: Sendable, Equatable {
    case text(String)
    case plural([PluralCategory: String])

    /// The placeholders the message uses (for a plural, those of every form), sorted.
    public var placeholders: [String] {
        switch self {
        case .text(let text): return Placeholders.names(in: text)
        case .plural(let forms): return Array(Set(forms.values.flatMap(Placeholders.names))).sorted()
        }
    }
}

/// `{name}` placeholders in a message: found, and filled in.
public enum Placeholders {
    /// The distinct names between braces in `text`, sorted.
    public static func names(in text: String) -> [String] {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            names.insert(String(after[..<close]))
            rest = after[after.index(after: close)...]
        }
        return names.sorted()
    }

    /// `text` with each `{name}` replaced by its value; a name without a value stays as it is.
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, text.contains("{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else {
                rest = rest[open...]
                break
            }
            let name = String(after[..<close])
            result += values[name] ?? "{\(name)}"
            rest = after[after.index(after: close)...]
        }
        return result + rest
    }
}

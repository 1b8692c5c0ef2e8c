import CRMInterchange

/// Quick fixes: a diagnostic whose hint says "did you mean 'X'?" (a field name, an enum value,
/// a record id) offers to write X over the word it points at.
extension LanguageServer {
    mutating func codeActions(_ params: JSON) throws(Failure) -> JSON {
        let document = try document(params)
        guard case .array(let diagnostics)? = params["context"]?["diagnostics"] else { return .array([]) }
        var actions: [JSON] = []
        for diagnostic in diagnostics {
            guard diagnostic["source"]?.string == "crm", let range = diagnostic["range"],
                  let hint = diagnostic["data"]?["hint"]?.string ?? diagnostic["message"]?.string,
                  let suggestion = Self.suggestion(in: hint) else { continue }
            let edit = JSON.object([("changes", .object([(document.uri, .array([.object([("range", range), ("newText", .string(suggestion))])]))]))])
            actions.append(.object([("title", .string("Change to '\(suggestion)'")), ("kind", .string("quickfix")),
                                    ("diagnostics", .array([diagnostic])), ("isPreferred", .bool(true)), ("edit", edit)]))
        }
        return .array(actions)
    }

    /// The X of "did you mean 'X'?" in a hint.
    static func suggestion(in hint: String) -> String? {
        guard let start = hint.range(of: "did you mean '") else { return nil }
        let rest = hint[start.upperBound...]
        guard let end = rest.range(of: "'?") else { return nil }
        let text = String(rest[..<end.lowerBound])
        return text.isEmpty || text.contains("\n") ? nil : text
    }
}

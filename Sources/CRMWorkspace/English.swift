/// Small pieces of English for messages.
public enum English {
    /// `a customer`, `an invoice`, `an in-progress complaint`.
    public static func a(_ phrase: String) -> String {
        guard let first = phrase.lowercased().first else { return "a" }
        return ("aeio".contains(first) ? "an " : "a ") + phrase
    }
}

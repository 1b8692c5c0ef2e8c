/// Why an edit of a record was refused. The document is left unchanged.
public enum RecordEditError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key is not a letter followed by letters, digits, `-` or `_` (at most 100 characters).
    case invalidKey(String)
    case noSuchField(String)
    /// A list operation on a field that holds a non-empty scalar or a map.
    case notAList(String)
    /// A rename onto a key the record already has.
    case duplicateKey(String)
    /// A value records cannot hold, such as a map inside a map or an empty map.
    case unrepresentable(String)
    /// The edited text did not read back as intended; this is a bug, and nothing was changed.
    case readBackFailed(String)

    public var description: String {
        switch self {
        case .invalidKey(let key):
            return "invalid key '\(key)': keys are a letter followed by letters, digits, '-' or '_'"
        case .noSuchField(let key): return "no field '\(key)'"
        case .notAList(let key): return "field '\(key)' is not a list"
        case .duplicateKey(let key): return "the record already has a field '\(key)'"
        case .unrepresentable(let reason): return reason
        case .readBackFailed(let reason): return "internal error: the edited record did not read back (\(reason))"
        }
    }
}

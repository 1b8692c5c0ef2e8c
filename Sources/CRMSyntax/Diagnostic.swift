/// A problem found in a file, with where it is and how to fix it.
///
/// Rendered for people as `path:line:column: error: message`, then the source
/// line with a caret under the column, then the hint.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    /// A stable, kebab-case name of the kind of problem, for scripts (`duplicate-key`).
    public var code: String
    /// The file, relative to the workspace where there is one.
    public var path: String
    /// Where in the file; `nil` for a problem with the file as a whole.
    public var location: SourceLocation?
    public var message: String
    /// What to do about it.
    public var hint: String?
    /// The text of the line at `location`, for the excerpt.
    public var sourceLine: String?

    public init(
        _ severity: Severity = .error, code: String, path: String, location: SourceLocation?,
        message: String, hint: String? = nil, sourceLine: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.path = path
        self.location = location
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
    }

    /// `path:line:column: severity: message` (no excerpt, no hint).
    public var description: String {
        var text = path
        if let location { text += ":\(location.line):\(location.column)" }
        return text + ": \(severity.rawValue): \(message)"
    }
}

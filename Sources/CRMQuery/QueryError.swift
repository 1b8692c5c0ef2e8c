import CRMSyntax

/// A `--where` expression that cannot be read or does not fit the schema: the column of the
/// problem in the expression (1-based, in characters), what is wrong and what to write.
public struct QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    public var column: Int
    public var message: String
    public var hint: String?

    public init(column: Int, message: String, hint: String? = nil) {
        self.column = column
        self.message = message
        self.hint = hint
    }

    public var description: String { "column \(column): \(message)" }
}

/// How deep the query language nests, and how long a measure's chain of operators may be:
/// every reader of it refuses more, with an error that says the limit.
public enum QueryLimits {
    /// Levels of parentheses, `not` and aggregate conditions in a `--where` expression.
    public static let depth = 64
    /// Operators in one chain of a measure's arithmetic (`a + b - c ...`) and levels of its parentheses.
    public static let arithmetic = 256
}

extension QueryError {
    /// The error as a problem located in `text`, the expression written at `path` (an option
    /// such as `--where`, or `FILE:KEY` for a saved query), with the expression for the excerpt.
    public func diagnostic(path: String, text: String, code: String = "query", line: Int = 1) -> Diagnostic {
        Diagnostic(code: code, path: path, location: SourceLocation(line: line, column: column), message: message, hint: hint,
                   sourceLine: text)
    }
}

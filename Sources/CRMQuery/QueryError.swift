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

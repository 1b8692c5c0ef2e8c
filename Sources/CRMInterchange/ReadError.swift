/// A file in another system's format that cannot be read: where (1-based line and column,
/// the column counted in Unicode scalars), what is wrong and, where it helps, what to do about it.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var hint: String?

    public init(line: Int, column: Int, message: String, hint: String? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `line:column: message` (no hint).
    public var description: String { "\(line):\(column): \(message)" }
}

/// A CSV file that cannot be read.
public typealias CSVError = ReadError
/// A vCard file that cannot be read.
public typealias VCardError = ReadError
/// JSON that cannot be read.
public typealias JSONError = ReadError

import CRMSyntax

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

extension ReadError {
    /// The error as a problem of the file `path` (named for people, as given), with the line of
    /// `text` it is on for the excerpt: the one way every reader's errors reach people.
    public func diagnostic(path: String, code: String, text: String) -> Diagnostic {
        Diagnostic(code: code, path: path, location: SourceLocation(line: line, column: column), message: message, hint: hint,
                   sourceLine: SourceLines(Array(text.utf8)).line(line))
    }
}

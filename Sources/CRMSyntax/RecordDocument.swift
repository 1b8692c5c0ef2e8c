/// A record file as read: its bytes, a lossless syntax tree over them, and its field values.
///
/// Every byte belongs to exactly one node, so writing `bytes` back gives the file unchanged;
/// the editing methods splice only the lines of the field they touch.
public struct RecordDocument: Sendable {
    /// The path the document was read from, used in diagnostics.
    public let path: String
    /// The file's bytes.
    public private(set) var bytes: [UInt8]
    /// The top-level fields, in file order.
    public private(set) var fields: [FieldSyntax]

    init(path: String, bytes: [UInt8], fields: [FieldSyntax]) {
        self.path = path
        self.bytes = bytes
        self.fields = fields
    }

    /// Reads a record from UTF-8 bytes.
    /// - Throws: a `Diagnostic` naming the line and column of the first problem.
    public init(parsing bytes: [UInt8], path: String = "<record>") throws(Diagnostic) {
        var reader = RecordReader(caching: false)
        self = try reader.read(bytes, path: path)
    }

    /// Reads a record from text.
    public init(parsing text: String, path: String = "<record>") throws(Diagnostic) {
        try self.init(parsing: Array(text.utf8), path: path)
    }

    /// The field values, in file order.
    public var values: [Field] {
        fields.map { Field(key: $0.key, value: $0.value) }
    }

    /// The value of the field named `key`.
    public subscript(key: String) -> Value? {
        fields.first { $0.key == key }?.value
    }

    /// The syntax of the field named `key`.
    public func field(_ key: String) -> FieldSyntax? {
        fields.first { $0.key == key }
    }

    /// The file's text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The text of 1-based line `number`, without its line ending.
    /// For the excerpts of many problems, `SourceLines` finds the lines once.
    public func sourceLine(_ number: Int) -> String? {
        SourceLines(bytes).line(number)
    }

    /// True when the file starts with a UTF-8 byte order mark.
    public var hasByteOrderMark: Bool { bytes.starts(with: [0xEF, 0xBB, 0xBF]) }

    /// Line-level nodes that together cover `bytes`, in order: the fields, and the
    /// byte order mark, `---` line, comment and blank lines around them.
    public var nodes: [SyntaxNode] {
        var nodes: [SyntaxNode] = []
        var offset = 0
        var line = 1
        if hasByteOrderMark {
            nodes.append(SyntaxNode(kind: .byteOrderMark, bytes: 0..<3, line: 1))
            offset = 3
        }
        func addLines(upTo end: Int) {
            while offset < end {
                var lineEnd = offset
                while lineEnd < end && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                lineEnd = min(lineEnd + 1, end)
                let content = bytes[offset..<lineEnd].filter { $0 != 0x0A && $0 != 0x0D }
                let kind: SyntaxNode.Kind
                if line == 1 && content.starts(with: [0x2D, 0x2D, 0x2D]) {
                    kind = .documentStart
                } else if content.allSatisfy({ $0 == 0x20 }) {
                    kind = .blank
                } else {
                    kind = .comment
                }
                nodes.append(SyntaxNode(kind: kind, bytes: offset..<lineEnd, line: line))
                offset = lineEnd
                line += 1
            }
        }
        for (index, field) in fields.enumerated() {
            addLines(upTo: field.bytes.lowerBound)
            nodes.append(SyntaxNode(kind: .field(index), bytes: field.bytes, line: line))
            line += bytes[field.bytes].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            offset = field.bytes.upperBound
        }
        addLines(upTo: bytes.count)
        return nodes
    }

    /// The line ending new lines get: the file's first one, LF for a file without any.
    public var lineEnding: LineEnding {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return .lf }
        return newline > 0 && bytes[newline - 1] == 0x0D ? .crlf : .lf
    }

    /// Replaces `range` of the bytes and reads the result again; used by every edit.
    mutating func splice(_ range: Range<Int>, with replacement: [UInt8]) throws(Diagnostic) {
        var edited = bytes
        edited.replaceSubrange(range, with: replacement)
        self = try RecordDocument(parsing: edited, path: path)
    }
}

/// A line terminator.
public enum LineEnding: String, Sendable, Hashable {
    case lf = "\n"
    case crlf = "\r\n"

    var bytes: [UInt8] { self == .lf ? [0x0A] : [0x0D, 0x0A] }
}

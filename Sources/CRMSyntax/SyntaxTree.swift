/// How a scalar is written in the file.
public enum ScalarStyle: Sendable, Hashable {
    /// `key:` with nothing after it.
    case empty
    case plain
    case singleQuoted
    case doubleQuoted
    /// `|`, `|-`, `|+` block.
    case literal
    /// `>` block.
    case folded
}

/// How a field's or map entry's value is written in the file.
public enum ValueStyle: Sendable, Hashable {
    case scalar(ScalarStyle)
    /// `[a, b]` on the key's line.
    case flowSequence
    /// `- item` lines, with the column of their dash (0 when not indented).
    case blockSequence(indent: Int)
    /// Indented `key: value` lines.
    case map(indent: Int)
}

/// One line-level piece of a record file. The nodes of a document cover every byte of it, in order.
public struct SyntaxNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case byteOrderMark
        /// The optional `---` first line.
        case documentStart
        /// A line of spaces only (or an empty line).
        case blank
        /// A line holding only a comment.
        case comment
        /// A field; the payload indexes `RecordDocument.fields`.
        case field(Int)
    }

    public var kind: Kind
    /// The bytes of the node, line terminators included.
    public var bytes: Range<Int>
    /// The 1-based line the node starts on.
    public var line: Int
}

/// A list item or map entry inside a field.
public struct ItemSyntax: Sendable, Hashable {
    /// The key of a map entry; `nil` for a list item.
    public var key: String?
    public var value: Value
    public var style: ValueStyle
    /// Where the value (for a map entry with an empty value: the key) starts.
    public var location: SourceLocation
    /// Where a map entry's key starts; `nil` for a list item.
    public var keyLocation: SourceLocation?
    /// The whole line the item is on (for a flow sequence item: the field's key line).
    public var lineBytes: Range<Int>
    /// The value token itself, without surrounding spaces or comment.
    public var valueBytes: Range<Int>
}

/// A top-level `key: value` field with everything needed to point at it and edit it in place.
public struct FieldSyntax: Sendable, Hashable {
    public var key: String
    public var value: Value
    public var style: ValueStyle
    public var keyLocation: SourceLocation
    /// Where the value starts (for an empty or nested value: just after the colon).
    public var valueLocation: SourceLocation
    /// List items or map entries, in order; empty for scalars.
    public var items: [ItemSyntax]
    /// Every line of the field, line terminators included.
    public var bytes: Range<Int>
    /// On the key line: the value token (an empty range after the colon when there is none).
    public var valueBytes: Range<Int>
}

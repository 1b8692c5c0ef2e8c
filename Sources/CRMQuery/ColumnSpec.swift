import CRMWorkspace

/// A column of `--fields`, `--sort` and reports: a field path (`customer.city`), an aggregate
/// over related records (`count(calls)`, `last(calls.at)`), `next-contact`, or `id`, `type`, `path`.
public struct ColumnSpec: Sendable {
    enum Source: Sendable {
        case id
        case type
        case path
        case field(FieldPath)
        case aggregate(Aggregate)
        case nextContact(NextContact)
    }

    public let text: String
    let source: Source
    /// The kind of the column's values.
    public let kind: FieldKind
    /// The types whose records the column reads besides the record's own.
    public let relatedTypes: Set<String>
    /// The workspace's currency, for money in records that name none.
    let currency: String

    public init(_ text: String, type: RecordType, schema: Schema, today: CivilDate) throws(QueryError) {
        self.text = text
        currency = schema.currency
        switch text {
        case "id", "type", "path":
            source = text == "id" ? .id : text == "type" ? .type : .path
            kind = .text
            relatedTypes = []
            return
        default:
            break
        }
        var parser = try QueryParser(text)
        let operand = try parser.parseOperand()
        var compiler = QueryCompiler(schema: schema, today: today)
        let (accessor, kind) = try compiler.resolveOperand(operand, in: type)
        switch accessor {
        case .path(let path): source = .field(path)
        case .aggregate(let aggregate): source = .aggregate(aggregate)
        case .id: source = .id
        case .nextContact(let next): source = .nextContact(next)
        }
        self.kind = kind
        relatedTypes = compiler.relatedTypes
    }

    /// The column's values for a record (references as ids).
    public func values(of record: Record, in index: WorkspaceIndex?) -> [String] {
        switch source {
        case .id: return [record.id]
        case .type: return [record.type]
        case .path: return [record.path]
        case .field(let path): return path.values(of: record, in: index)
        case .aggregate(let aggregate): return aggregate.values(for: record, index)
        case .nextContact(let next): return next.values(for: record, in: index)
        }
    }

    /// A money column's amounts with their currencies; `nil` for other columns.
    public func amounts(of record: Record, in index: WorkspaceIndex?) -> [MoneyAmount]? {
        guard kind.itemKind == .money else { return nil }
        switch source {
        case .field(let path): return path.amounts(of: record, in: index, currency: currency)
        case .aggregate: return values(of: record, in: index).compactMap(MoneyAmount.init)
        default: return nil
        }
    }

    /// True for a plain field of the record itself (no reference followed, no aggregate).
    public var isLocalField: Bool {
        if case .field(let path) = source { return path.isLocal }
        return false
    }

    /// The top-level field a local column reads.
    public var localKey: String? {
        if case .field(let path) = source, path.isLocal { return String(path.text.split(separator: ".").first ?? "") }
        return nil
    }
}

/// Splits `text` at `separator` where it is not inside parentheses or quotes:
/// `name,count(x where s in (a, b))` gives two parts.
public func splitTopLevel(_ text: String, separator: Character = ",") -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    var quote: Character?
    for character in text {
        if let open = quote {
            if character == open { quote = nil }
        } else if character == "\"" || character == "'" {
            quote = character
        } else if character == "(" {
            depth += 1
        } else if character == ")" {
            depth = max(0, depth - 1)
        } else if character == separator && depth == 0 {
            parts.append(current.trimmingWhitespace())
            current = ""
            continue
        }
        current.append(character)
    }
    parts.append(current.trimmingWhitespace())
    return parts.filter { !$0.isEmpty }
}

/// A query as written, before it is checked against the schema.
indirect enum QueryExpression: Sendable, Hashable {
    case and(QueryExpression, QueryExpression)
    case or(QueryExpression, QueryExpression)
    case not(QueryExpression)
    /// `has FIELD`: the field is present and not empty.
    case has(QueryOperand)
    /// `FIELD OP VALUE`, or `FIELD in (A, B)` with several values.
    case compare(QueryOperand, QueryOperator, [QueryValue])
    /// A bare word: matches records holding it at the start of a word.
    case text(String, offset: Int)
}

/// What a condition looks at: a field path or an aggregate over related records.
enum QueryOperand: Sendable, Hashable {
    case path(String, offset: Int)
    case aggregate(QueryAggregate)

    var offset: Int {
        switch self {
        case .path(_, let offset): return offset
        case .aggregate(let aggregate): return aggregate.offset
        }
    }
}

/// `count(calls)`, `last(calls.at)`, `sum(invoices.amount where paid = "")`.
struct QueryAggregate: Sendable, Hashable {
    var function: String
    /// The related records: a type's folder or name (`calls`), or a list-of-reference field.
    var relation: String
    var field: String?
    var filter: QueryExpression?
    var offset: Int
    var relationOffset: Int
}

enum QueryOperator: String, Sendable, Hashable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case matches = "~"
    case contains
    case within = "in"
    case notWithin = "not in"

    /// The order `<`, `<=`, `>`, `>=` test; `nil` for the others.
    var order: Test.Order? {
        switch self {
        case .less: return .less
        case .lessOrEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterOrEqual: return .greaterOrEqual
        default: return nil
        }
    }
}

/// A value as written in a query, with where it is.
struct QueryValue: Sendable, Hashable {
    var text: String
    var quoted: Bool
    var offset: Int
}

/// Reads a `--where` expression: `or` binds loosest, then `and` (also implied between two
/// conditions side by side), then `not`; parentheses group. A word with no operator after it
/// is a full-text term, except that a value starting with a digit runs on over the numeral
/// words after it (`amount > 10 000`, `at > 2026-11-20 14:00`). Groups, `not` and aggregates nest at most `QueryLimits.depth` levels,
/// and long chains of `and` and `or` become balanced trees, so no expression is read, checked
/// or run with deep recursion.
struct QueryParser {
    static let aggregateFunctions = ["count", "sum", "avg", "min", "max", "first", "last"]
    private static let keywords: Set<String> = ["and", "or", "not", "has", "in", "contains", "where"]

    private let tokens: [QueryToken]
    private var position = 0
    private var depth = 0

    init(_ text: String) throws(QueryError) {
        tokens = try QueryLexer.tokens(text)
    }

    /// Reads tokens already split, which end with an `.end` token.
    init(tokens: [QueryToken]) {
        self.tokens = tokens
    }

    /// The whole expression.
    mutating func parse() throws(QueryError) -> QueryExpression {
        guard tokens.count > 1 else { throw QueryError(column: 1, message: "the expression is empty", hint: "for example status = open") }
        let expression = try parseOr()
        switch current.kind {
        case .end: return expression
        case .rightParenthesis:
            throw QueryError(column: current.offset + 1, message: "unbalanced ')'", hint: "remove it, or add the '(' it closes")
        default:
            throw QueryError(column: current.offset + 1, message: "expected 'and' or 'or' before \(current.described)")
        }
    }

    /// A lone operand: a field path or an aggregate, and nothing after it.
    mutating func parseOperand() throws(QueryError) -> QueryOperand {
        let token = advance()
        guard case .word(let word) = token.kind else {
            throw QueryError(column: token.offset + 1, message: "expected a field or an aggregate such as count(calls)")
        }
        let operand = try operand(word, at: token)
        guard case .end = current.kind else {
            throw QueryError(column: current.offset + 1, message: "unexpected \(current.described) after '\(word)'")
        }
        return operand
    }

    private var current: QueryToken { tokens[position] }

    private mutating func advance() -> QueryToken {
        defer { if position < tokens.count - 1 { position += 1 } }
        return tokens[position]
    }

    private mutating func parseOr(inAggregate: Bool = false) throws(QueryError) -> QueryExpression {
        var operands = [try parseAnd(inAggregate: inAggregate)]
        while current.keyword == "or" {
            _ = advance()
            operands.append(try parseAnd(inAggregate: inAggregate))
        }
        return Self.balanced(operands[...], QueryExpression.or)
    }

    private mutating func parseAnd(inAggregate: Bool) throws(QueryError) -> QueryExpression {
        var operands = [try parseNot(inAggregate: inAggregate)]
        while true {
            if current.keyword == "and" {
                _ = advance()
            } else if !startsCondition(current) || (inAggregate && current.kind == .rightParenthesis) {
                return Self.balanced(operands[...], QueryExpression.and)
            }
            operands.append(try parseNot(inAggregate: inAggregate))
        }
    }

    /// `a and b and c and d` as `(a and b) and (c and d)`: the same meaning, and a depth that
    /// grows with the logarithm of the length.
    private static func balanced(_ operands: ArraySlice<QueryExpression>,
                                 _ combine: (QueryExpression, QueryExpression) -> QueryExpression) -> QueryExpression {
        if operands.count == 1 { return operands.first! }
        let middle = operands.startIndex + operands.count / 2
        return combine(balanced(operands[..<middle], combine), balanced(operands[middle...], combine))
    }

    /// Enters a nested group (`(`, `not`, an aggregate's `where`) at `token`, refusing one too deep.
    private mutating func enter(_ token: QueryToken) throws(QueryError) {
        depth += 1
        guard depth <= QueryLimits.depth else {
            throw QueryError(column: token.offset + 1, message: "the expression nests deeper than \(QueryLimits.depth) levels "
                             + "of parentheses, not and aggregates, which is as deep as crm reads",
                             hint: "write it with fewer levels; and and or need no parentheses of their own")
        }
    }

    private func startsCondition(_ token: QueryToken) -> Bool {
        switch token.kind {
        case .word(let word): return !["and", "or"].contains(word.lowercased())
        case .string, .leftParenthesis: return true
        default: return false
        }
    }

    private mutating func parseNot(inAggregate: Bool) throws(QueryError) -> QueryExpression {
        if current.keyword == "not" {
            try enter(advance())
            defer { depth -= 1 }
            return .not(try parseNot(inAggregate: inAggregate))
        }
        return try parsePrimary(inAggregate: inAggregate)
    }

    private mutating func parsePrimary(inAggregate: Bool) throws(QueryError) -> QueryExpression {
        let token = advance()
        switch token.kind {
        case .leftParenthesis:
            try enter(token)
            defer { depth -= 1 }
            let inner = try parseOr()
            guard case .rightParenthesis = current.kind else {
                throw QueryError(column: token.offset + 1, message: "unbalanced '(': it is never closed", hint: "add ')' where the group ends")
            }
            _ = advance()
            return inner
        case .string(let text):
            return .text(text, offset: token.offset)
        case .word(let word):
            let lowered = word.lowercased()
            if lowered == "has" {
                guard case .word(let field) = current.kind, !Self.keywords.contains(field.lowercased()) else {
                    throw QueryError(column: current.offset + 1, message: "expected a field after 'has'", hint: "for example has follow-up")
                }
                let fieldToken = advance()
                return .has(try operand(field, at: fieldToken))
            }
            if Self.keywords.contains(lowered) {
                throw QueryError(column: token.offset + 1, message: "expected a condition, found '\(word)'",
                                 hint: "a condition is FIELD OP VALUE, has FIELD, or a word to search for")
            }
            let operand = try operand(word, at: token)
            if let comparison = try parseOperator() {
                return .compare(operand, comparison, try parseValues(for: comparison))
            }
            if case .aggregate = operand {
                throw QueryError(column: current.offset + 1, message: "expected a comparison after \(word)(...)", hint: "for example count(calls) = 0")
            }
            return .text(word, offset: token.offset)
        case .end:
            throw QueryError(column: token.offset + 1, message: "expected a condition at the end", hint: "remove the trailing 'and', 'or' or 'not'")
        default:
            throw QueryError(column: token.offset + 1, message: "expected a condition, found \(token.described)",
                             hint: "a condition is FIELD OP VALUE, has FIELD, or a word to search for")
        }
    }

    /// A field path, or an aggregate when the word is a function followed by `(`.
    private mutating func operand(_ word: String, at token: QueryToken) throws(QueryError) -> QueryOperand {
        guard Self.aggregateFunctions.contains(word.lowercased()), case .leftParenthesis = current.kind else {
            return .path(word, offset: token.offset)
        }
        _ = advance()
        guard case .word(let target) = current.kind else {
            throw QueryError(column: current.offset + 1, message: "expected the related records in \(word)(...)", hint: "for example \(word)(calls)")
        }
        let targetToken = advance()
        let parts = target.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard !parts[0].isEmpty else {
            throw QueryError(column: targetToken.offset + 1, message: "expected the related records in \(word)(...), found '\(target)'",
                             hint: "for example \(word)(calls) or \(word)(calls.at)")
        }
        var filter: QueryExpression?
        if current.keyword == "where" {
            try enter(advance())
            defer { depth -= 1 }
            filter = try parseOr(inAggregate: true)
        }
        guard case .rightParenthesis = current.kind else {
            throw QueryError(column: token.offset + 1, message: "unbalanced '(' in \(word)(...): it is never closed", hint: "add ')'")
        }
        _ = advance()
        return .aggregate(QueryAggregate(function: word.lowercased(), relation: parts[0], field: parts.count > 1 ? parts[1] : nil,
                                         filter: filter, offset: token.offset, relationOffset: targetToken.offset))
    }

    private mutating func parseOperator() throws(QueryError) -> QueryOperator? {
        switch current.kind {
        case .comparison(let symbol):
            _ = advance()
            return QueryOperator(rawValue: symbol)
        case .word(let word):
            switch word.lowercased() {
            case "contains":
                _ = advance()
                return .contains
            case "in":
                _ = advance()
                return .within
            case "not" where position + 1 < tokens.count && tokens[position + 1].keyword == "in":
                _ = advance()
                _ = advance()
                return .notWithin
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// One value, or `(a, b, c)` after `in` (where a single period word is allowed too: `in last-month`).
    private mutating func parseValues(for comparison: QueryOperator) throws(QueryError) -> [QueryValue] {
        if comparison == .within || comparison == .notWithin, case .leftParenthesis = current.kind {
            let open = advance()
            var values: [QueryValue] = []
            while true {
                let value = try parseValue(after: comparison)
                values += value.quoted ? [value] : Self.listItems(value)
                if case .comma = current.kind {
                    _ = advance()
                    continue
                }
                guard case .rightParenthesis = current.kind else {
                    throw QueryError(column: open.offset + 1, message: "unbalanced '(' in the list: it is never closed",
                                     hint: "write in (a, b, c)")
                }
                _ = advance()
                return values
            }
        }
        return [try parseValue(after: comparison)]
    }

    private mutating func parseValue(after comparison: QueryOperator) throws(QueryError) -> QueryValue {
        let token = current
        switch token.kind {
        case .word(let word):
            _ = advance()
            var text = word
            if Self.isNumeral(word) {
                while case .word(let next) = current.kind, Self.isNumeral(next), !Self.isOperator(tokens[position + 1]) {
                    text += " " + next
                    _ = advance()
                }
            }
            return QueryValue(text: text, quoted: false, offset: token.offset)
        case .string(let text):
            _ = advance()
            return QueryValue(text: text, quoted: true, offset: token.offset)
        default:
            throw QueryError(column: token.offset + 1, message: "expected a value after '\(comparison.rawValue)'",
                             hint: comparison == .within ? "write in (a, b, c)" : "quote an empty value: \"\"")
        }
    }

    /// A word that starts like a number, a date or a phone number (`10`, `000`, `14:00`,
    /// `+420`): such words after a value are its continuation (`10 000`, `2026-11-20 14:00`,
    /// `777 000 111`), not words to search for.
    private static func isNumeral(_ word: String) -> Bool {
        let body = word.first == "+" || word.first == "-" ? word.dropFirst() : Substring(word)
        return body.first?.isASCII == true && body.first!.isNumber && body.allSatisfy { $0.isASCII && ($0.isNumber || ":.,-/".contains($0)) }
    }

    /// `1,2` in a list is two values, as the lexer read it as one word with a decimal comma.
    private static func listItems(_ value: QueryValue) -> [QueryValue] {
        var items: [QueryValue] = []
        var offset = value.offset
        for part in value.text.split(separator: ",", omittingEmptySubsequences: false) {
            items.append(QueryValue(text: String(part), quoted: false, offset: offset))
            offset += part.unicodeScalars.count + 1
        }
        return items
    }

    private static func isOperator(_ token: QueryToken) -> Bool {
        if case .comparison = token.kind { return true }
        return ["contains", "in", "not"].contains(token.keyword ?? "")
    }
}

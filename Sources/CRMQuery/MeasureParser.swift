/// Reads a report measure: `count`, `count(where due < today)`, `sum(amount)`,
/// `median(days(opened, closed))`, `sum(value * probability / 100 where stage != lost)`,
/// `percent(closed <= due)`, each optionally followed by `as TITLE`. Arithmetic operators are
/// words of their own, so they need spaces around them.
struct MeasureParser {
    /// A number computed from a record, as written.
    indirect enum Value: Sendable, Hashable {
        case number(Double)
        case path(String, offset: Int)
        /// `days(FROM, TO)`: the days from one date field to another.
        case days(String, fromOffset: Int, String, toOffset: Int)
        case binary(String, Value, Value)
    }

    struct Syntax: Sendable {
        var function: String
        var value: Value?
        var filter: QueryExpression?
        var title: String?
        /// The text of the measure without its title.
        var text: String
    }

    private let text: String
    private let tokens: [QueryToken]
    private var position = 0
    private var depth = 0

    init(_ text: String) throws(QueryError) {
        self.text = text
        tokens = try QueryLexer.tokens(text)
    }

    mutating func parse() throws(QueryError) -> Syntax {
        let head = advance()
        guard case .word(let name) = head.kind else {
            throw QueryError(column: head.offset + 1, message: "expected a measure such as count, sum(amount) or percent(closed <= due)")
        }
        let function = name.lowercased()
        var value: Value?
        var filter: QueryExpression?
        if case .leftParenthesis = current.kind {
            _ = advance()
            if function == "percent" {
                filter = try condition(until: head)
            } else {
                if current.keyword != "where" && current.kind != .rightParenthesis { value = try sum() }
                if current.keyword == "where" {
                    _ = advance()
                    filter = try condition(until: head)
                } else {
                    try close(head)
                }
            }
        }
        let end = current.offset
        var title: String?
        if current.keyword == "as" {
            let start = advance().offset
            guard current.kind != .end else { throw QueryError(column: start + 1, message: "expected a title after 'as'") }
            title = String(text.unicodeScalars.dropFirst(current.offset).reduce(into: "") { $0.unicodeScalars.append($1) })
                .trimmingWhitespace()
            while current.kind != .end { _ = advance() }
        }
        guard current.kind == .end else {
            throw QueryError(column: current.offset + 1, message: "unexpected \(current.described) in the measure",
                             hint: "put spaces around + - * /, and `as` before a title")
        }
        let written = String(text.unicodeScalars.prefix(end).reduce(into: "") { $0.unicodeScalars.append($1) }).trimmingWhitespace()
        return Syntax(function: function, value: value, filter: filter, title: title, text: written)
    }

    private var current: QueryToken { tokens[position] }

    private mutating func advance() -> QueryToken {
        defer { if position < tokens.count - 1 { position += 1 } }
        return tokens[position]
    }

    /// The condition up to the `)` that closes the function opened at `head`.
    private mutating func condition(until head: QueryToken) throws(QueryError) -> QueryExpression {
        var depth = 0
        var inner: [QueryToken] = []
        while true {
            let token = current
            switch token.kind {
            case .end:
                throw QueryError(column: head.offset + 1, message: "unbalanced '(': it is never closed", hint: "add ')'")
            case .leftParenthesis:
                depth += 1
            case .rightParenthesis where depth == 0:
                _ = advance()
                var parser = QueryParser(tokens: inner + [QueryToken(kind: .end, offset: token.offset)])
                return try parser.parse()
            case .rightParenthesis:
                depth -= 1
            default:
                break
            }
            inner.append(advance())
        }
    }

    private mutating func close(_ head: QueryToken) throws(QueryError) {
        guard case .rightParenthesis = current.kind else {
            if current.kind == .end {
                throw QueryError(column: head.offset + 1, message: "unbalanced '(': it is never closed", hint: "add ')'")
            }
            throw QueryError(column: current.offset + 1, message: "expected ')' or 'where', found \(current.described)",
                             hint: "put spaces around + - * /")
        }
        _ = advance()
    }

    private mutating func sum() throws(QueryError) -> Value {
        var left = try product()
        while let symbol = current.keyword, symbol == "+" || symbol == "-" {
            try enter(advance())
            left = .binary(symbol, left, try product())
        }
        return left
    }

    private mutating func product() throws(QueryError) -> Value {
        var left = try factor()
        while let symbol = current.keyword, symbol == "*" || symbol == "/" {
            try enter(advance())
            left = .binary(symbol, left, try factor())
        }
        return left
    }

    /// Counts one more operator or parenthesis, refusing arithmetic deeper than crm evaluates.
    private mutating func enter(_ token: QueryToken) throws(QueryError) {
        depth += 1
        guard depth <= QueryLimits.arithmetic else {
            throw QueryError(column: token.offset + 1, message: "the measure has more than \(QueryLimits.arithmetic) operators and parentheses, "
                             + "which is as many as crm computes", hint: "split it into several measures")
        }
    }

    private mutating func factor() throws(QueryError) -> Value {
        let token = advance()
        switch token.kind {
        case .leftParenthesis:
            try enter(token)
            let inner = try sum()
            try close(token)
            return inner
        case .word(let word):
            if let number = Double(word) { return .number(number) }
            if word.lowercased() == "days", case .leftParenthesis = current.kind {
                _ = advance()
                let from = try pathWord()
                guard case .comma = current.kind else {
                    throw QueryError(column: current.offset + 1, message: "expected ',' between the two dates of days(FROM, TO)")
                }
                _ = advance()
                let to = try pathWord()
                try close(token)
                return .days(from.0, fromOffset: from.1, to.0, toOffset: to.1)
            }
            return .path(word, offset: token.offset)
        default:
            throw QueryError(column: token.offset + 1, message: "expected a field, a number or days(FROM, TO), found \(token.described)")
        }
    }

    private mutating func pathWord() throws(QueryError) -> (String, Int) {
        let token = advance()
        guard case .word(let word) = token.kind else {
            throw QueryError(column: token.offset + 1, message: "expected a date field, found \(token.described)")
        }
        return (word, token.offset)
    }
}

import CRMWorkspace

/// What a report computes for each group of records: `count`, `sum(amount)`,
/// `avg(duration)`, `median(days(opened, closed))`, `min(...)`, `max(...)`,
/// `percent(closed <= due)` (of the records that have both fields it compares); `where` keeps
/// some of the group's records
/// (`sum(amount where due < today)`), `as TITLE` names the column.
public struct Measure: Sendable {
    public enum Function: String, Sendable, CaseIterable {
        case count, sum, avg, median, min, max, percent
    }

    public let function: Function
    /// The column's title: the `as` title, else the measure as written.
    public let title: String
    /// The types whose records the measure reads besides the report's own.
    public let relatedTypes: Set<String>
    let value: NumericValue?
    let filter: Predicate?
    /// For `percent`, the records it is a percentage of, when not all of the group.
    let base: Predicate?

    /// The number of records.
    public static let count = Measure(function: .count, title: "count", relatedTypes: [], value: nil, filter: nil)

    private init(function: Function, title: String, relatedTypes: Set<String>, value: NumericValue?, filter: Predicate?) {
        self.function = function
        self.title = title
        self.relatedTypes = relatedTypes
        self.value = value
        self.filter = filter
        base = nil
    }

    /// Reads a measure for records of `type`; dates in its condition are relative to `today`.
    public init(_ text: String, type: RecordType, schema: Schema, today: CivilDate) throws(QueryError) {
        var parser = try MeasureParser(text)
        try self.init(syntax: try parser.parse(), type: type, schema: schema, today: today)
    }

    /// `function` of a number field (`sum` of `amount`), built without query text, as
    /// `crm report --sum FIELD` asks for it.
    public init(_ function: Function, of field: String, type: RecordType, schema: Schema, today: CivilDate) throws(QueryError) {
        let syntax = MeasureParser.Syntax(function: function.rawValue, value: .path(field, offset: 0), filter: nil, title: nil,
                                          text: "\(function.rawValue)(\(field))")
        try self.init(syntax: syntax, type: type, schema: schema, today: today)
    }

    private init(syntax: MeasureParser.Syntax, type: RecordType, schema: Schema, today: CivilDate) throws(QueryError) {
        guard let function = Function(rawValue: syntax.function) else {
            throw QueryError(column: 1, message: "unknown measure '\(syntax.function)'",
                             hint: Suggestions.closest(to: syntax.function, in: Function.allCases.map(\.rawValue)).map { "did you mean '\($0)'?" }
                                 ?? "measures are \(Function.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var compiler = QueryCompiler(schema: schema, today: today)
        switch function {
        case .count:
            guard syntax.value == nil else {
                throw QueryError(column: 1, message: "count counts records; it takes no field", hint: "write count, or count(where CONDITION)")
            }
        case .percent:
            guard syntax.filter != nil else {
                throw QueryError(column: 1, message: "percent needs a condition", hint: "for example percent(closed <= due)")
            }
        default:
            guard syntax.value != nil else {
                throw QueryError(column: 1, message: "\(function.rawValue) needs a number", hint: "for example \(function.rawValue)(amount)")
            }
        }
        var related: Set<String> = []
        value = try syntax.value.map { value throws(QueryError) in try NumericValue(value, type: type, schema: schema, related: &related) }
        let condition = try syntax.filter.map { expression throws(QueryError) in try compiler.compile(expression, for: type) }
        filter = condition.map(Predicate.init)
        // percent(closed <= due) is of the records that have both dates: an open complaint is
        // neither on time nor late.
        let compared = function == .percent ? condition?.comparedFields ?? [] : []
        base = compared.isEmpty ? nil : Predicate(compared.dropFirst().reduce(Condition.has(compared[0])) { .and($0, .has($1)) })
        self.function = function
        title = syntax.title ?? syntax.text
        relatedTypes = related.union(compiler.relatedTypes)
    }

    /// The measure over the records at `positions` of `index`; `nil` when there is nothing to
    /// compute it from (an average of no values).
    public func compute(_ positions: [Int], index: WorkspaceIndex) -> Double? {
        let kept = filter.map { filter in positions.filter { filter.test($0, index, $0) } } ?? positions
        switch function {
        case .count:
            return Double(kept.count)
        case .percent:
            guard let base else { return positions.isEmpty ? nil : 100 * Double(kept.count) / Double(positions.count) }
            let counted = Set(positions.filter { base.test($0, index, $0) })
            return counted.isEmpty ? nil : 100 * Double(kept.filter(counted.contains).count) / Double(counted.count)
        default:
            let numbers = kept.compactMap { value?.evaluate(index.records[$0], index: index) }
            guard !numbers.isEmpty else { return function == .sum ? 0 : nil }
            switch function {
            // Money is added in cents, so a total is exact and not 3148904.0000000005.
            case .sum where isMoney: return numbers.reduce(0) { $0 + ($1 * 100).rounded() } / 100
            case .sum: return numbers.reduce(0, +)
            case .avg: return numbers.reduce(0, +) / Double(numbers.count)
            case .min: return numbers.min()
            case .max: return numbers.max()
            default:
                let sorted = numbers.sorted()
                let middle = sorted.count / 2
                return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            }
        }
    }

    /// True for measures whose group values add up to the total (counts and sums).
    public var isAdditive: Bool { function == .count || function == .sum }

    /// True when the measure is an amount of money (a sum or average of a money field).
    public var isMoney: Bool { function != .count && function != .percent && (value?.involvesMoney ?? false) }
}

/// A number computed from one record: a number or money field, a constant, the days between
/// two date fields, or arithmetic of these.
indirect enum NumericValue: Sendable {
    case constant(Double)
    case field(FieldPath)
    case days(FieldPath, FieldPath)
    case binary(String, NumericValue, NumericValue)

    init(_ syntax: MeasureParser.Value, type: RecordType, schema: Schema, related: inout Set<String>) throws(QueryError) {
        func path(_ text: String, _ offset: Int, dated: Bool) throws(QueryError) -> FieldPath {
            let path: FieldPath
            do {
                path = try FieldPath(text, in: type, schema: schema)
            } catch {
                throw QueryError(column: offset + error.offset + 1, message: error.message, hint: error.hint)
            }
            let kind = path.kind.itemKind
            let fits = dated ? kind == .date || kind == .datetime : kind == .number || kind == .money
            guard fits else {
                throw QueryError(column: offset + 1, message: "'\(text)' is \(kind.name), not \(dated ? "a date" : "a number or money field")",
                                 hint: dated ? nil : "days(FROM, TO) counts the days between two dates")
            }
            related.formUnion(path.intermediateTypes)
            return path
        }
        switch syntax {
        case .number(let number): self = .constant(number)
        case .path(let text, let offset): self = .field(try path(text, offset, dated: false))
        case .days(let from, let fromOffset, let to, let toOffset):
            self = .days(try path(from, fromOffset, dated: true), try path(to, toOffset, dated: true))
        case .binary(let symbol, let left, let right):
            self = .binary(symbol, try NumericValue(left, type: type, schema: schema, related: &related),
                           try NumericValue(right, type: type, schema: schema, related: &related))
        }
    }

    var involvesMoney: Bool {
        switch self {
        case .constant, .days: return false
        case .field(let path): return path.kind.itemKind == .money
        case .binary(_, let left, let right): return left.involvesMoney || right.involvesMoney
        }
    }

    /// The value for `record`; `nil` when a field it needs is empty (or a division by zero).
    func evaluate(_ record: Record, index: WorkspaceIndex) -> Double? {
        switch self {
        case .constant(let number):
            return number
        case .field(let path):
            return path.values(of: record, in: index).lazy.compactMap { Number($0)?.value }.first
        case .days(let from, let to):
            guard let start = from.values(of: record, in: index).first.flatMap(DateRange.instant),
                  let end = to.values(of: record, in: index).first.flatMap(DateRange.instant) else { return nil }
            return Double(end - start) / 86_400
        case .binary(let symbol, let left, let right):
            guard let a = left.evaluate(record, index: index), let b = right.evaluate(record, index: index) else { return nil }
            switch symbol {
            case "+": return a + b
            case "-": return a - b
            case "*": return a * b
            default: return b == 0 ? nil : a / b
            }
        }
    }
}

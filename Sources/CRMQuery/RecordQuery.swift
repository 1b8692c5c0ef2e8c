import CRMWorkspace

/// A `--where` expression checked against a record type, ready to select records.
///
///     status = open and severity >= high and customer.segment = enterprise
///     last(calls.at) < -90d or count(calls) = 0
///     faktura and channel = phone
public struct RecordQuery: Sendable {
    public let text: String
    public let type: RecordType
    let predicate: Predicate
    /// The types whose records the query reads through references and aggregates.
    public let relatedTypes: Set<String>

    /// Reads `text` for records of `type`; dates are relative to `today`, and `me` names the
    /// person with these names (`nil`: nobody, so `owner = me` matches no record).
    public init(_ text: String, type: RecordType, schema: Schema, today: CivilDate, me: [String]? = nil) throws(QueryError) {
        var parser = try QueryParser(text)
        try self.init(expression: try parser.parse(), text: text, type: type, schema: schema, today: today, me: me)
    }

    init(expression: QueryExpression, text: String, type: RecordType, schema: Schema, today: CivilDate,
         me: [String]? = nil) throws(QueryError) {
        var compiler = QueryCompiler(schema: schema, today: today, me: me)
        predicate = Predicate(try compiler.compile(expression, for: type))
        relatedTypes = compiler.relatedTypes
        self.text = text
        self.type = type
    }

    /// The records whose date field `field` is on or after (`from`) or on or before the end of
    /// (`to`) a day or period (`2026-11-01`, `-30d`, `2026-11`, `2026-Q4`, `this-year`), built as
    /// a condition, not as query text.
    public static func dateBound(_ field: String, from bound: String, type: RecordType, schema: Schema,
                                 today: CivilDate) throws(QueryError) -> RecordQuery {
        try self.bound(field, .greaterOrEqual, bound, type: type, schema: schema, today: today)
    }

    /// See `dateBound(_:from:type:schema:today:)`.
    public static func dateBound(_ field: String, to bound: String, type: RecordType, schema: Schema,
                                 today: CivilDate) throws(QueryError) -> RecordQuery {
        try self.bound(field, .lessOrEqual, bound, type: type, schema: schema, today: today)
    }

    private static func bound(_ field: String, _ comparison: QueryOperator, _ bound: String, type: RecordType, schema: Schema,
                              today: CivilDate) throws(QueryError) -> RecordQuery {
        guard DateRange.parse(bound, today: today) != nil else {
            throw QueryError(column: 1, message: "'\(bound)' is not a date", hint: "write 2026-11-01, -30d, 2026-11, this-year or 2026-Q4")
        }
        let expression = QueryExpression.compare(.path(field, offset: 0), comparison, [QueryValue(text: bound, quoted: false, offset: 0)])
        return try RecordQuery(expression: expression, text: bound, type: type, schema: schema, today: today)
    }

    /// True when the record at `position` of `index` meets the query.
    public func matches(at position: Int, in index: WorkspaceIndex) -> Bool {
        predicate.test(position, index, position)
    }

    /// The positions among `positions` whose records meet the query.
    public func filter(_ positions: [Int], in index: WorkspaceIndex) -> [Int] {
        let test = predicate.test
        return positions.filter { test($0, index, $0) }
    }

    /// The records of the query's type in `index` that meet it.
    public func select(in index: WorkspaceIndex) -> [Record] {
        filter(index.positions(ofType: type.name), in: index).map { index.records[$0] }
    }
}

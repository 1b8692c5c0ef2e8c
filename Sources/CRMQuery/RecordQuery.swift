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

    /// Reads `text` for records of `type`; dates are relative to `today`.
    public init(_ text: String, type: RecordType, schema: Schema, today: CivilDate) throws(QueryError) {
        var parser = try QueryParser(text)
        let expression = try parser.parse()
        var compiler = QueryCompiler(schema: schema, today: today)
        predicate = Predicate(try compiler.compile(expression, for: type))
        relatedTypes = compiler.relatedTypes
        self.text = text
        self.type = type
    }

    /// True when the record at `position` of `index` meets the query.
    public func matches(at position: Int, in index: WorkspaceIndex) -> Bool {
        predicate.test(position, index)
    }

    /// The positions among `positions` whose records meet the query.
    public func filter(_ positions: [Int], in index: WorkspaceIndex) -> [Int] {
        let test = predicate.test
        return positions.filter { test($0, index) }
    }

    /// The records of the query's type in `index` that meet it.
    public func select(in index: WorkspaceIndex) -> [Record] {
        filter(index.positions(ofType: type.name), in: index).map { index.records[$0] }
    }
}

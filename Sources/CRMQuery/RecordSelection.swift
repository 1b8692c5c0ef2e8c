import CRMWorkspace

/// Which records of a type a command reads: every record that meets all of its queries (a
/// saved query's, a report's, the command line's `--where`, date bounds). Queries are combined
/// as conditions, each checked on its own, never by joining their text.
public struct RecordSelection: Sendable {
    public let type: RecordType
    public private(set) var queries: [RecordQuery]

    public init(type: RecordType, queries: [RecordQuery] = []) {
        self.type = type
        self.queries = queries
    }

    /// The selection narrowed by one more query.
    public func and(_ query: RecordQuery) -> RecordSelection {
        var narrowed = self
        narrowed.queries.append(query)
        return narrowed
    }

    /// Every type the queries read through references and aggregates, and the type itself.
    public var relatedTypes: Set<String> {
        queries.reduce(into: [type.name]) { $0.formUnion($1.relatedTypes) }
    }

    /// The positions among `positions` whose records meet every query.
    public func filter(_ positions: [Int], in index: WorkspaceIndex) -> [Int] {
        queries.reduce(positions) { kept, query in query.filter(kept, in: index) }
    }

    /// The positions of the records of the type in `index` that meet every query.
    public func positions(in index: WorkspaceIndex) -> [Int] {
        filter(index.positions(ofType: type.name), in: index)
    }

    /// The records of the type in `index` that meet every query.
    public func select(in index: WorkspaceIndex) -> [Record] {
        positions(in: index).map { index.records[$0] }
    }
}

import CRMSyntax
import CRMWorkspace

/// The open records of a type with a lifecycle (complaints), most urgent first: the furthest
/// past its deadline at the top, then the nearest deadline, the more severe first on a tie.
public struct ComplaintBoard: Sendable {
    public struct Entry: Sendable {
        public var record: Record
        public var deadline: CivilDate?
        /// Days past the deadline, when it is past.
        public var daysLate: Int?
    }

    public let lifecycle: Lifecycle
    public let entries: [Entry]

    /// The open records of `type`; only those past their deadline with `breachedOnly`, only
    /// those whose `owner` field `owner` accepts when it is given.
    public init?(index: WorkspaceIndex, type: RecordType, today: CivilDate, breachedOnly: Bool = false,
                 owner: ((String) -> Bool)? = nil) {
        guard let lifecycle = Lifecycle(type: type) else { return nil }
        self.lifecycle = lifecycle
        let severity = lifecycle.serviceLevel.flatMap { type.field($0.by)?.kind.enumValues } ?? []
        func rank(_ record: Record) -> Int {
            lifecycle.serviceLevel.flatMap { record[$0.by]?.string }.flatMap { severity.firstIndex(of: $0) } ?? -1
        }
        var entries: [Entry] = []
        for position in index.positions(ofType: type.name) {
            let record = index.records[position]
            guard !lifecycle.isClosed(record.fields) else { continue }
            if let owner, !owner(record["owner"]?.string ?? "") { continue }
            let late = lifecycle.daysLate(record.fields, today: today)
            if breachedOnly && late == nil { continue }
            entries.append(Entry(record: record, deadline: lifecycle.deadline(of: record.fields), daysLate: late))
        }
        self.entries = entries.sorted { left, right in
            switch (left.deadline, right.deadline) {
            case let (a?, b?) where a != b: return a < b
            case (nil, _?): return false
            case (_?, nil): return true
            default:
                let (a, b) = (rank(left.record), rank(right.record))
                return a != b ? a > b : left.record.id < right.record.id
            }
        }
    }
}

import CRMWorkspace

/// Records grouped by columns (and by period of a date), with measures for each group:
/// complaints by status and severity, calls per channel per month, deal value by stage.
public struct Report: Sendable {
    public enum Period: String, CaseIterable, Sendable {
        case day, week, month, quarter, year

        /// `2026-11-20`, `2026-W47`, `2026-11`, `2026-Q4`, `2026`.
        public func label(_ date: CivilDate) -> String {
            switch self {
            case .day: return date.description
            case .week:
                let thursday = date.adding(days: 4 - date.weekday)
                let firstOfYear = CivilDate(year: thursday.year, month: 1, day: 1)!
                let week = firstOfYear.days(to: thursday) / 7 + 1
                return "\(thursday.year)-W" + (week < 10 ? "0\(week)" : "\(week)")
            case .month: return String(date.description.prefix(7))
            case .quarter: return "\(date.year)-Q\((date.month - 1) / 3 + 1)"
            case .year: return String(date.year)
            }
        }
    }

    public struct Row: Sendable, Hashable {
        public var keys: [String]
        public var values: [Double?]
    }

    public struct Table: Sendable {
        /// The group columns' titles, then the measures'.
        public var columns: [String]
        public var groupColumns: Int
        public var rows: [Row]
        /// The measures over all records.
        public var total: [Double?]
    }

    public static let none = "(none)"

    public let groups: [ColumnSpec]
    public let period: (Period, ColumnSpec)?
    public let measures: [Measure]

    public init(groups: [ColumnSpec], period: (Period, ColumnSpec)?, measures: [Measure]) {
        self.groups = groups
        self.period = period
        self.measures = measures.isEmpty ? [.count] : measures
    }

    /// The report over the records at `positions` of `index`.
    public func run(_ positions: [Int], index: WorkspaceIndex) -> Table {
        var buckets: [[String]: [Int]] = [:]
        var order: [[String]] = []
        for position in positions {
            let record = index.records[position]
            var keyLists = groups.map { column -> [String] in
                let values = column.values(of: record, in: index)
                return values.isEmpty ? [Self.none] : Array(Set(values))
            }
            if let (period, column) = period {
                let dates = column.values(of: record, in: index).compactMap { CivilDate(String($0.prefix(10))) }
                keyLists.insert(dates.isEmpty ? [Self.none] : [period.label(dates[0])], at: 0)
            }
            for key in combinations(keyLists) {
                if buckets[key] == nil { order.append(key) }
                buckets[key, default: []].append(position)
            }
        }
        let kinds = (period.map { _ in [FieldKind.text] } ?? []) + groups.map(\.kind)
        let rows = order.sorted { left, right in
            for (position, kind) in kinds.enumerated() where left[position] != right[position] {
                if left[position] == Self.none { return false }
                if right[position] == Self.none { return true }
                return SortKey(left[position], kind: kind) < SortKey(right[position], kind: kind)
            }
            return false
        }.map { key in Row(keys: key, values: measures.map { $0.compute(buckets[key]!, index: index) }) }
        let titles = (period.map { ["\($0.0.rawValue)(\($0.1.text))"] } ?? []) + groups.map(\.text)
        return Table(columns: titles + measures.map(\.title), groupColumns: titles.count, rows: rows,
                     total: measures.map { $0.compute(positions, index: index) })
    }

    private func combinations(_ lists: [[String]]) -> [[String]] {
        lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.sorted().map { prefix + [$0] } } }
    }
}

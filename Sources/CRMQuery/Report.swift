import CRMWorkspace

/// Records grouped by columns (and by period of a date), with measures for each group:
/// complaints by status and severity, calls per channel per month, deal value by stage. A
/// report grouped by `currency` also totals each currency; money is never totalled across them.
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

        /// The labels of every period from the one holding `first` to the one holding `last`.
        public func labels(from first: CivilDate, to last: CivilDate) -> [String] {
            var labels = [label(first)]
            var date = first
            let end = label(last)
            while labels.last != end && date < last {
                switch self {
                case .day: date = date.adding(days: 1)
                case .week: date = date.adding(days: 7)
                case .month: date = date.adding(months: 1)
                case .quarter: date = date.adding(months: 3)
                case .year: date = date.adding(months: 12)
                }
                labels.append(label(min(date, last)))
            }
            return labels
        }
    }

    public struct Row: Sendable, Hashable {
        public var keys: [String]
        public var values: [Double?]

        public init(keys: [String], values: [Double?]) {
            self.keys = keys
            self.values = values
        }
    }

    public struct Table: Sendable {
        /// The group columns' titles, then the measures'.
        public var columns: [String]
        public var groupColumns: Int
        public var rows: [Row]
        /// The measures over all records; a money measure over several currencies has none. A
        /// period without records has a row whose other keys are empty.
        public var total: [Double?]
        /// When the report groups by currency: the measures over all records of each currency,
        /// keyed by the currency, and where the currency is among the group columns.
        public var totals: [Row]
        public var currencyColumn: Int?
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
        var span: (first: CivilDate, last: CivilDate)?
        for position in positions {
            let record = index.records[position]
            var keyLists = groups.map { column -> [String] in
                let values = column.values(of: record, in: index)
                if column.text == Currency.field { return [Currency.of(record, default: index.schema.currency)] }
                return values.isEmpty ? [Self.none] : Array(Set(values))
            }
            if let (period, column) = period {
                let dates = column.values(of: record, in: index).compactMap { CivilDate(String($0.prefix(10))) }
                keyLists.insert(dates.isEmpty ? [Self.none] : [period.label(dates[0])], at: 0)
                if let date = dates.first { span = (min(span?.first ?? date, date), max(span?.last ?? date, date)) }
            }
            for key in combinations(keyLists) {
                if buckets[key] == nil { order.append(key) }
                buckets[key, default: []].append(position)
            }
        }
        // A period without records is a row too, so a chart or table over time has no gaps.
        if let (period, _) = self.period, let span {
            let seen = Set(order.map { $0[0] })
            for label in period.labels(from: span.first, to: span.last) where !seen.contains(label) {
                let key = [label] + Array(repeating: "", count: groups.count)
                order.append(key)
                buckets[key] = []
            }
        }
        let kinds = (period.map { _ in [FieldKind.text] } ?? []) + groups.map(\.kind)
        let rows = order.sorted { left, right in
            for (position, kind) in kinds.enumerated() where left[position] != right[position] {
                if left[position] == Self.none { return false }
                if right[position] == Self.none { return true }
                let language = index.schema.language
                return SortKey(left[position], kind: kind, language: language) < SortKey(right[position], kind: kind, language: language)
            }
            return false
        }.map { key in Row(keys: key, values: measures.map { $0.compute(buckets[key]!, index: index) }) }
        let titles = (period.map { ["\($0.0.rawValue)(\($0.1.text))"] } ?? []) + groups.map(\.text)
        let currencyColumn = groups.firstIndex { $0.text == Currency.field }.map { $0 + (period == nil ? 0 : 1) }
        var totals: [Row] = []
        if let currencyColumn {
            var byCurrency: [String: [Int]] = [:]
            for row in rows where !row.keys[currencyColumn].isEmpty {
                byCurrency[row.keys[currencyColumn], default: []].append(contentsOf: buckets[row.keys]!)
            }
            totals = byCurrency.keys.sorted().map { currency in
                Row(keys: [currency], values: measures.map { $0.compute(Array(Set(byCurrency[currency]!)).sorted(), index: index) })
            }
        }
        let mixed = totals.count > 1
        let total = measures.map { mixed && $0.isMoney ? nil : $0.compute(positions, index: index) }
        return Table(columns: titles + measures.map(\.title), groupColumns: titles.count, rows: rows, total: total,
                     totals: totals, currencyColumn: currencyColumn)
    }

    private func combinations(_ lists: [[String]]) -> [[String]] {
        lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.sorted().map { prefix + [$0] } } }
    }
}

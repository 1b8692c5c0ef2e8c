import CRMWorkspace

/// A value made comparable by its field's kind: dates as time, numbers and money as numbers,
/// enum values in their schema order, text without regard to case or diacritics.
public enum SortKey: Sendable, Hashable, Comparable {
    case number(Double)
    /// Money by currency first, so amounts in different currencies never interleave.
    case money(String, Double)
    /// Seconds since 1970 for dates and times alike, so they compare with each other.
    case instant(Int)
    case rank(Int)
    case text(String)
    /// A value that does not fit its kind: after the ones that do, by its text.
    case invalid(String)

    /// `text` ordered as a value of `kind`; text in the order of `language`.
    public init(_ text: String, kind: FieldKind, language: Language = .english) {
        switch kind.itemKind {
        case .number:
            self = Number(text).map { .number($0.value) } ?? .invalid(text)
        case .money:
            self = Number(text).map { .number($0.value) } ?? MoneyAmount(text).map { .money($0.currency, $0.amount) } ?? .invalid(text)
        case .date:
            self = CivilDate(text).map { .instant($0.dayNumber * 86_400) } ?? .invalid(text)
        case .datetime:
            self = CivilDateTime(text).map { .instant($0.instant) } ?? .invalid(text)
        case .enumeration(let values):
            self = values.firstIndex(of: text).map { .rank($0) } ?? .invalid(text)
        default:
            self = .text(language == .english ? TextFold.fold(text) : language.sortKey(text))
        }
    }
}

/// Orders records by `--sort` columns, text in the workspace's language: `-` before a column sorts it descending; records without
/// a value come last either way; ties keep their previous order. Money sorts by currency (the
/// workspace's first, whichever the direction), then by amount. Columns are fields, paths
/// through references, or aggregates (`-count(calls)`).
public struct RecordSorter: Sendable {
    public struct Criterion: Sendable {
        public let column: ColumnSpec
        public let descending: Bool
    }

    public let criteria: [Criterion]
    /// The workspace's currency, which money in other currencies sorts after.
    let currency: String
    /// The language text sorts in.
    let language: Language

    /// Reads `status,-opened` against `type`.
    public init(_ specification: String, type: RecordType, schema: Schema, today: CivilDate) throws(QueryError) {
        currency = schema.currency
        language = schema.language
        var criteria: [Criterion] = []
        for part in splitTopLevel(specification) {
            let descending = part.hasPrefix("-")
            let column = try ColumnSpec(descending ? String(part.dropFirst()) : part, type: type, schema: schema, today: today)
            criteria.append(Criterion(column: column, descending: descending))
        }
        self.criteria = criteria
    }

    /// The types the sort reads besides the records' own.
    public var relatedTypes: Set<String> { criteria.reduce(into: []) { $0.formUnion($1.column.relatedTypes) } }

    public func sorted(_ records: [Record], index: WorkspaceIndex?) -> [Record] {
        let keys = records.map { record in
            criteria.map { criterion in
                if let amounts = criterion.column.amounts(of: record, in: index) {
                    return amounts.first.map { SortKey.money($0.currency, $0.amount) }
                }
                return criterion.column.values(of: record, in: index).first.map {
                    SortKey($0, kind: criterion.column.kind, language: language)
                }
            }
        }
        let order = records.indices.sorted { left, right in
            for (position, criterion) in criteria.enumerated() {
                switch (keys[left][position], keys[right][position]) {
                case (nil, nil): continue
                case (nil, _): return false
                case (_, nil): return true
                case (.money(let first, _)?, .money(let second, _)?) where first != second:
                    // Currencies in one order whichever way amounts go: the workspace's first.
                    return first == currency || second != currency && first < second
                case (let a?, let b?):
                    if a == b { continue }
                    return criterion.descending ? b < a : a < b
                }
            }
            return left < right
        }
        return order.map { records[$0] }
    }
}

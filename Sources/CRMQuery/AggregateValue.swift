import CRMWorkspace

extension Aggregate {
    /// The aggregate's values for the record at `position`: a count, a sum, an average, or the
    /// first or last value, as text. Money in records that name their currency gives one value
    /// per currency, never a sum across them; `withCurrency` writes each as `12000 CZK`.
    /// Empty when there is nothing to take a value from.
    func values(at position: Int, in index: WorkspaceIndex, withCurrency: Bool = false) -> [String] {
        var related: [Int]
        switch link {
        case .field(let key): related = index.linkedPositions(from: position, key: key)
        case .referrers(let type): related = index.referrerPositions(of: position).filter { index.type(at: $0) == type }
        }
        if let filter { related = related.filter { filter.test($0, index, position) } }
        guard perCurrency, function != .count else { return value(of: related, in: index).map { [$0] } ?? [] }
        var byCurrency: [String: [Int]] = [:]
        for position in related {
            byCurrency[Currency.of(index.records[position], default: index.schema.currency), default: []].append(position)
        }
        if byCurrency.isEmpty, function == .sum { byCurrency[index.schema.currency] = [] }
        return byCurrency.keys.sorted().compactMap { currency in
            value(of: byCurrency[currency]!, in: index).map { withCurrency ? $0 + " " + currency : $0 }
        }
    }

    /// The function over the related records at `related`.
    private func value(of related: [Int], in index: WorkspaceIndex) -> String? {
        switch function {
        case .count:
            return String(related.count)
        case .sum, .avg:
            let numbers = related.flatMap { field?.values(of: index.records[$0], in: index) ?? [] }.compactMap { Number($0)?.value }
            let total = numbers.reduce(0, +)
            if function == .avg { return numbers.isEmpty ? nil : Number.text(total / Double(numbers.count)) }
            return Number.text(total)
        case .min, .max, .first, .last:
            guard let field else { return nil }
            let values = related.flatMap { field.values(of: index.records[$0], in: index) }
            let smallest = function == .min || function == .first
            return values.max { left, right in
                let language = index.schema.language
                let (a, b) = (SortKey(left, kind: field.kind, language: language), SortKey(right, kind: field.kind, language: language))
                return smallest ? b < a : a < b
            }
        }
    }

    /// The aggregate's values for a record (looked up in the index by its id), money with its currency.
    func values(for record: Record, _ index: WorkspaceIndex?) -> [String] {
        guard let index, let position = index.position(of: record.id) else { return [] }
        return values(at: position, in: index, withCurrency: true)
    }
}

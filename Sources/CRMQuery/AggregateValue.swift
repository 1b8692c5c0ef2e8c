import CRMWorkspace

extension Aggregate {
    /// The aggregate's value for the record at `position` as text (a count, a sum, or the first or
    /// last value); `nil` when there is nothing to take a value from.
    func value(at position: Int, in index: WorkspaceIndex) -> String? {
        var related: [Int]
        switch link {
        case .field(let key): related = index.linkedPositions(from: position, key: key)
        case .referrers(let type): related = index.referrerPositions(of: position).filter { index.type(at: $0) == type }
        }
        if let filter { related = related.filter { filter.test($0, index, position) } }
        switch function {
        case .count:
            return String(related.count)
        case .sum, .avg:
            let numbers = related.flatMap { field?.values(of: index.records[$0], in: index) ?? [] }.compactMap { Number($0)?.value }
            let total = numbers.reduce(0, +)
            if function == .avg { return numbers.isEmpty ? nil : Self.text(total / Double(numbers.count)) }
            return Self.text(total)
        case .min, .max, .first, .last:
            guard let field else { return nil }
            let values = related.flatMap { field.values(of: index.records[$0], in: index) }
            let smallest = function == .min || function == .first
            return values.max { left, right in
                let (a, b) = (SortKey(left, kind: field.kind), SortKey(right, kind: field.kind))
                return smallest ? b < a : a < b
            }
        }
    }

    /// The aggregate's value for a record (looked up in the index by its id).
    func value(for record: Record, _ index: WorkspaceIndex?) -> String? {
        guard let index, let position = index.position(of: record.id) else { return nil }
        return value(at: position, in: index)
    }

    /// A number as records write one: no `.0` for whole numbers, at most two decimals otherwise.
    static func text(_ number: Double) -> String {
        let hundredths = (number * 100).rounded()
        if hundredths.truncatingRemainder(dividingBy: 100) == 0 { return String(Int(hundredths / 100)) }
        var text = String(hundredths / 100)
        if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
            text = String(text[..<text.index(dot, offsetBy: 3)])
        }
        return text
    }
}

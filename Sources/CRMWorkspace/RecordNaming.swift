/// Finds a record by what a person calls it, where crm expects an id: the id itself, the
/// record's title (a customer's name, an invoice's number) written exactly but for case and
/// diacritics, or a prefix of the id that only one record has (as tables shorten ids).
public enum RecordNaming {
    public enum Match: Sendable {
        case found(Record)
        /// Several records go by that name; none is chosen.
        case ambiguous([Record])
        /// No record does; these have the word in their id or title (closest first).
        case none(suggestions: [Record])
    }

    /// Ids are matched from this many characters on, so that a short word is not taken for one.
    public static let shortestPrefix = 4

    /// The record of `type` (any type when `nil`) that `word` names in `index`.
    public static func find(_ word: String, in index: WorkspaceIndex, type: String? = nil) -> Match {
        let candidates = type.map { index.records(ofType: $0) } ?? index.records
        if let record = index.record(word), type == nil || record.type == type { return .found(record) }
        let folded = TextFold.fold(word)
        guard !folded.isEmpty else { return .none(suggestions: []) }
        let titled = candidates.filter { TextFold.fold(index.title(of: $0)) == folded }
        if titled.count == 1 { return .found(titled[0]) }
        if titled.count > 1 { return .ambiguous(titled.sorted { $0.id < $1.id }) }
        if word.count >= shortestPrefix {
            let prefixed = candidates.filter { $0.id.hasPrefix(word) }
            if prefixed.count == 1 { return .found(prefixed[0]) }
            if prefixed.count > 1 { return .ambiguous(prefixed.sorted { $0.id < $1.id }) }
        }
        return .none(suggestions: suggestions(for: word, among: candidates, index: index))
    }

    /// Records whose id or title holds `word` (case and diacritics aside), else whose id is
    /// close to it: at most `limit`, the closest first.
    public static func suggestions(for word: String, among records: [Record], index: WorkspaceIndex, limit: Int = 5) -> [Record] {
        let folded = TextFold.fold(word)
        let holding = records.filter { TextFold.fold($0.id).contains(folded) || TextFold.fold(index.title(of: $0)).contains(folded) }
        if !holding.isEmpty {
            return Array(holding.sorted { ($0.id.count, $0.id) < ($1.id.count, $1.id) }.prefix(limit))
        }
        let close = Set(Suggestions.closest(to: word, in: records.map(\.id), limit: limit))
        return records.filter { close.contains($0.id) }
    }

    /// `'Novák s.r.o.' (strojirny-novak)` for an error message that lists records.
    public static func describe(_ records: [Record], in index: WorkspaceIndex) -> String {
        records.map { record in
            let title = index.title(of: record)
            return title == record.id ? "'\(record.id)'" : "'\(record.id)' (\(title))"
        }.joined(separator: ", ")
    }
}

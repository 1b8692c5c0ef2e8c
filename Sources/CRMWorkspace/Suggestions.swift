/// "Did you mean" for names a person typed: the closest candidates by edit distance.
public enum Suggestions {
    /// The candidate closest to `name`, if one is close enough to be a likely typo.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        closest(to: name, in: candidates, limit: 1).first
    }

    /// Up to `limit` candidates close to `name`, closest first.
    public static func closest(to name: String, in candidates: some Sequence<String>, limit: Int) -> [String] {
        let target = Array(TextFold.fold(name).unicodeScalars)
        let allowed = max(1, min(3, target.count / 3))
        var scored: [(distance: Int, candidate: String)] = []
        for candidate in candidates {
            let folded = Array(TextFold.fold(candidate).unicodeScalars)
            let isPrefix = folded.count > target.count && target.count >= 3 && folded.starts(with: target)
            if abs(folded.count - target.count) > allowed {
                if isPrefix { scored.append((allowed, candidate)) }
                continue
            }
            let distance = editDistance(target, folded)
            if distance <= allowed || isPrefix {
                scored.append((isPrefix ? min(distance, allowed) : distance, candidate))
            }
        }
        return scored.sorted { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }.prefix(limit).map(\.candidate)
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    public static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

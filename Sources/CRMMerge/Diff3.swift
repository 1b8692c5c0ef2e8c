import CRMSyntax

/// A three-way merge of lines, as diff3 does it: the lines both sides kept from the base
/// anchor the merge; between anchors, a side that changed nothing takes the other's change,
/// equal changes are taken once, and different changes conflict.
public enum Diff3 {
    /// The merged lines, or `nil` when both sides changed the same lines differently.
    public static func merge(base: [String], ours: [String], theirs: [String]) -> [String]? {
        let (lines, conflicted) = mergeMarkingConflicts(base: base, ours: ours, theirs: theirs, labels: ("", ""))
        return conflicted ? nil : lines
    }

    /// The merged lines with git's conflict markers around each part both sides changed
    /// differently, and whether there were any.
    public static func mergeMarkingConflicts(base: [String], ours: [String], theirs: [String],
                                             labels: (ours: String, theirs: String)) -> (lines: [String], conflicted: Bool) {
        let oursOf = matches(base, ours)
        let theirsOf = matches(base, theirs)
        var merged: [String] = []
        var conflicted = false
        var (b, o, t) = (0, 0, 0)
        while true {
            var anchor = b
            while anchor < base.count && (oursOf[anchor] == nil || theirsOf[anchor] == nil) { anchor += 1 }
            let (oursEnd, theirsEnd) = anchor < base.count ? (oursOf[anchor]!, theirsOf[anchor]!) : (ours.count, theirs.count)
            let baseChunk = Array(base[b..<anchor])
            let oursChunk = Array(ours[o..<oursEnd])
            let theirsChunk = Array(theirs[t..<theirsEnd])
            if oursChunk == theirsChunk || theirsChunk == baseChunk {
                merged += oursChunk
            } else if oursChunk == baseChunk {
                merged += theirsChunk
            } else {
                conflicted = true
                merged += ["<<<<<<< \(labels.ours)"] + oursChunk + ["======="] + theirsChunk + [">>>>>>> \(labels.theirs)"]
            }
            guard anchor < base.count else { return (merged, conflicted) }
            merged.append(base[anchor])
            (b, o, t) = (anchor + 1, oursEnd + 1, theirsEnd + 1)
        }
    }

    /// Text merged line by line; `nil` on a conflict.
    public static func merge(base: String, ours: String, theirs: String) -> String? {
        func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        return merge(base: lines(base), ours: lines(ours), theirs: lines(theirs))?.joined(separator: "\n")
    }

    /// For each base line, where it stays in `other`, or `nil` when it does not.
    private static func matches(_ base: [String], _ other: [String]) -> [Int?] {
        var result = [Int?](repeating: nil, count: base.count)
        for step in ListAlignment(old: base, new: other).steps {
            if case .keep(let old, let new) = step { result[old] = new }
        }
        return result
    }
}

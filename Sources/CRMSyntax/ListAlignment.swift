/// The steps that turn one list into another while keeping the longest common
/// subsequence of items in place, so an edit touches only the items that changed.
public struct ListAlignment: Sendable {
    public enum Step: Equatable, Sendable {
        /// Old item at the first index stays, as new item at the second.
        case keep(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    /// Lists whose product of lengths exceeds this are aligned by common prefix and suffix only.
    static let tableLimit = 1_000_000

    public let steps: [Step]

    public init(old: [String], new: [String]) {
        var prefix = 0
        while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix && suffix < new.count - prefix
            && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        var steps = (0..<prefix).map { Step.keep($0, $0) }
        let oldMiddle = Array(old[prefix..<(old.count - suffix)])
        let newMiddle = Array(new[prefix..<(new.count - suffix)])
        steps += Self.middle(oldMiddle, newMiddle).map { step in
            switch step {
            case .keep(let i, let j): return .keep(i + prefix, j + prefix)
            case .delete(let i): return .delete(i + prefix)
            case .insert(let j): return .insert(j + prefix)
            }
        }
        steps += (0..<suffix).map { .keep(old.count - suffix + $0, new.count - suffix + $0) }
        self.steps = steps
    }

    private static func middle(_ old: [String], _ new: [String]) -> [Step] {
        if old.isEmpty || new.isEmpty || old.count * new.count > tableLimit {
            return old.indices.map { .delete($0) } + new.indices.map { .insert($0) }
        }
        let width = new.count + 1
        var lengths = [Int](repeating: 0, count: (old.count + 1) * width)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i * width + j] = old[i] == new[j]
                    ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var steps: [Step] = []
        var i = 0
        var j = 0
        while i < old.count && j < new.count {
            if old[i] == new[j] {
                steps.append(.keep(i, j))
                i += 1
                j += 1
            } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                steps.append(.delete(i))
                i += 1
            } else {
                steps.append(.insert(j))
                j += 1
            }
        }
        steps += (i..<old.count).map { .delete($0) } + (j..<new.count).map { .insert($0) }
        return steps
    }
}

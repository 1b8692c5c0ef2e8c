/// SplitMix64: generated data depends only on its seed, never on the clock or on hashing
/// order, so every run and machine writes the same records.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A stream for one part of the data; separate streams keep a change in one part
    /// from reshuffling the others.
    init(seed: UInt64, stream: String) {
        var state = seed
        for byte in stream.utf8 { state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        self.state = state
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range` (both ends included).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func int(_ range: Range<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    mutating func pick<T>(_ options: [T]) -> T {
        precondition(!options.isEmpty, "pick from an empty list")
        return options[int(0..<options.count)]
    }

    /// One of `options`, each as likely as its weight.
    mutating func weighted<T>(_ options: [(T, Int)]) -> T {
        let total = options.reduce(0) { $0 + $1.1 }
        precondition(total > 0, "weighted pick without weights")
        var roll = int(0..<total)
        for (option, weight) in options {
            if roll < weight { return option }
            roll -= weight
        }
        return options[options.count - 1].0
    }

    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        if items.count < 2 { return items }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, int(0...index))
        }
        return items
    }

    /// `count` characters from `[a-z0-9]`, as `crm new` ends the ids of calls and complaints.
    mutating func suffix(_ count: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<count).map { _ in pick(alphabet) })
    }
}

import Dispatch

/// Work on the indices `0..<count` spread over threads that claim chunks of them, each thread
/// with its own state (a reusable reader), with the results in index order.
enum ParallelMap {
    static func map<State, Result>(_ count: Int, workers: Int, chunk: Int = 64, state makeState: () -> State,
                                   _ body: (Int, inout State) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        let chunks = (count + chunk - 1) / chunk
        let threads = max(1, min(workers, chunks))
        if threads == 1 {
            var state = makeState()
            return (0..<count).map { body($0, &state) }
        }
        let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize().deallocate() }
        let lock = DispatchQueue(label: "crm.parallel.counter")
        nonisolated(unsafe) var nextChunk = 0
        nonisolated(unsafe) let output = slots
        withoutActuallyEscaping(makeState) { makeState in
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let makeState = makeState
                nonisolated(unsafe) let body = body
                DispatchQueue.concurrentPerform(iterations: threads) { _ in
                    var state = makeState()
                    while true {
                        let claimed: Int = lock.sync {
                            defer { nextChunk += 1 }
                            return nextChunk
                        }
                        guard claimed < chunks else { return }
                        for index in (claimed * chunk)..<min(count, (claimed + 1) * chunk) {
                            output[index] = body(index, &state)
                        }
                    }
                }
            }
        }
        return slots.map { $0! }
    }
}

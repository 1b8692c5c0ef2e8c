import CRMWorkspace

/// The moment of each customer's latest call, read once, so that whether a call was followed
/// by a later one to the same customer (which settles its follow-up) is a lookup.
struct LatestCalls {
    private var latest: [String: CivilDateTime] = [:]

    /// Of every customer of `index`, from one pass over the calls; with `customers`, of those
    /// only, from their referrers.
    init(_ index: WorkspaceIndex, customers: [String]? = nil) {
        if let customers {
            for customer in customers {
                guard let position = index.position(of: customer) else { continue }
                for other in index.referrerPositions(of: position) { note(index.records[other], index: index) }
            }
        } else {
            for position in index.positions(ofType: "call") { note(index.records[position], index: index) }
        }
    }

    private mutating func note(_ record: Record, index: WorkspaceIndex) {
        guard record.type == "call", let customer = record["customer"]?.string, index.position(of: customer) != nil,
              let at = record["at"]?.string.flatMap(CivilDateTime.init) else { return }
        if latest[customer].map({ at > $0 }) ?? true { latest[customer] = at }
    }

    /// True when a call to `call`'s customer was made after it.
    func hasCall(after call: Record) -> Bool {
        guard let customer = call["customer"]?.string, let at = call["at"]?.string.flatMap(CivilDateTime.init),
              let last = latest[customer] else { return false }
        return last > at
    }
}

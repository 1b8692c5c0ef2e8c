import CRMSyntax

extension WorkspaceIndex {
    /// The day of the latest call naming the record at `position` in a reference to its type (a
    /// call's `customer`, or its `contact`); `nil` when no call does. Keeping in touch and the
    /// people nobody has been in touch with both count from it.
    public func lastCall(to position: Int) -> CivilDate? {
        let id = self.id(at: position)
        guard let callType = schema.type(named: "call") else { return nil }
        let keys = callType.referenceFields.filter { $0.type == type(at: position) }.map(\.key)
        var last: CivilDate?
        for other in referrerPositions(of: position) where type(at: other) == "call" {
            guard keys.contains(where: { value(at: other, of: $0)?.strings.contains(id) == true }),
                  let day = value(at: other, of: "at")?.string.flatMap({ CivilDate($0.prefix(10)) }) else { continue }
            if last.map({ day > $0 }) ?? true { last = day }
        }
        return last
    }
}

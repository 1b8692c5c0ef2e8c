import CRMSyntax

/// A three-way merge of one record, field by field, the way a person would merge two edits of
/// it: fields changed on one side only take that change; the same change on both sides is made
/// once; lists merge as sets; multi-line text merges line by line; maps merge entry by entry.
/// What is left (the same field changed differently, a field changed on one side and removed
/// on the other) is a conflict: the field keeps our value and the record gains a `conflicts`
/// entry with the other side's value (see `MergeConflicts`), so the file is still a record.
///
/// The result starts from our file, so our comments and formatting stay; a field taken from
/// the other side keeps its lines as the other side wrote them.
public enum RecordMerge {
    /// A field both sides changed differently.
    public struct Conflict: Sendable, Hashable {
        /// The field (for a map, the map field; `ours` and `theirs` then hold its conflicting entries).
        public var key: String
        public var ours: Value?
        /// The other side's value; `nil` when it removed the field.
        public var theirs: Value?
    }

    public struct Result: Sendable {
        public var document: RecordDocument
        public var conflicts: [Conflict]
    }

    /// Merges `ours` and `theirs`, the two edits of `base` (`nil` when the file is new on both
    /// sides); `other` names the other side (a commit) in the conflicts it records.
    public static func merge(base: RecordDocument?, ours: RecordDocument, theirs: RecordDocument,
                             other: String) throws(RecordEditError) -> Result {
        var result = ours
        var conflicts: [Conflict] = []
        var keys = ours.fields.map(\.key)
        for key in theirs.fields.map(\.key) where !keys.contains(key) { keys.append(key) }
        for key in keys where !MergeConflicts.keys.contains(key) {
            let (old, mine, yours) = (base?[key], ours[key], theirs[key])
            if mine == yours || yours == old { continue }
            if mine == old {
                if yours == nil {
                    try result.remove(key)
                } else {
                    try result.copyField(key, from: theirs, at: position(of: key, in: theirs, within: result))
                }
                continue
            }
            switch (mine, yours) {
            case (.list(let left)?, .list(let right)?):
                try result.set(key, to: .list(setMerge(base: old?.strings ?? [], ours: left, theirs: right)))
            case (.string(let left)?, .string(let right)?) where [old?.string ?? "", left, right].contains(where: { $0.contains("\n") }):
                if let merged = Diff3.merge(base: old?.string ?? "", ours: left, theirs: right) {
                    try result.set(key, to: .string(merged))
                } else {
                    conflicts.append(Conflict(key: key, ours: mine, theirs: yours))
                }
            case (.map(let left)?, .map(let right)?):
                let (entries, conflicting) = mapMerge(base: old?.map ?? [], ours: left, theirs: right)
                try result.set(key, to: .map(entries))
                if !conflicting.isEmpty {
                    conflicts.append(Conflict(key: key, ours: .map(conflicting.map { MapEntry(key: $0.key, value: $0.ours ?? .string("")) }),
                                              theirs: .map(conflicting.map { MapEntry(key: $0.key, value: $0.theirs ?? .string("")) })))
                }
            default:
                conflicts.append(Conflict(key: key, ours: mine, theirs: yours))
            }
        }
        try mergeEarlierConflicts(base: base, ours: ours, theirs: theirs, into: &result)
        if !conflicts.isEmpty { try MergeConflicts.record(conflicts, other: other, in: &result) }
        return Result(document: result, conflicts: conflicts)
    }

    /// Our items, less those the other side removed, plus those it added, in order.
    static func setMerge(base: [String], ours: [String], theirs: [String]) -> [String] {
        let removed = Set(base).subtracting(theirs)
        var merged = ours.filter { !removed.contains($0) }
        for item in theirs where !base.contains(item) && !merged.contains(item) { merged.append(item) }
        return merged
    }

    /// A map merged entry by entry, and the entries both sides changed differently.
    static func mapMerge(base: [MapEntry], ours: [MapEntry], theirs: [MapEntry])
        -> ([MapEntry], [(key: String, ours: Value?, theirs: Value?)]) {
        func value(_ entries: [MapEntry], _ key: String) -> Value? { entries.first { $0.key == key }?.value }
        var keys = ours.map(\.key)
        for entry in theirs where !keys.contains(entry.key) { keys.append(entry.key) }
        var merged: [MapEntry] = []
        var conflicting: [(key: String, ours: Value?, theirs: Value?)] = []
        for key in keys {
            let (old, mine, yours) = (value(base, key), value(ours, key), value(theirs, key))
            var chosen = mine
            if mine == yours || yours == old {
                chosen = mine
            } else if mine == old {
                chosen = yours
            } else if case .list(let left)? = mine, case .list(let right)? = yours {
                chosen = .list(setMerge(base: old?.strings ?? [], ours: left, theirs: right))
            } else {
                conflicting.append((key, mine, yours))
            }
            if let chosen { merged.append(MapEntry(key: key, value: chosen)) }
        }
        return (merged, conflicting)
    }

    /// Conflicts recorded by earlier merges and not resolved yet stay, from either side.
    private static func mergeEarlierConflicts(base: RecordDocument?, ours: RecordDocument, theirs: RecordDocument,
                                              into result: inout RecordDocument) throws(RecordEditError) {
        guard let mine = ours[MergeConflicts.field]?.map, let yours = theirs[MergeConflicts.field]?.map, mine != yours else {
            if ours[MergeConflicts.field] == nil, theirs[MergeConflicts.field] != nil, base?[MergeConflicts.field] == nil {
                for key in MergeConflicts.keys where theirs[key] != nil { try result.copyField(key, from: theirs, at: .end) }
            }
            return
        }
        let (entries, _) = mapMerge(base: base?[MergeConflicts.field]?.map ?? [], ours: mine, theirs: yours)
        try result.set(MergeConflicts.field, to: .map(entries))
    }

    /// Where a field the other side has goes in `result`: after the nearest field before it
    /// there, or before the nearest one after it.
    private static func position(of key: String, in theirs: RecordDocument, within result: RecordDocument) -> FieldPosition {
        let order = theirs.fields.map(\.key)
        guard let index = order.firstIndex(of: key) else { return .end }
        if let previous = order[..<index].last(where: { result[$0] != nil && !MergeConflicts.keys.contains($0) }) {
            return .after(previous)
        }
        if let next = order[(index + 1)...].first(where: { result[$0] != nil }) { return .before(next) }
        return .end
    }
}

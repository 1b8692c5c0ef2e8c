import CRMSyntax
import CRMWorkspace

/// Two records of one customer or person combined into the one kept (`crm merge KEEP DROP`):
/// fields only the dropped record has are taken with their lines as written, lists are joined,
/// map entries are taken one by one, a phone number or e-mail address written two ways counts
/// as the same, and where both have a field with different values the caller chooses. The kept record lists the dropped one's id under `merged-from`.
public struct RecordCombination {
    /// A field (or a map's entry) both records have, with different values.
    public struct Conflict: Sendable, Equatable {
        public var key: String
        public var entry: String?
        public var kept: Value
        public var dropped: Value

        public var path: String { entry.map { "\(key).\($0)" } ?? key }
    }

    /// The kept record with the other combined into it.
    public private(set) var document: RecordDocument
    /// The fields (or `map.entry`) taken from the dropped record.
    public private(set) var taken: [String] = []
    /// Each conflict and whether the dropped record's value won.
    public private(set) var conflicts: [(conflict: Conflict, tookDropped: Bool)] = []

    /// Combines `dropped` (with id `droppedID`) into `kept`; `choose` says for each conflict
    /// whether the dropped record's value wins. New fields go where `type` puts them.
    public init(kept: RecordDocument, dropped: RecordDocument, droppedID: String, type: RecordType,
                choose: (Conflict) throws -> Bool) throws {
        document = kept
        for field in dropped.fields where field.key != MergedRecords.field && !field.value.isEmpty {
            let position = type.position(forNewField: field.key, in: document)
            guard let ours = document[field.key], !ours.isEmpty else {
                try document.copyField(field.key, from: dropped, at: position)
                taken.append(field.key)
                continue
            }
            switch (ours, field.value) {
            case let (ours, theirs) where Self.same(ours, theirs, kind: type.field(field.key)?.kind):
                continue
            case let (.list(ours), .list(theirs)):
                let added = theirs.filter { !ours.contains($0) }
                guard !added.isEmpty else { continue }
                try document.set(field.key, to: .list(ours + added))
                taken.append(field.key)
            case let (.map(ours), .map(theirs)):
                for entry in theirs where !entry.value.isEmpty {
                    let mine = ours.first { $0.key == entry.key }?.value
                    if let mine, !mine.isEmpty, mine != entry.value {
                        let conflict = Conflict(key: field.key, entry: entry.key, kept: mine, dropped: entry.value)
                        let tookDropped = try choose(conflict)
                        conflicts.append((conflict, tookDropped))
                        if !tookDropped { continue }
                    } else if mine == entry.value {
                        continue
                    }
                    try document.set(field.key, entry: entry.key, to: entry.value, at: position)
                    if mine == nil || mine!.isEmpty { taken.append("\(field.key).\(entry.key)") }
                }
            default:
                let conflict = Conflict(key: field.key, entry: nil, kept: ours, dropped: field.value)
                let tookDropped = try choose(conflict)
                conflicts.append((conflict, tookDropped))
                if tookDropped { try document.copyField(field.key, from: dropped, at: position) }
            }
        }
        let earlier = document[MergedRecords.field]?.strings ?? []
        let merged = earlier + ([droppedID] + (dropped[MergedRecords.field]?.strings ?? [])).filter { !earlier.contains($0) }
        try document.set(MergedRecords.field, to: .list(merged), at: .end)
    }

    /// Equal values, or one phone number or e-mail address written two ways (`601111222`, `+420 601 111 222`).
    static func same(_ ours: Value, _ theirs: Value, kind: FieldKind?) -> Bool {
        if ours == theirs { return true }
        guard case .string(let mine) = ours, case .string(let yours) = theirs else { return false }
        switch kind {
        case .phone?: return MatchKeys.phone(mine).map { $0 == MatchKeys.phone(yours) } ?? false
        case .email?: return MatchKeys.email(mine).map { $0 == MatchKeys.email(yours) } ?? false
        default: return false
        }
    }
}

import CRMSyntax

/// Every record of a workspace (or of some of its types) in memory: by id, by type, and by
/// reference in both directions, so a customer knows its contacts, calls and complaints.
public struct WorkspaceIndex: Sendable {
    public let schema: Schema
    /// The records, sorted by path.
    public let records: [Record]
    /// What could not be loaded (unreadable or unparsable files, duplicate ids).
    public let problems: [Diagnostic]
    private let positions: [String: Int]
    private let byType: [String: [Int]]
    /// For each record, the records that refer to it.
    private let incoming: [[Int]]
    /// For each record, the records its reference fields name, by field.
    private let outgoing: [[(key: String, position: Int)]]

    /// Loads the records of `types` (all when `nil`) from the workspace: through the persisted
    /// cache when the workspace uses it, parsing only new and changed files, on every core.
    public init(workspace: Workspace, types: [RecordType]? = nil) {
        let (files, scanProblems) = RecordScanner.scan(workspace, types: types)
        let loaded = workspace.usesCache ? RecordCache.load(files, workspace: workspace).result
            : RecordLoader.load(files, root: workspace.root)
        self.init(schema: workspace.schema, records: loaded.records, problems: scanProblems + loaded.problems)
    }

    /// An index over records already in memory.
    public init(schema: Schema, records: [Record], problems: [Diagnostic] = []) {
        self.schema = schema
        var positions: [String: Int] = [:]
        positions.reserveCapacity(records.count)
        var byType: [String: [Int]] = [:]
        var problems = problems
        var kept: [Record] = []
        kept.reserveCapacity(records.count)
        for record in records {
            if let first = positions[record.id] {
                problems.append(Diagnostic(code: "duplicate-id", path: record.path, location: nil,
                                           message: "duplicate id '\(record.id)': \(kept[first].path) has it too",
                                           hint: "ids are unique across the workspace; rename one of the files"))
                continue
            }
            positions[record.id] = kept.count
            byType[record.type, default: []].append(kept.count)
            kept.append(record)
        }
        var incoming = [[Int]](repeating: [], count: kept.count)
        var outgoing = [[(key: String, position: Int)]](repeating: [], count: kept.count)
        for (index, record) in kept.enumerated() {
            guard let type = schema.type(named: record.type) else { continue }
            for (key, _) in type.referenceFields {
                for target in record[key]?.strings ?? [] {
                    guard let position = positions[target] else { continue }
                    outgoing[index].append((key, position))
                    if incoming[position].last != index { incoming[position].append(index) }
                }
            }
        }
        self.outgoing = outgoing
        self.records = kept
        self.positions = positions
        self.byType = byType
        self.incoming = incoming
        self.problems = problems
    }

    public func record(_ id: String) -> Record? {
        positions[id].map { records[$0] }
    }

    /// Where record `id` is in `records`, to read it in place.
    public func position(of id: String) -> Int? {
        positions[id]
    }

    public func records(ofType name: String) -> [Record] {
        (byType[name] ?? []).map { records[$0] }
    }

    /// True when the field `key` of the record at `position` holds a value that satisfies
    /// `predicate`; the record is read in place, not copied.
    public func anyValue(at position: Int, of key: String, _ predicate: (String) -> Bool) -> Bool {
        records.withUnsafeBufferPointer { $0[position].anyValue(of: key, predicate) }
    }

    /// `anyValue(at:of:_:)` on the values' UTF-8 bytes, without making strings.
    public func anyBytes(at position: Int, of key: String, _ predicate: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        var key = key
        return key.withUTF8 { name in
            records.withUnsafeBufferPointer { records in
                records[position].storage.withUnsafeBytes { RecordCodec.anyString(of: UnsafeRawBufferPointer(name), in: $0, predicate) }
            }
        }
    }

    /// The id of the record at `position`.
    public func id(at position: Int) -> String {
        records.withUnsafeBufferPointer { $0[position].id }
    }

    /// The type of the record at `position`.
    public func type(at position: Int) -> String {
        records.withUnsafeBufferPointer { $0[position].type }
    }

    /// The value of field `key` of the record at `position`.
    public func value(at position: Int, of key: String) -> Value? {
        records.withUnsafeBufferPointer { $0[position][key] }
    }

    /// The fields of the record at `position`.
    public func fields(at position: Int) -> [Field] {
        records.withUnsafeBufferPointer { $0[position].fields }
    }

    /// Where the records of a type are in `records`.
    public func positions(ofType name: String) -> [Int] {
        byType[name] ?? []
    }

    /// Where the records that refer to the record at `position` are.
    public func referrerPositions(of position: Int) -> [Int] {
        incoming[position]
    }

    /// Where the records that the reference field `key` of the record at `position` names are.
    public func linkedPositions(from position: Int, key: String) -> [Int] {
        outgoing[position].compactMap { $0.key == key ? $0.position : nil }
    }

    /// Calls `body` with the position of each record the reference field `key` of the record at
    /// `position` names, until it returns true; says whether it did.
    public func anyLinked(from position: Int, key: String, _ body: (Int) -> Bool) -> Bool {
        for link in outgoing[position] where link.key == key && body(link.position) { return true }
        return false
    }

    /// The records that refer to `record` through a reference field, in path order.
    public func referrers(of record: Record) -> [Record] {
        guard let position = positions[record.id] else { return [] }
        return incoming[position].map { records[$0] }
    }

    /// The records of `type` that refer to `record`.
    public func referrers(of record: Record, type: String) -> [Record] {
        referrers(of: record).filter { $0.type == type }
    }

    /// The record's title: its type's title field, else its id.
    public func title(of record: Record) -> String {
        guard let type = schema.type(named: record.type), let title = record.string(type.title), !title.isEmpty else {
            return record.id
        }
        return title
    }

    /// Ids close to `id`, for "did you mean" when a record is not found.
    public func closestIDs(to id: String, limit: Int = 3) -> [String] {
        Suggestions.closest(to: id, in: positions.keys, limit: limit)
    }
}

import CRMSyntax
import CRMWorkspace
import Foundation

/// A two-way sync between a type's records (contacts, or customers as organisation cards) and
/// a vdir: a folder of vCard files, one per record, as vdirsyncer keeps in step with a CardDAV
/// server and khard reads. Each record keeps its card's UID in its `uid` field. Both sides are
/// compared with what the last sync saw (`VdirState`):
///
/// - a card changed in the vdir updates its record's changed fields (only their lines);
/// - a record changed in crm rewrites its card, keeping what the card has that crm has no
///   field for; an unchanged card is not written at all;
/// - both changed: each field changed on one side takes that side's value; one changed on
///   both keeps crm's value and the card's is reported (without a last sync, a value only one
///   side has is taken from it, and differing values keep crm's);
/// - a new card becomes a record (its `ORG` a customer, matched by name or made);
/// - a card deleted in the vdir is reported and its record kept, or deleted with `deleting`
///   when nothing refers to it; a record deleted in crm deletes its card.
///
/// Planning reads and changes nothing; the caller commits `importer.files` and `deletions`,
/// then calls `writeCards()` and saves `state`.
public struct VdirSync {
    /// What the sync does, for people.
    public struct Report: Sendable {
        public var created: [String] = []
        public var updated: [String] = []
        public var cardsWritten: [String] = []
        public var cardsDeleted: [String] = []
        public var conflicts: [String] = []
        public var deletionsWaiting: [String] = []
        public var recordsDeleted: [String] = []
        /// Cards that could not be read or records refused, with why.
        public var refused: [String] = []
    }

    public let folder: String
    public let type: RecordType
    public private(set) var importer: RecordImport
    /// Records to delete (their cards were deleted in the vdir, and `deleting` was asked).
    public private(set) var deletions: [String] = []
    public private(set) var report = Report()
    /// The state to save once the records are committed and the cards written.
    public private(set) var state: VdirState
    private var writes: [(file: String, bytes: [UInt8])] = []
    private var removals: [String] = []

    /// Plans the sync of `type`'s records of `workspace` with the vdir at `folder` (absolute).
    public init(workspace: Workspace, folder: String, type: RecordType, deleting: Bool, input: ValueInput,
                revision: String) throws(ImportError) {
        guard type.field("uid") != nil else {
            throw ImportError("\(English.a(type.name)) has no uid field, which holds its card's UID",
                              hint: "add `uid:` with `kind: text` and `unique: true` to .crm/types/\(type.name).yaml")
        }
        guard FileIO.isDirectory(folder) else {
            throw ImportError("\(folder) is not a folder", hint: "make it (mkdir -p), or point vdirsyncer's storage at it first")
        }
        self.folder = folder
        self.type = type
        importer = try RecordImport(workspace: workspace, input: input)
        let previous = VdirState.load(for: folder, in: workspace)
        state = VdirState(folder: folder, items: [:])
        let index = WorkspaceIndex(schema: workspace.schema, records: importer.existing)
        let cards = readCards()
        var records: [String: Record] = [:]
        var unsynced: [Record] = []
        for position in index.positions(ofType: type.name) {
            let record = index.records[position]
            if let uid = record.string("uid"), !uid.isEmpty { records[uid] = record } else { unsynced.append(record) }
        }
        // A record never synced takes the UID of a new card of the same e-mail or name (the
        // phone had the contact already); the others get a new one.
        for (uid, card) in cards.sorted(by: { $0.key < $1.key }) where records[uid] == nil && previous.items[uid] == nil {
            let values = ContactCardFields.values(of: card.card, type: type)
            func same(_ key: String, _ record: Record) -> Bool {
                guard let theirs = values[key]?.first, let ours = record.string(key) else { return false }
                return TextFold.fold(theirs) == TextFold.fold(ours)
            }
            guard let match = unsynced.firstIndex(where: { same("email", $0) }) ?? unsynced.firstIndex(where: { same(type.title, $0) })
            else { continue }
            records[uid] = unsynced.remove(at: match)
            importer.add(RecordImport.Item(label: records[uid]!.id, type: type, id: records[uid]!.id,
                                           fields: [Field(key: "uid", value: .string(uid))]), key: nil)
        }
        for record in unsynced {
            let uid = UUID().uuidString.lowercased()
            importer.add(RecordImport.Item(label: record.id, type: type, id: record.id, fields: [Field(key: "uid", value: .string(uid))]),
                         key: nil)
            records[uid] = record
        }
        for uid in Set(records.keys).union(cards.keys).union(previous.items.keys).sorted() {
            let record = records[uid], card = cards[uid], seen = previous.items[uid]
            switch (record, card) {
            case (let record?, let card?):
                sync(record, card, seen: seen, uid: uid, index: index, revision: revision)
            case (let record?, nil):
                if let seen {
                    waitingOrDeleted(record, seen: seen, uid: uid, deleting: deleting, index: index)
                } else {
                    write(ContactCardFields.values(of: record, type: type, index: index), for: record, uid: uid, old: nil,
                          file: Self.fileName(uid), revision: revision)
                }
            case (nil, let card?):
                if let seen {
                    removals.append(card.file)
                    report.cardsDeleted.append(card.file + " (\(seen.id) was deleted)")
                } else {
                    create(from: card, uid: uid)
                }
            case (nil, nil):
                break
            }
        }
        importer.validate()
        var refusedIDs: Set<String> = []
        for outcome in importer.outcomes {
            guard case .rejected(let reason) = outcome.kind else { continue }
            report.refused.append("\(outcome.label): \(reason)")
            if let id = outcome.id { refusedIDs.insert(id) }
        }
        // A record the check refused keeps what the last sync saw, so its card is tried again next time.
        for (uid, item) in state.items where refusedIDs.contains(item.id) {
            state.items[uid] = previous.items[uid]
            writes.removeAll { $0.file == item.file }
            report.cardsWritten.removeAll { $0 == item.file }
        }
    }

    /// The cards of the vdir by UID (a card without one by its file's name).
    private mutating func readCards() -> [String: (file: String, bytes: [UInt8], card: VCard)] {
        var cards: [String: (file: String, bytes: [UInt8], card: VCard)] = [:]
        for name in (DirectoryWalker.names(in: folder) ?? []).sorted() where name.lowercased().hasSuffix(".vcf") {
            do {
                let bytes = try FileIO.read(folder + "/" + name, limit: 4 << 20)
                guard let card = try VCardReader.read(bytes).first else { continue }
                let uid = card.first("UID")?.text.trimmingWhitespace() ?? ""
                cards[uid.isEmpty ? String(name.dropLast(4)) : uid] = (name, bytes, card)
            } catch let error as VCardError {
                report.refused.append(error.diagnostic(path: name, code: "vcard", text: "").description)
            } catch {
                report.refused.append("\(name): \(error)")
            }
        }
        return cards
    }

    /// A record and its card, both there: the side that changed since the last sync wins, field by field.
    private mutating func sync(_ record: Record, _ card: (file: String, bytes: [UInt8], card: VCard), seen: VdirState.Item?,
                               uid: String, index: WorkspaceIndex, revision: String) {
        let ours = ContactCardFields.values(of: record, type: type, index: index)
        let theirs = ContactCardFields.values(of: card.card, type: type)
        let cardChanged = seen.map { $0.digest != VdirState.digest(card.bytes) } ?? true
        let base = seen?.values
        var merged = ours
        var fromCard: [String] = []
        for key in ContactCardFields.keys(of: type) {
            let mine = ours[key] ?? [], other = theirs[key] ?? []
            guard mine != other else { continue }
            // Without a last sync to compare with, a value only one side has is taken, not lost.
            let oursChanged = base.map { ($0[key] ?? []) != mine } ?? !mine.isEmpty
            let theirsChanged = cardChanged && (base.map { ($0[key] ?? []) != other } ?? true)
            if theirsChanged && !oursChanged {
                merged[key] = other
                fromCard.append(key)
            } else if theirsChanged {
                report.conflicts.append("\(record.id): \(key): kept crm's '\(mine.joined(separator: ", "))', "
                                        + "the card had '\(other.joined(separator: ", "))'")
            }
        }
        if !fromCard.isEmpty { update(record, with: merged, keys: fromCard, index: index) }
        if merged != theirs {
            write(merged, for: record, uid: uid, old: card.card, file: card.file, revision: revision)
        } else {
            state.items[uid] = VdirState.Item(id: record.id, file: card.file, digest: VdirState.digest(card.bytes), values: merged)
        }
    }

    /// The record's card is gone from the vdir: reported, or the record deleted.
    private mutating func waitingOrDeleted(_ record: Record, seen: VdirState.Item, uid: String, deleting: Bool, index: WorkspaceIndex) {
        let referrers = index.referrers(of: record)
        if deleting && referrers.isEmpty {
            deletions.append(record.path)
            report.recordsDeleted.append(record.id)
        } else {
            report.deletionsWaiting.append(record.id + (deleting ? " (\(referrers.count) records refer to it)" : ""))
            state.items[uid] = seen
        }
    }

    /// Sets the record's `keys` to the card's values (a value gone: the field removed).
    private mutating func update(_ record: Record, with values: [String: [String]], keys: [String], index: WorkspaceIndex) {
        var fields: [Field] = []
        var cleared: [String] = []
        for key in keys {
            if let field = field(key, values[key] ?? []) { fields.append(field) } else { cleared.append(key) }
        }
        resolveCustomer(in: &fields)
        if !fields.isEmpty { importer.add(RecordImport.Item(label: record.id, type: type, id: record.id, fields: fields), key: nil) }
        if !cleared.isEmpty { importer.clear(cleared, in: record.id, type: type, label: record.id) }
        report.updated.append("\(record.id) (\(keys.joined(separator: ", ")))")
    }

    /// A new card in the vdir: a new record, its organisation a customer.
    private mutating func create(from card: (file: String, bytes: [UInt8], card: VCard), uid: String) {
        let values = ContactCardFields.values(of: card.card, type: type)
        var fields = [Field(key: "uid", value: .string(uid))] + ContactCardFields.keys(of: type).compactMap { field($0, values[$0] ?? []) }
        resolveCustomer(in: &fields)
        guard let id = importer.add(RecordImport.Item(label: card.file, type: type, id: nil, fields: fields), key: nil) else { return }
        report.created.append(id)
        state.items[uid] = VdirState.Item(id: id, file: card.file, digest: VdirState.digest(card.bytes), values: values)
    }

    /// The `customer` field (an `ORG` name) as the id of the customer of that name: the one
    /// there is, or a new one.
    private mutating func resolveCustomer(in fields: inout [Field]) {
        guard let index = fields.firstIndex(where: { $0.key == "customer" }), let name = fields[index].value.string,
              let customer = importer.workspace.schema.type(named: "customer") else { return }
        if let found = importer.match(type: customer, key: customer.title, value: .string(name)) {
            fields[index].value = .string(found.id)
        } else if let id = importer.add(RecordImport.Item(label: "ORG \(name)", type: customer, id: nil,
                                                          fields: [Field(key: customer.title, value: .string(name))]), key: customer.title) {
            report.created.append(id)
            fields[index].value = .string(id)
        }
    }

    /// The record field holding `values`, or `nil` when they are empty.
    private func field(_ key: String, _ values: [String]) -> Field? {
        guard !values.isEmpty else { return nil }
        switch key {
        case "tags": return Field(key: key, value: .list(values))
        case "address":
            let entries = zip(["street", "city", "zip", "country"], values).filter { !$0.1.isEmpty }
                .map { MapEntry(key: $0.0, value: .string($0.1)) }
            return entries.isEmpty ? nil : Field(key: key, value: .map(entries))
        default: return Field(key: key, value: .string(values[0]))
        }
    }

    /// Plans the card of `record` with `values`, over `old`.
    private mutating func write(_ values: [String: [String]], for record: Record, uid: String, old: VCard?, file: String, revision: String) {
        let card = ContactCardFields.card(values, type: type, uid: uid, organisation: ContactCardFields.isOrganisation(record),
                                          updating: old, revision: revision)
        let bytes = VCardWriter.write([card])
        writes.append((file, bytes))
        report.cardsWritten.append(file)
        state.items[uid] = VdirState.Item(id: record.id, file: file, digest: VdirState.digest(bytes), values: values)
    }

    /// A card's file name for a UID: the UID where it is a plain name, else a digest of it.
    static func fileName(_ uid: String) -> String {
        let plain = !uid.isEmpty && uid.count <= 100 && uid.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.@".contains($0)) }
            && !uid.hasPrefix(".")
        return (plain ? uid : VdirState.digest(Array(uid.utf8))) + ".vcf"
    }

    /// Writes and deletes the planned cards; call after the records are committed.
    public func writeCards() throws(FileError) {
        try VdirFiles.apply(writes: writes, removals: removals, in: folder)
    }
}

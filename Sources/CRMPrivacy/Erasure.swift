import CRMSyntax
import CRMWorkspace

/// What erasing a person (GDPR article 17) changes, planned before anything is written: the
/// person's record loses its personal fields, consents and any text naming them, and gets the
/// `erased` marker, keeping its id, kind and references so that the records referring to it
/// stay valid; every other record that names the person by name, e-mail or phone has each
/// mention replaced by `[erased]` (in comments too), and an e-mail or phone field holding
/// theirs is removed. Records that must be kept (calls, complaints, invoices) stay, without
/// the person's details.
public struct Erasure: Sendable {
    /// One file to rewrite: which record, the fields changed, the new bytes.
    public struct Edit: Sendable {
        public let record: Record
        /// Fields removed (the person's record) or scrubbed (another record).
        public let fields: [String]
        public let bytes: [UInt8]
    }

    public let subject: PrivacySubject
    /// The person's record first, then the others by path.
    public let edits: [Edit]

    /// Plans the erasure of `subject` on `today`, reading the files of the records to change.
    public init(_ subject: PrivacySubject, index: WorkspaceIndex, root: String, today: CivilDate) throws(PrivacyError) {
        guard !subject.isErased || !subject.personalFields.isEmpty else {
            throw PrivacyError("\(subject.record.id) was erased already (\(subject.record[PersonalFields.erased]?.string ?? ""))")
        }
        self.subject = subject
        var edits = [try Self.erasing(subject, root: root, today: today)]
        for record in index.records where record.id != subject.record.id {
            guard let type = index.schema.type(named: record.type), !subject.mentioningFields(of: record).isEmpty
                    || Self.commentsMention(subject, record: record, root: root) else { continue }
            if let edit = try Self.scrubbing(record, type: type, subject: subject, root: root) { edits.append(edit) }
        }
        self.edits = edits
    }

    /// The person's own record: only its id, kind, references and the `erased` day stay.
    private static func erasing(_ subject: PrivacySubject, root: String, today: CivilDate) throws(PrivacyError) -> Edit {
        let (bytes, removed) = try erased(try read(subject.record, root: root), type: subject.type, mention: subject.mention,
                                          day: today)
        return Edit(record: subject.record, fields: removed, bytes: bytes)
    }

    /// Another record naming the person, with each mention scrubbed; `nil` when nothing changes.
    private static func scrubbing(_ record: Record, type: RecordType, subject: PrivacySubject, root: String) throws(PrivacyError) -> Edit? {
        let document = try read(record, root: root)
        guard let (bytes, changed) = try scrubbed(document, type: type, mention: subject.mention) else { return nil }
        return Edit(record: record, fields: changed, bytes: bytes)
    }

    /// A person's record erased: every field but its kind, references and `erased` removed, and
    /// `erased: day` set unless it holds a day already. Returns the bytes and the fields removed.
    static func erased(_ document: RecordDocument, type: RecordType, mention: PersonMention,
                       day: CivilDate) throws(PrivacyError) -> (bytes: [UInt8], removed: [String]) {
        var document = document
        let kept = Set(type.referenceFields.map(\.key) + ["kind", PersonalFields.erased])
        var removed: [String] = []
        for field in document.fields where !kept.contains(field.key) {
            removed.append(field.key)
            try edit(document.path) { () throws(RecordEditError) in _ = try document.remove(field.key) }
        }
        if document[PersonalFields.erased]?.isEmpty ?? true {
            try edit(document.path) { () throws(RecordEditError) in try document.set(PersonalFields.erased, to: .string(day.description)) }
        }
        return (try scrubbedComments(document, mention: mention), removed)
    }

    /// A record with each mention of the person replaced (an e-mail, phone or web field holding
    /// theirs removed), comments too; `nil` when it does not name them. Returns the bytes and
    /// the fields changed.
    static func scrubbed(_ document: RecordDocument, type: RecordType?,
                         mention: PersonMention) throws(PrivacyError) -> (bytes: [UInt8], fields: [String])? {
        var document = document
        let original = document.bytes
        var changed: [String] = []
        for field in document.fields {
            let scrubbed: Value?
            switch field.value {
            case .string(let text): scrubbed = mention.scrubbed(text).map(Value.string)
            case .list(let items):
                let cleaned = items.map { mention.scrubbed($0) ?? $0 }
                scrubbed = cleaned == items ? nil : .list(cleaned)
            case .map(let entries):
                let cleaned = entries.map { MapEntry(key: $0.key, value: $0.value.string.flatMap(mention.scrubbed).map(Value.string) ?? $0.value) }
                scrubbed = cleaned == entries ? nil : .map(cleaned)
            }
            guard let scrubbed else { continue }
            changed.append(field.key)
            let identifies: Bool
            switch type?.field(field.key)?.kind {
            case .email?, .phone?, .url?: identifies = true
            default: identifies = false
            }
            if identifies, !(type?.field(field.key)?.required ?? false) {
                try edit(document.path) { () throws(RecordEditError) in _ = try document.remove(field.key) }
            } else {
                try edit(document.path) { () throws(RecordEditError) in try document.set(field.key, to: scrubbed) }
            }
        }
        let bytes = try scrubbedComments(document, mention: mention)
        return bytes == original ? nil : (bytes, changed)
    }

    /// The document's bytes with the mentions left in its comments replaced too, when doing so
    /// leaves every value as it is.
    private static func scrubbedComments(_ document: RecordDocument, mention: PersonMention) throws(PrivacyError) -> [UInt8] {
        guard let text = mention.scrubbed(document.text) else { return document.bytes }
        guard let reread = try? RecordDocument(parsing: text, path: document.path), reread.values == document.values else {
            throw PrivacyError("cannot scrub the comments of \(document.path) without changing its values",
                               hint: "remove the person's name from its comments by hand, then erase again")
        }
        return reread.bytes
    }

    private static func commentsMention(_ subject: PrivacySubject, record: Record, root: String) -> Bool {
        guard let bytes = try? RecordFile.read(record.path, root: root) else { return false }
        return subject.mention.isMentioned(in: String(decoding: bytes, as: UTF8.self))
    }

    private static func read(_ record: Record, root: String) throws(PrivacyError) -> RecordDocument {
        do {
            return try RecordDocument(parsing: try RecordFile.read(record.path, root: root), path: record.path)
        } catch let error as Diagnostic {
            throw PrivacyError("cannot erase: \(error.description)", hint: "fix the file first (crm check)")
        } catch {
            throw PrivacyError("cannot read \(record.path): \(error)")
        }
    }

    private static func edit(_ path: String, _ body: () throws(RecordEditError) -> Void) throws(PrivacyError) {
        do {
            try body()
        } catch {
            throw PrivacyError("cannot edit \(path): \(error)")
        }
    }
}

import CRMLocale
import CRMSyntax
import CRMWorkspace
import CRMTerminal

/// Finds record files by id without parsing the workspace: ids are file names. A record where
/// `crm new` puts it is found with a few `stat` calls; only otherwise are the folders listed.
struct RecordLocator {
    let workspace: Workspace
    private var listing: (files: [RecordFile], problems: [Diagnostic])?

    init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Every record file, listed once.
    mutating func files() -> [RecordFile] {
        if let listing { return listing.files }
        let scanned = RecordScanner.scan(workspace)
        listing = scanned
        return scanned.files
    }

    /// Every record id.
    mutating func ids() -> Set<String> { Set(files().map(\.id)) }

    /// The file of the record `word` names: its id (found with a few `stat` calls), else its
    /// title or a unique prefix of its id (`RecordNaming`), or an error that lists the records
    /// it could mean.
    mutating func file(_ word: String, type: String? = nil) throws(CommandError) -> RecordFile {
        if RecordID.isValid(word), let file = RecordScanner.likelyFile(of: word, in: workspace), type == nil || file.type == type {
            return file
        }
        if let file = files().first(where: { $0.id == word && (type == nil || $0.type == type) }) { return file }
        let record = try Self.record(word, in: WorkspaceIndex(workspace: workspace), type: type, problems: listing?.problems ?? [])
        return files().first { $0.id == record.id } ?? RecordFile(path: record.path, type: record.type)
    }

    /// The record `word` names in `index` (see `RecordNaming`), or an error: for a name several
    /// records have, one that lists them; for none, one that suggests the records whose id or
    /// title holds the word. `status` is the exit status when there is no such record.
    static func record(_ word: String, in index: WorkspaceIndex, type: String? = nil, problems: [Diagnostic] = [],
                       status: Int32 = ExitStatus.failed) throws(CommandError) -> Record {
        switch RecordNaming.find(word, in: index, type: type) {
        case .found(let record):
            return record
        case .ambiguous(let records):
            throw CommandError(tr("could-be-records", count: records.count, ["word": word]) + "\n" + list(Array(records.prefix(8)), in: index)
                               + (records.count > 8 ? "\n  …" : ""), hint: tr("hint-name-by-id"), status: status)
        case .none(let suggestions) where suggestions.count > 1:
            throw CommandError(noSuch(word, type: type) + tr("these-have-it") + "\n" + list(suggestions, in: index),
                               hint: tr("hint-name-by-id-or-name"), status: status)
        case .none(let suggestions):
            let described = suggestions.isEmpty ? nil : RecordNaming.describe(suggestions, in: index)
            throw notFound(word, close: [], described: described, problems: problems + index.problems, status: status, type: type)
        }
    }

    /// Records a line each, their ids aligned: `  strojirny-novak  Strojírny Novák s.r.o.`.
    private static func list(_ records: [Record], in index: WorkspaceIndex) -> String {
        let width = records.map { TerminalText.width($0.id) }.max() ?? 0
        return records.map { record in
            let title = index.title(of: record)
            return "  " + (title == record.id ? record.id : TerminalText.padded(record.id, to: width) + "  " + TerminalText.escaped(title))
        }.joined(separator: "\n")
    }

    /// The error for an id no record has: what is wrong with the file of that name when there
    /// is one (a link, a FIFO, unreadable, too large, not parsing), else what an id may be and the `close` ids.
    /// The exit status is `status` when there is no such record (2, a command could not do it,
    /// unless the caller is a query, for which nothing was found), and 2 for a file that cannot be read.
    static func notFound(_ id: String, close: [String], described: String? = nil, problems: [Diagnostic], status: Int32 = ExitStatus.failed,
                         type: String? = nil) -> CommandError {
        if let problem = problems.first(where: { $0.path.hasSuffix(".yaml") && RecordFile(path: $0.path, type: "").id == id }) {
            return CommandError(diagnostic: problem)
        }
        let candidates = described ?? (close.isEmpty ? nil : close.map { "'\($0)'" }.joined(separator: ", "))
        let hint = candidates.map { tr("did-you-mean", ["candidates": $0]) } ?? tr("hint-search")
        // A name with spaces is no id, but is not wrong for that: crm takes names too.
        guard let problem = RecordID.problem(with: id), !id.contains(" ") else { return CommandError(noSuch(id, type: type), hint: hint, status: status) }
        return CommandError(noSuch(id, type: type) + ": \(problem)", hint: hint, status: status)
    }

    /// `no customer 'acme'`, `no record 'acme'`.
    private static func noSuch(_ word: String, type: String?) -> String {
        type.map { tr("no-such-of-type", ["type": $0, "word": word]) } ?? tr("no-such-record", ["word": word])
    }

    /// The parsed file of record `id`; a file that does not parse is an error and is never rewritten.
    mutating func document(_ id: String) throws(CommandError) -> (file: RecordFile, document: RecordDocument) {
        let file = try file(id)
        let bytes: [UInt8]
        do {
            bytes = try RecordFile.read(file.path, root: workspace.root)
        } catch {
            throw CommandError(diagnostic: RecordFile.unreadable(file.path, error))
        }
        do {
            return (file, try RecordDocument(parsing: bytes, path: file.path))
        } catch {
            throw CommandError(tr("err-unparsable", ["path": file.path]) + "\n"
                               + DiagnosticRenderer(style: Style(enabled: false)).render(error),
                               hint: tr("hint-fix-by-hand"))
        }
    }

    /// The type of record `id`, or `nil` when there is none.
    mutating func type(of id: String) -> String? {
        if RecordID.isValid(id), let file = RecordScanner.likelyFile(of: id, in: workspace) { return file.type }
        return files().first { $0.id == id }?.type
    }

    /// An index that knows every record's id and type but none of their fields: enough to check references.
    mutating func referenceIndex() -> WorkspaceIndex {
        WorkspaceIndex(schema: workspace.schema, records: files().map { Record(id: $0.id, type: $0.type, path: $0.path, fields: []) })
    }
}

import CRMSyntax
import CRMWorkspace

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

    /// The file of record `id`, or an error that suggests close ids.
    mutating func file(_ id: String) throws(CommandError) -> RecordFile {
        if RecordID.isValid(id), let file = RecordScanner.likelyFile(of: id, in: workspace) { return file }
        if let file = files().first(where: { $0.id == id }) { return file }
        throw Self.notFound(id, close: Suggestions.closest(to: id, in: files().map(\.id), limit: 3), problems: listing?.problems ?? [])
    }

    /// The error for an id no record has: what is wrong with the file of that name when there
    /// is one (a link, a FIFO, unreadable, too large, not parsing), else what an id may be and the `close` ids.
    /// The exit status is `status` when there is no such record (2, a command could not do it,
    /// unless the caller is a query, for which nothing was found), and 2 for a file that cannot be read.
    static func notFound(_ id: String, close: [String], problems: [Diagnostic], status: Int32 = ExitStatus.failed) -> CommandError {
        if let problem = problems.first(where: { $0.path.hasSuffix(".yaml") && RecordFile(path: $0.path, type: "").id == id }) {
            return CommandError(diagnostic: problem)
        }
        let hint = close.isEmpty ? "`crm search WORDS` finds records by their content"
            : "did you mean " + close.map { "'\($0)'" }.joined(separator: ", ") + "?"
        guard let problem = RecordID.problem(with: id) else { return CommandError("no record '\(id)'", hint: hint, status: status) }
        return CommandError("no record '\(id)': \(problem)", hint: hint, status: status)
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
            throw CommandError("\(file.path) does not parse, so crm will not change it:\n"
                               + DiagnosticRenderer(style: Style(enabled: false)).render(error),
                               hint: "fix the file by hand (crm check shows the problem), then try again")
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

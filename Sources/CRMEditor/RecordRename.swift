import CRMInterchange
import CRMSyntax
import CRMWorkspace

/// Renaming a record's id as `crm mv` does, offered as a workspace edit: every reference to it
/// rewritten (only those lines), in open buffers as the editor has them and in files on disk,
/// and the record's file renamed. The editor applies it; saving and committing stay the user's.
extension LanguageServer {
    /// The record a rename at `position` renames: the one a reference there names, else the
    /// record open in the editor. The range is the reference's, or `nil` for the open record.
    mutating func renameTarget(_ document: OpenDocument, at position: EditorText.Position)
        -> (record: Record, range: (start: EditorText.Position, end: EditorText.Position)?)? {
        guard let index = index(), let type = workspace?.schema.type(forPath: document.path) else { return nil }
        if let (record, word) = referencedRecord(document, at: position, index: index) {
            return (record, (word.start, word.end))
        }
        return index.record(RecordFile(path: document.path, type: type.name).id).map { ($0, nil) }
    }

    mutating func prepareRename(_ params: JSON) throws(Failure) -> JSON {
        let document = try document(params)
        guard let position = params["position"]?.position else { throw Failure(code: RPC.invalidParams, message: "the request has no position") }
        guard let (record, range) = renameTarget(document, at: position) else { return .null }
        let here = range ?? (position, position)
        return .object([("range", RPC.range(here.start, here.end)), ("placeholder", .string(record.id))])
    }

    mutating func rename(_ params: JSON) throws(Failure) -> JSON {
        let document = try document(params)
        guard let position = params["position"]?.position, let newID = params["newName"]?.string else {
            throw Failure(code: RPC.invalidParams, message: "the request has no position or newName")
        }
        guard renamesFiles else {
            throw Failure(code: RPC.requestFailed, message: "this editor cannot rename files through a language server; run crm mv instead")
        }
        guard let root, let schema = workspace?.schema, let index = index(), let (record, _) = renameTarget(document, at: position) else {
            throw Failure(code: RPC.requestFailed, message: "there is no record here to rename")
        }
        if let problem = RecordID.problem(with: newID) {
            throw Failure(code: RPC.requestFailed, message: "invalid id '\(newID)': \(problem)")
        }
        guard newID != record.id else { return .object([("documentChanges", .array([]))]) }
        if index.record(newID) != nil { throw Failure(code: RPC.requestFailed, message: "a record with id '\(newID)' exists already") }
        let broken = index.problems.filter { $0.severity == .error && WorkspaceFile(path: $0.path, schema: schema).isRecord }
        if !broken.isEmpty {
            throw Failure(code: RPC.requestFailed, message: "\(broken.count) record file(s) do not parse, so a reference could be missed: "
                          + broken.prefix(3).map(\.path).joined(separator: ", "))
        }
        let openRecords = documents.values.filter { WorkspaceFile(path: $0.path, schema: schema).isRecord }
        var candidates = Set(index.referrers(of: record).map(\.path))
        candidates.formUnion(openRecords.map(\.path))
        var changes: [JSON] = []
        for path in candidates.sorted() {
            let uri = FileURI.uri(root + "/" + path)
            let open = documents[uri]
            guard let type = schema.type(forPath: path),
                  let text = open?.text.text ?? (try? FileIO.read(root + "/" + path, limit: RecordFile.maximumSize)).map({ String(decoding: $0, as: UTF8.self) })
            else { continue }
            let parsed: RecordDocument
            do {
                parsed = try RecordDocument(parsing: Array(text.utf8), path: path)
            } catch {
                throw Failure(code: RPC.requestFailed, message: "\(path) does not parse, so its references cannot be rewritten: \(error.message)")
            }
            let moved: RecordDocument?
            do {
                moved = try ReferenceRetarget.retargeted(parsed, type: type, from: record, to: newID)
            } catch {
                throw Failure(code: RPC.requestFailed, message: "\(path): \(error.description)")
            }
            guard let moved else { continue }
            let version: JSON = open.map { .integer($0.version) } ?? .null
            changes.append(.object([("textDocument", .object([("uri", .string(uri)), ("version", version)])),
                                    ("edits", .array([Self.lineEdit(from: text, to: String(decoding: moved.bytes, as: UTF8.self))]))]))
        }
        let newURI = FileURI.uri(root + "/" + ReferenceRetarget.path(of: record, renamedTo: newID))
        changes.append(.object([("kind", .string("rename")), ("oldUri", .string(FileURI.uri(root + "/" + record.path))),
                                ("newUri", .string(newURI))]))
        return .object([("documentChanges", .array(changes))])
    }

    /// One text edit turning `old` into `new`: the lines between their common first and last lines.
    static func lineEdit(from old: String, to new: String) -> JSON {
        let before = pieces(old)
        let after = pieces(new)
        var head = 0
        while head < min(before.count, after.count), before[head] == after[head] { head += 1 }
        var tail = 0
        while tail < min(before.count, after.count) - head, before[before.count - 1 - tail] == after[after.count - 1 - tail] { tail += 1 }
        let start = EditorText.Position(line: head, character: 0)
        let end: EditorText.Position
        if before.count - tail < before.count || before.last?.hasSuffix("\n") != false {
            end = EditorText.Position(line: before.count - tail, character: 0)
        } else {
            end = EditorText.Position(line: before.count - 1, character: before[before.count - 1].utf16.count)
        }
        return .object([("range", RPC.range(start, end)), ("newText", .string(after[head..<(after.count - tail)].joined()))])
    }

    /// The lines of `text`, each with its line break.
    private static func pieces(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.unicodeScalars.startIndex
        for index in text.unicodeScalars.indices where text.unicodeScalars[index] == "\n" {
            let next = text.unicodeScalars.index(after: index)
            result.append(text[start..<next])
            start = next
        }
        if start < text.unicodeScalars.endIndex { result.append(text[start...]) }
        return result
    }
}

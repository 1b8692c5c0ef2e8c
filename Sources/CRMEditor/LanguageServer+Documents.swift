import CRMCheck
import CRMInterchange
import CRMSyntax
import CRMWorkspace

extension LanguageServer {
    /// The workspace-relative path of a `file:` URI; `nil` outside the workspace.
    func relativePath(_ uri: String) -> String? {
        guard let root, let path = FileURI.path(uri) else { return nil }
        return FileIO.relative(FileIO.absolute(path, from: "/"), to: root).flatMap { $0.isEmpty ? nil : $0 }
    }

    mutating func open(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string, let path = relativePath(uri),
              let text = params["textDocument"]?["text"]?.string else { return }
        documents[uri] = OpenDocument(uri: uri, path: path, version: params["textDocument"]?["version"]?.int ?? 0, text: EditorText(text))
        pending.insert(uri)
    }

    mutating func change(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string, var document = documents[uri],
              case .array(let changes)? = params["contentChanges"] else { return }
        for change in changes {
            guard let text = change["text"]?.string else { continue }
            document.text.replace(from: change["range"]?["start"]?.position, to: change["range"]?["end"]?.position, with: text)
        }
        document.version = params["textDocument"]?["version"]?.int ?? document.version + 1
        documents[uri] = document
        pending.insert(uri)
    }

    mutating func close(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string, documents.removeValue(forKey: uri) != nil else { return }
        pending.insert(uri)
    }

    /// The open file a request names, or the file on disk when the editor has not opened it.
    func document(_ params: JSON) throws(Failure) -> OpenDocument {
        guard let uri = params["textDocument"]?["uri"]?.string else {
            throw Failure(code: RPC.invalidParams, message: "the request names no textDocument.uri")
        }
        if let open = documents[uri] { return open }
        guard let root, let path = relativePath(uri) else {
            throw Failure(code: RPC.invalidParams, message: "\(uri) is not a file of the workspace at \(root ?? "?")")
        }
        guard let bytes = try? FileIO.read(root + "/" + path, limit: RecordFile.maximumSize) else {
            throw Failure(code: RPC.invalidParams, message: "\(path) cannot be read")
        }
        return OpenDocument(uri: uri, path: path, version: 0, text: EditorText(String(decoding: bytes, as: UTF8.self)))
    }

    /// `textDocument/publishDiagnostics` for each file changed since the last call: what
    /// `crm check` says about the open files as the editor has them (records, and settings,
    /// type, query and report files), against the rest of the workspace on disk; for the
    /// records that refer to a record deleted on disk; empty for files closed or fixed since.
    public mutating func publishDiagnostics() -> [JSON] {
        guard !pending.isEmpty || diskChanged, let workspace, let root else { return [] }
        diskChanged = false
        let open = documents.values.sorted { $0.path < $1.path }
        let records = open.filter { WorkspaceFile(path: $0.path, schema: workspace.schema).isRecord }
        var found: [String: [Diagnostic]] = [:]
        let gone = deleted.subtracting(records.map(\.path)).filter { WorkspaceFile(path: $0, schema: workspace.schema).isRecord }
        if !records.isEmpty || !gone.isEmpty {
            let files = records.map { ChangedFile(path: $0.path, bytes: Array($0.text.text.utf8), before: nil) }
                + gone.sorted().map { ChangedFile(path: $0, bytes: nil, before: nil) }
            if listing == nil { listing = RecordScanner.scan(workspace).files }
            var check = WorkspaceCheck(workspace, today: today)
            check.listing = listing
            for problem in check.changes(files) { found[problem.path, default: []].append(problem) }
        }
        let openPaths = Set(open.map(\.path))
        let elsewhere = Set(found.keys.filter { !openPaths.contains($0) }.map { FileURI.uri(root + "/" + $0) })
        pending.formUnion(elsewhere)
        pending.formUnion(related)
        related = elsewhere
        let definitions = open.filter { WorkspaceFile(path: $0.path, schema: workspace.schema).changesSchema }
        if !definitions.isEmpty {
            let unsaved = Dictionary(definitions.map { ($0.path, Array($0.text.text.utf8)) }, uniquingKeysWith: { first, _ in first })
            let paths = Set(unsaved.keys)
            for problem in WorkspaceCheck(Workspace(root: root, unsaved: unsaved), today: today).definitions() where paths.contains(problem.path) {
                found[problem.path, default: []].append(problem)
            }
        }
        for document in open where !records.contains(where: { $0.uri == document.uri }) && !definitions.contains(where: { $0.uri == document.uri })
            && document.path.hasSuffix(".yaml") {
            do {
                _ = try RecordDocument(parsing: Array(document.text.text.utf8), path: document.path)
            } catch {
                found[document.path] = [error]
            }
        }
        var messages: [JSON] = []
        for uri in pending.sorted() {
            var params: [(key: String, value: JSON)] = [("uri", .string(uri))]
            var diagnostics: [JSON] = []
            if let document = documents[uri] {
                params.append(("version", .integer(document.version)))
                diagnostics = (found[document.path] ?? []).map { Self.diagnostic($0, in: document.text) }
            } else if let path = relativePath(uri), let problems = found[path] {
                let text = (try? FileIO.read(root + "/" + path, limit: RecordFile.maximumSize)).map { EditorText(String(decoding: $0, as: UTF8.self)) }
                diagnostics = problems.map { Self.diagnostic($0, in: text ?? EditorText("")) }
            }
            params.append(("diagnostics", .array(diagnostics)))
            messages.append(RPC.notification("textDocument/publishDiagnostics", .object(params)))
        }
        pending = []
        return messages
    }

    /// A crm diagnostic in the protocol's terms: its range runs to the end of the word it points at.
    static func diagnostic(_ problem: Diagnostic, in text: EditorText) -> JSON {
        let location = problem.location ?? SourceLocation(line: 1, column: 1)
        let line = text.line(location.line - 1)
        let start = EditorText.character(ofColumn: location.column, in: line)
        let rest = Array(line.unicodeScalars.dropFirst(max(0, location.column - 1)))
        var length = 0
        while length < rest.count, !" ,]".unicodeScalars.contains(rest[length]),
              !(rest[length] == ":" && (length + 1 == rest.count || rest[length + 1] == " ")) { length += 1 }
        let word = rest.prefix(length).reduce(0) { $0 + $1.utf16.count }
        let end = start + max(word, rest.isEmpty ? 0 : 1)
        var members: [(key: String, value: JSON)] = [
            ("range", RPC.range(EditorText.Position(line: location.line - 1, character: start), EditorText.Position(line: location.line - 1, character: end))),
            ("severity", .integer(problem.severity == .error ? 1 : 2)),
            ("code", .string(problem.code)),
            ("source", .string("crm")),
            ("message", .string(problem.message + (problem.hint.map { "\nhint: " + $0 } ?? ""))),
        ]
        if let hint = problem.hint { members.append(("data", .object([("hint", .string(hint))]))) }
        return .object(members)
    }
}

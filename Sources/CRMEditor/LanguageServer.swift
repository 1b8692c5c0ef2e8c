import CRMInterchange
import CRMSyntax
import CRMWorkspace

/// `crm lsp`'s server (Language Server Protocol 3.17) without its input and output: each
/// message in, the messages to send back out. Diagnostics wait in `publishDiagnostics()`,
/// which the connection calls once no more messages are waiting, so a burst of keystrokes is
/// checked once.
public struct LanguageServer {
    /// A request that cannot be answered: a JSON-RPC error.
    struct Failure: Error {
        var code: Int
        var message: String
    }

    enum State {
        case starting, running, shuttingDown
    }

    /// The exit status once `exit` came: 0 after `shutdown`, 1 without it.
    public private(set) var exitCode: Int32?
    var state = State.starting
    /// The workspace folder, from `-C` or the client's root.
    var root: String?
    let today: CivilDate
    let now: CivilDateTime
    var workspace: Workspace?
    var loadedIndex: WorkspaceIndex?
    var documents: [String: OpenDocument] = [:]
    /// Open files whose diagnostics are to be sent, and closed ones whose are to be cleared.
    var pending: Set<String> = []
    /// Record files deleted on disk (as the client reported), whose referrers are problems.
    var deleted: Set<String> = []
    /// Files not open whose diagnostics were sent (the referrers of deleted records).
    var related: Set<String> = []
    /// True when the client lets the server register the files it wants to hear about.
    var watchesFiles = false
    /// True when the client applies workspace edits that rename files (as a rename needs).
    var renamesFiles = false
    /// The workspace's record files as last listed, kept until files change on disk.
    var listing: [RecordFile]?
    /// True when files changed on disk since the last check: closed files may need diagnostics too.
    var diskChanged = false
    /// The workspace's folders as last looked at, for clients that report no file changes.
    var folderStamps: FolderStamps?

    public init(root: String?, today: CivilDate, now: CivilDateTime) {
        self.root = root
        self.today = today
        self.now = now
    }

    /// Handles one message's body; returns the messages to send.
    public mutating func receive(_ body: [UInt8]) -> [JSON] {
        receive(batch: [body])
    }

    /// Handles the messages that arrived together, in order. A request that a later
    /// `$/cancelRequest` among them cancels is answered with RequestCancelled, not carried out.
    public mutating func receive(batch bodies: [[UInt8]]) -> [JSON] {
        let messages: [Result<JSON, JSONError>] = bodies.map { body in Result { () throws(JSONError) in try JSONReader.read(body) } }
        var cancelled: [JSON] = []
        for case .success(let message) in messages where message["method"]?.string == "$/cancelRequest" {
            if let id = message["params"]?["id"] { cancelled.append(id) }
        }
        var replies: [JSON] = []
        for index in messages.indices where exitCode == nil {
            switch messages[index] {
            case .failure(let error):
                replies.append(RPC.error(.null, RPC.parseError, "the message is not JSON: \(error.description)"))
            case .success(let message):
                if message["method"] != nil, let id = message["id"], cancelled.contains(id) {
                    replies.append(RPC.error(id, RPC.requestCancelled, "the request was cancelled"))
                } else {
                    replies += handle(message)
                }
            }
        }
        return replies
    }

    private mutating func handle(_ message: JSON) -> [JSON] {
        guard let method = message["method"]?.string else {
            // A response to a request of ours: the server sends none, so there is nothing to match.
            if message["id"] != nil && (message["result"] != nil || message["error"] != nil) { return [] }
            return [RPC.error(message["id"] ?? .null, RPC.invalidRequest, "a message without a method")]
        }
        let params = message["params"] ?? .null
        guard let id = message["id"] else { return notification(method, params) }
        do throws(Failure) {
            return [RPC.response(id, try request(method, params))]
        } catch {
            return [RPC.error(id, error.code, error.message)]
        }
    }

    private mutating func request(_ method: String, _ params: JSON) throws(Failure) -> JSON {
        switch state {
        case .starting where method != "initialize":
            throw Failure(code: RPC.serverNotInitialized, message: "the server is not initialized yet")
        case .shuttingDown:
            throw Failure(code: RPC.invalidRequest, message: "the server is shutting down")
        default: break
        }
        switch method {
        case "initialize": return try initialize(params)
        case "shutdown":
            state = .shuttingDown
            return .null
        case "textDocument/completion": return try completion(params)
        case "textDocument/hover": return try hover(params)
        case "textDocument/definition": return try definition(params)
        case "textDocument/references": return try references(params)
        case "textDocument/documentSymbol": return try symbols(params)
        case "textDocument/codeAction": return try codeActions(params)
        case "textDocument/prepareRename": return try prepareRename(params)
        case "textDocument/rename": return try rename(params)
        default: throw Failure(code: RPC.methodNotFound, message: "unknown method '\(method)'")
        }
    }

    private mutating func notification(_ method: String, _ params: JSON) -> [JSON] {
        if method == "exit" {
            exitCode = state == .shuttingDown ? 0 : 1
            return []
        }
        guard state == .running else { return [] }
        switch method {
        case "initialized" where watchesFiles:
            // Clients report changed files only for the patterns a server registers.
            let watcher = JSON.object([("globPattern", .string("**/*.yaml"))])
            let registration = JSON.object([("id", .string("crm-files")), ("method", .string("workspace/didChangeWatchedFiles")),
                                            ("registerOptions", .object([("watchers", .array([watcher]))]))])
            return [.object([("jsonrpc", .string("2.0")), ("id", .string("crm-watch")), ("method", .string("client/registerCapability")),
                             ("params", .object([("registrations", .array([registration]))]))])]
        case "textDocument/didOpen": open(params)
        case "textDocument/didChange": change(params)
        case "textDocument/didClose": close(params)
        case "textDocument/didSave": reload()
        case "workspace/didChangeWatchedFiles":
            if case .array(let changes)? = params["changes"] {
                for change in changes {
                    guard let uri = change["uri"]?.string, let path = relativePath(uri) else { continue }
                    if change["type"]?.int == 3 { deleted.insert(path) } else { deleted.remove(path) }
                }
            }
            reload()
        case "workspace/didDeleteFiles", "workspace/didRenameFiles", "workspace/didCreateFiles":
            // Files deleted, renamed or made in the editor's own file tree.
            if case .array(let files)? = params["files"] {
                for file in files {
                    if let path = (file["uri"] ?? file["oldUri"])?.string.flatMap(relativePath), method != "workspace/didCreateFiles" {
                        deleted.insert(path)
                    }
                    if let path = file["newUri"]?.string.flatMap(relativePath) { deleted.remove(path) }
                }
            }
            reload()
        default: break
        }
        return []
    }

    private mutating func initialize(_ params: JSON) throws(Failure) -> JSON {
        if root == nil {
            let uri = params["workspaceFolders"].flatMap { folders -> String? in
                guard case .array(let items) = folders else { return nil }
                return items.first?["uri"]?.string
            } ?? params["rootUri"]?.string
            let folder = uri.flatMap(FileURI.path) ?? params["rootPath"]?.string
            if let folder { root = try? Workspace.locate(explicit: nil, environment: [:], currentDirectory: folder) }
        }
        guard let root, Workspace.isWorkspace(root) else {
            throw Failure(code: RPC.invalidParams, message: "no crm workspace (a folder with .crm/) at or above the client's root folder")
        }
        workspace = Workspace(root: root)
        watchesFiles = params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"] == .bool(true)
        let operations = params["capabilities"]?["workspace"]?["workspaceEdit"]?["resourceOperations"]
        if case .array(let kinds)? = operations { renamesFiles = kinds.contains(.string("rename")) }
        state = .running
        let capabilities = JSON.object([
            ("positionEncoding", .string("utf-16")),
            ("textDocumentSync", .object([("openClose", .bool(true)), ("change", .integer(2)), ("save", .bool(true))])),
            ("completionProvider", .object([("triggerCharacters", .array([":", " ", "-", ","].map(JSON.string)))])),
            ("hoverProvider", .bool(true)),
            ("definitionProvider", .bool(true)),
            ("referencesProvider", .bool(true)),
            ("documentSymbolProvider", .bool(true)),
            ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix")]))])),
            ("renameProvider", .object([("prepareProvider", .bool(true))])),
            ("workspace", .object([("fileOperations", .object(["didCreate", "didRename", "didDelete"].map { operation in
                (operation, JSON.object([("filters", .array([.object([("pattern", .object([("glob", .string("**/*.yaml"))]))])]))]))
            }))])),
        ])
        return .object([("capabilities", capabilities), ("serverInfo", .object([("name", .string("crm"))]))])
    }

    /// The index of the workspace as it is on disk, read when first needed after a change.
    mutating func index() -> WorkspaceIndex? {
        if let loadedIndex { return loadedIndex }
        guard let workspace else { return nil }
        loadedIndex = WorkspaceIndex(workspace: workspace)
        return loadedIndex
    }

    /// True when the server looks at the disk itself, since the client reports no changed files.
    public var pollsDisk: Bool { state == .running && !watchesFiles }

    /// Looks for files changed on disk since the last look (by the folders' stamps); when some
    /// did, the workspace is read again, and the records gone count as deleted.
    public mutating func checkDisk() {
        guard let workspace else { return }
        let before = listing ?? RecordScanner.scan(workspace).files
        guard let stamps = folderStamps else {
            listing = before
            folderStamps = FolderStamps(workspace: workspace, records: before.map(\.path))
            return
        }
        guard stamps.changed() else { return }
        reload()
        guard let reloaded = self.workspace else { return }
        let after = RecordScanner.scan(reloaded).files
        listing = after
        deleted.formUnion(Set(before.map(\.path)).subtracting(after.map(\.path)))
        folderStamps = FolderStamps(workspace: reloaded, records: after.map(\.path))
    }

    /// Files changed on disk (a save, a pull, a teammate's sync): the workspace is read again
    /// and every open file checked again.
    mutating func reload() {
        guard let root else { return }
        workspace = Workspace(root: root)
        loadedIndex = nil
        listing = nil
        pending.formUnion(documents.keys)
        diskChanged = true
        deleted = deleted.filter { FileIO.kind(of: root + "/" + $0) == nil }
    }
}

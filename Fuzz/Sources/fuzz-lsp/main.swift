// Feeds arbitrary bytes to `crm lsp`'s server in two ways: as the framed message stream an
// editor sends (every complete message is answered, never with a crash), and as the text of
// an open record edited at places the bytes choose, with completion, hover, definition,
// symbols, renames and diagnostics asked at those places, and as an unsaved type file. Every reply must be a JSON-RPC message, and
// every diagnostic's range must lie inside the text.
import CRMEditor
import CRMInterchange
import CRMWorkspace
import Foundation
import FuzzSupport

/// A small workspace on disk, made once.
let root: String = {
    let folder = NSTemporaryDirectory() + "crm-fuzz-lsp-\(getpid())"
    let files = [
        ".crm/config.yaml": "name: fuzz\n",
        "customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\n",
        "contacts/jana.yaml": "name: Jana Malá\ncustomer: acme\n",
    ]
    for (path, text) in files {
        let url = URL(fileURLWithPath: folder + "/" + path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? text.write(to: url, atomically: true, encoding: .utf8)
    }
    return folder
}()

func message(_ id: Int?, _ method: String, _ params: JSON) -> [UInt8] {
    var members: [(key: String, value: JSON)] = [("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]
    if let id { members.append(("id", .integer(id))) }
    return Array(JSON.object(members).compact.utf8)
}

func check(_ replies: [JSON]) {
    for reply in replies {
        require(reply["jsonrpc"]?.string == "2.0", "a reply without jsonrpc: \(reply.compact)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    var server = LanguageServer(root: root, today: CivilDate("2026-11-22")!, now: CivilDateTime("2026-11-22T10:00")!)
    let renaming = JSON.object([("workspace", .object([("workspaceEdit", .object([("resourceOperations", .array([.string("rename")]))]))]))])
    check(server.receive(message(1, "initialize", .object([("capabilities", renaming)]))))
    var framer = MessageFramer()
    framer.append(bytes)
    var bodies: [[UInt8]] = []
    while let body = try? framer.next() { bodies.append(body) }
    check(server.receive(batch: bodies))
    check(server.publishDiagnostics())
    let typeURI = FileURI.uri(root + "/.crm/types/fuzz.yaml")
    check(server.receive(message(nil, "textDocument/didOpen", .object([("textDocument", .object([
        ("uri", .string(typeURI)), ("languageId", .string("yaml")), ("version", .integer(1)), ("text", .string(String(decoding: bytes, as: UTF8.self))),
    ]))]))))
    check(server.publishDiagnostics())
    check(server.receive(message(nil, "textDocument/didClose", .object([("textDocument", .object([("uri", .string(typeURI))]))]))))
    let uri = FileURI.uri(root + "/contacts/fuzz.yaml")
    let text = String(decoding: bytes, as: UTF8.self)
    check(server.receive(message(nil, "textDocument/didOpen", .object([("textDocument", .object([
        ("uri", .string(uri)), ("languageId", .string("yaml")), ("version", .integer(1)), ("text", .string(text)),
    ]))]))))
    var current = EditorText(text)
    for (offset, byte) in bytes.prefix(8).enumerated() {
        let position = JSON.object([("line", .integer(Int(byte % 8))), ("character", .integer(Int(byte / 8)))])
        let document = JSON.object([("uri", .string(uri))])
        for method in ["textDocument/completion", "textDocument/hover", "textDocument/definition", "textDocument/documentSymbol",
                       "textDocument/references", "textDocument/prepareRename"] {
            check(server.receive(message(10 + offset, method, .object([("textDocument", document), ("position", position)]))))
        }
        let newName = String(decoding: bytes.prefix(offset + 1), as: UTF8.self)
        check(server.receive(message(20 + offset, "textDocument/rename", .object([("textDocument", document), ("position", position),
                                                                                   ("newName", .string(newName))]))))
        let range = JSON.object([("start", position), ("end", position)])
        let inserted = String(decoding: bytes.suffix(offset + 1), as: UTF8.self)
        let place = EditorText.Position(line: Int(byte % 8), character: Int(byte / 8))
        current.replace(from: place, to: place, with: inserted)
        check(server.receive(message(nil, "textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .integer(offset + 2))])),
            ("contentChanges", .array([.object([("range", range), ("text", .string(inserted))])])),
        ]))))
    }
    let published = server.publishDiagnostics()
    check(published)
    let lines = current.lines
    for note in published {
        guard case .array(let diagnostics)? = note["params"]?["diagnostics"] else { continue }
        for diagnostic in diagnostics {
            guard case .number(let number)? = diagnostic["range"]?["start"]?["line"], let line = Int(number) else {
                fail("a diagnostic without a line: \(diagnostic.compact)")
            }
            require(line >= 0 && line <= lines.count, "a diagnostic on line \(line) of \(lines.count): \(diagnostic.compact)")
        }
    }
    return 0
}

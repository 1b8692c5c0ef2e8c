import CRMInterchange
import CRMTestSupport
import Foundation
import Testing
@testable import CRMEditor
@testable import CRMWorkspace

/// A language server on a temporary workspace, driven message by message as an editor would.
struct EditorSession {
    static let files = [
        "customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\nowner: jana\n",
        "customers/beta.yaml": "name: Beta a.s.\nstatus: lead\n",
        "contacts/jana-mala.yaml": "name: Jana Malá\ncustomer: acme\n",
        "contacts/petr-novy.yaml": "name: Petr Nový\ncustomer: beta\n",
        "contacts/adam-bily.yaml": "name: Adam Bílý\ncustomer: beta\n",
        "calls/2026/11/2026-11-02-acme-a1b2.yaml": "customer: acme\ncontact: jana-mala\nat: 2026-11-02T09:00\nsubject: Objednávka\n",
        "complaints/2026-11-03-acme-c1d2.yaml": "customer: acme\nsubject: Vadná dodávka\nopened: 2026-11-03\nseverity: high\nstatus: open\n",
    ]

    let fixture: TemporaryWorkspace
    var server: LanguageServer
    var nextID = 1

    init(files: [String: String] = EditorSession.files, initialize: Bool = true, capabilities: JSON = .object([])) throws {
        fixture = try TemporaryWorkspace(files: files)
        server = LanguageServer(root: nil, today: CivilDate("2026-11-22")!, now: CivilDateTime("2026-11-22T10:30")!)
        if initialize {
            _ = send(request: "initialize", ["rootUri": .string(FileURI.uri(fixture.root)), "capabilities": capabilities])
            // The reply may be a request to register a file watcher.
            _ = server.receive(Array(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#.utf8))
        }
    }

    func uri(_ path: String) -> String { FileURI.uri(fixture.root + "/" + path) }

    /// Sends a request; returns its response.
    @discardableResult
    mutating func send(request method: String, _ params: [String: JSON]) -> JSON {
        let id = nextID
        nextID += 1
        let message = JSON.object([("jsonrpc", .string("2.0")), ("id", .integer(id)), ("method", .string(method)),
                                   ("params", .object(params.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }))])
        let replies = server.receive(Array(message.compact.utf8))
        return replies.first { $0["id"] == .integer(id) } ?? .null
    }

    mutating func send(notification method: String, _ params: [String: JSON]) {
        let message = JSON.object([("jsonrpc", .string("2.0")), ("method", .string(method)),
                                   ("params", .object(params.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }))])
        #expect(server.receive(Array(message.compact.utf8)).isEmpty)
    }

    mutating func open(_ path: String, _ text: String) {
        send(notification: "textDocument/didOpen", ["textDocument": .object([
            ("uri", .string(uri(path))), ("languageId", .string("yaml")), ("version", .integer(1)), ("text", .string(text)),
        ])])
    }

    /// The diagnostics published for `path` since the last call: (line, character, end, code,
    /// message); throws when none were published for it.
    mutating func diagnostics(_ path: String) throws -> [(line: Int, character: Int, end: Int, code: String, message: String)] {
        let published = server.publishDiagnostics().first { $0["params"]?["uri"]?.string == uri(path) }
        guard case .array(let items)? = published?["params"]?["diagnostics"] else { throw FixtureError("no diagnostics for \(path)") }
        return items.map { item in
            (item["range"]?["start"]?["line"]?.int ?? -1, item["range"]?["start"]?["character"]?.int ?? -1,
             item["range"]?["end"]?["character"]?.int ?? -1, item["code"]?.string ?? "", item["message"]?.string ?? "")
        }
    }

    static func at(_ path: String, _ line: Int, _ character: Int, uri: (String) -> String) -> [String: JSON] {
        ["textDocument": .object([("uri", .string(uri(path)))]),
         "position": .object([("line", .integer(line)), ("character", .integer(character))])]
    }

    mutating func ask(_ method: String, _ path: String, _ line: Int, _ character: Int) -> JSON {
        let params = Self.at(path, line, character, uri: uri)
        return send(request: method, params)["result"] ?? .null
    }

    /// The labels of a completion, best first (by sort text, as editors sort them).
    mutating func completion(_ path: String, _ line: Int, _ character: Int) -> [String] {
        guard case .array(let items)? = ask("textDocument/completion", path, line, character)["items"] else { return [] }
        return items.sorted { ($0["sortText"]?.string ?? "") < ($1["sortText"]?.string ?? "") }.compactMap { $0["label"]?.string }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

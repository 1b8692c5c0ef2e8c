import CRMInterchange
import Foundation
import Testing
@testable import CRMEditor

/// Records deleted on disk: the files that still refer to them are marked, open or not.
@Suite("crm lsp: deleted records")
struct DeletedRecordTests {
    @Test("A customer deleted on disk marks the records that refer to it; restoring it clears them")
    func deleted() throws {
        var session = try EditorSession()
        session.open("calls/2026/11/2026-11-20-beta-x1y2.yaml", "customer: beta\nat: 2026-11-20T10:00\nsubject: Servis\n")
        _ = try session.diagnostics("calls/2026/11/2026-11-20-beta-x1y2.yaml")
        let path = session.fixture.root + "/customers/acme.yaml"
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        try FileManager.default.removeItem(atPath: path)
        session.send(notification: "workspace/didChangeWatchedFiles", ["changes": .array([
            .object([("uri", .string(session.uri("customers/acme.yaml"))), ("type", .integer(3))]),
        ])])
        let published = session.server.publishDiagnostics()
        let marked = published.filter { note in
            guard case .array(let items)? = note["params"]?["diagnostics"] else { return false }
            return items.contains { $0["code"]?.string == "broken-reference" }
        }.compactMap { $0["params"]?["uri"]?.string }
        #expect(marked.contains(session.uri("contacts/jana-mala.yaml")) && marked.contains(session.uri("calls/2026/11/2026-11-02-acme-a1b2.yaml")),
                "\(marked)")
        try saved.write(toFile: path, atomically: true, encoding: .utf8)
        session.send(notification: "workspace/didChangeWatchedFiles", ["changes": .array([
            .object([("uri", .string(session.uri("customers/acme.yaml"))), ("type", .integer(1))]),
        ])])
        #expect(try session.diagnostics("contacts/jana-mala.yaml").isEmpty, "cleared once the customer is back")
    }

    @Test("With no file open, a deletion on disk still marks the referrers")
    func nothingOpen() throws {
        var session = try EditorSession()
        try FileManager.default.removeItem(atPath: session.fixture.root + "/customers/beta.yaml")
        session.send(notification: "workspace/didChangeWatchedFiles", ["changes": .array([
            .object([("uri", .string(session.uri("customers/beta.yaml"))), ("type", .integer(3))]),
        ])])
        let found = try session.diagnostics("contacts/petr-novy.yaml")
        #expect(found.map(\.code) == ["broken-reference"], "\(found)")
        #expect(session.server.publishDiagnostics().isEmpty, "nothing changed since")
    }

    @Test("A customer deleted or renamed in the editor's own file tree marks its referrers", arguments: ["delete", "rename"])
    func fileOperation(operation: String) throws {
        var session = try EditorSession()
        let old = session.fixture.root + "/customers/beta.yaml"
        if operation == "delete" {
            try FileManager.default.removeItem(atPath: old)
            session.send(notification: "workspace/didDeleteFiles", ["files": .array([.object([("uri", .string(session.uri("customers/beta.yaml")))])])])
        } else {
            try FileManager.default.moveItem(atPath: old, toPath: session.fixture.root + "/customers/beta-as.yaml")
            session.send(notification: "workspace/didRenameFiles", ["files": .array([.object([
                ("oldUri", .string(session.uri("customers/beta.yaml"))), ("newUri", .string(session.uri("customers/beta-as.yaml"))),
            ])])])
        }
        let found = try session.diagnostics("contacts/adam-bily.yaml")
        #expect(found.map(\.code) == ["broken-reference"], "\(found)")
    }

    @Test("The server asks to hear of record files made, renamed and deleted in the editor")
    func registersFileOperations() throws {
        var session = try EditorSession(initialize: false)
        let reply = session.send(request: "initialize", ["rootUri": .string(FileURI.uri(session.fixture.root)), "capabilities": .object([])])
        let operations = reply["result"]?["capabilities"]?["workspace"]?["fileOperations"]
        for operation in ["didCreate", "didRename", "didDelete"] {
            #expect(operations?[operation]?["filters"] == .array([.object([("pattern", .object([("glob", .string("**/*.yaml"))]))])]))
        }
    }
}

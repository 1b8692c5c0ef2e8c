import CRMInterchange
import Foundation
import Testing
@testable import CRMEditor
@testable import CRMWorkspace

/// A client that reports no changed files: the server looks at the folders' stamps itself.
@Suite("crm lsp: changes on disk without a watcher")
struct DiskPollTests {
    @Test("A customer deleted on disk with no notification marks its referrers; restoring it clears them")
    func deletedUnreported() throws {
        var session = try EditorSession()
        #expect(session.server.pollsDisk, "the client registered no watcher")
        let call = "calls/2026/11/2026-11-20-beta-x1y2.yaml"
        session.open(call, "customer: beta\nat: 2026-11-20T10:00\nsubject: Servis\n")
        #expect(try session.diagnostics(call).isEmpty)
        try session.fixture.settleFolders()
        session.server.checkDisk()
        session.server.checkDisk()
        #expect(session.server.publishDiagnostics().isEmpty, "nothing changed on disk")
        let path = session.fixture.root + "/customers/beta.yaml"
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        try FileManager.default.removeItem(atPath: path)
        session.server.checkDisk()
        let published = session.server.publishDiagnostics()
        let marked = published.filter { note in
            guard case .array(let items)? = note["params"]?["diagnostics"] else { return false }
            return items.contains { $0["code"]?.string == "broken-reference" }
        }.compactMap { $0["params"]?["uri"]?.string }
        #expect(Set(marked) == [session.uri(call), session.uri("contacts/petr-novy.yaml"), session.uri("contacts/adam-bily.yaml")], "\(marked)")
        try saved.write(toFile: path, atomically: true, encoding: .utf8)
        session.server.checkDisk()
        #expect(try session.diagnostics(call).isEmpty, "cleared once the customer is back")
    }

    @Test("A client that watches files is not polled")
    func watched() throws {
        let capabilities = JSON.object([("workspace", .object([("didChangeWatchedFiles", .object([("dynamicRegistration", .bool(true))]))]))])
        let session = try EditorSession(capabilities: capabilities)
        #expect(!session.server.pollsDisk)
    }
}

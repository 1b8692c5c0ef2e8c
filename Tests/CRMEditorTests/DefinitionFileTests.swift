import Foundation
import Testing
@testable import CRMEditor

/// Settings, type, query and report files get what `crm check` says about them, on the
/// unsaved text.
@Suite("crm lsp: definition files")
struct DefinitionFileTests {
    @Test("An unsaved definition file is checked as crm check would once it is saved", arguments: [
        (".crm/types/customer.yaml", "status", "kind: enm", "unknown kind", nil),
        (".crm/types/contact.yaml", "customer", "to: custmer", "custmer", nil),
        (".crm/queries/late.yaml", nil, "type: complaint\nwhere: stauts = open\n", "stauts", 1),
        (".crm/reports/by-owner.yaml", nil, "type: customr\nby: owner\n", "customr", 0),
        (".crm/config.yaml", nil, "name: test\nauto-commit: maybe\n", "auto-commit", 1),
    ] as [(String, String?, String, String, Int?)])
    func unsaved(path: String, field: String?, text: String, message: String, line expected: Int?) throws {
        var session = try EditorSession()
        var written = text
        var changed = expected
        if let field {
            // Replaces the `kind:`/`to:` line of the field's definition in the type file.
            let original = try String(contentsOfFile: session.fixture.root + "/" + path, encoding: .utf8)
            var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let start = try #require(lines.firstIndex(of: field + ":"))
            let key = String(text.prefix { $0 != ":" })
            let line = try #require(lines[start...].firstIndex { $0.hasPrefix("  " + key + ":") })
            lines[line] = "  " + text
            written = lines.joined(separator: "\n")
            changed = line
        }
        session.open(path, written)
        let found = try session.diagnostics(path)
        #expect(found.contains { $0.message.contains(message) && $0.line == changed }, "\(found)")
        let disk = session.fixture.root + "/" + path
        if FileManager.default.fileExists(atPath: disk) {
            session.send(notification: "textDocument/didChange", ["textDocument": .object([("uri", .string(session.uri(path))), ("version", .integer(2))]),
                                                                 "contentChanges": .array([.object([("text", .string(try String(contentsOfFile: disk, encoding: .utf8)))])])])
            #expect(try session.diagnostics(path).isEmpty, "the file as saved is clean")
        }
    }
}

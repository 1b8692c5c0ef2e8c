import CRMInterchange
import Foundation
import Testing
@testable import CRMEditor

/// Renaming a record as `crm mv` does, as a workspace edit the editor applies.
@Suite("crm lsp: rename")
struct RenameTests {
    static let renaming = JSON.object([("workspace", .object([("workspaceEdit", .object([
        ("documentChanges", .bool(true)), ("resourceOperations", .array([.string("create"), .string("rename"), .string("delete")])),
    ]))]))])

    /// The files as they read once `edit` is applied to them (open buffers from `open`, the rest from disk).
    static func applied(_ edit: JSON, session: EditorSession, open: [String: String] = [:]) throws -> [String: String] {
        guard case .array(let changes)? = edit["documentChanges"] else { throw FixtureError("no documentChanges in \(edit.compact)") }
        var files: [String: String] = [:]
        for change in changes {
            if change["kind"]?.string == "rename" {
                let old = try #require(change["oldUri"]?.string.flatMap(FileURI.path))
                let new = try #require(change["newUri"]?.string.flatMap(FileURI.path))
                files[new] = try files[old] ?? String(contentsOfFile: old, encoding: .utf8)
                files[old] = nil
                continue
            }
            let path = try #require(change["textDocument"]?["uri"]?.string.flatMap(FileURI.path))
            let relative = String(path.dropFirst(session.fixture.root.count + 1))
            var text = try EditorText(files[path] ?? open[relative] ?? String(contentsOfFile: path, encoding: .utf8))
            guard case .array(let edits)? = change["edits"] else { throw FixtureError("no edits") }
            for edit in edits {
                text.replace(from: edit["range"]?["start"]?.position, to: edit["range"]?["end"]?.position, with: edit["newText"]?.string ?? "")
            }
            files[path] = text.text
        }
        return Dictionary(uniqueKeysWithValues: files.map { (String($0.key.dropFirst(session.fixture.root.count + 1)), $0.value) })
    }

    @Test("Renaming the customer a call names rewrites every reference, unsaved buffers included, and renames the file")
    func fromReference() throws {
        var session = try EditorSession(capabilities: Self.renaming)
        let call = "calls/2026/11/2026-11-02-acme-a1b2.yaml"
        let unsaved = "calls/2026/11/2026-11-21-acme-z9z9.yaml"
        let unsavedText = "# draft\ncustomer: acme\nat: 2026-11-21T09:00\nsubject: Nabídka\n"
        session.open(call, "customer: acme\ncontact: jana-mala\nat: 2026-11-02T09:00\nsubject: Objednávka\n")
        session.open(unsaved, unsavedText)
        let prepared = session.ask("textDocument/prepareRename", call, 0, 12)
        #expect(prepared["placeholder"] == .string("acme"))
        #expect(prepared["range"]?["start"]?.position == EditorText.Position(line: 0, character: 10))
        #expect(prepared["range"]?["end"]?.position == EditorText.Position(line: 0, character: 14))
        var params = EditorSession.at(call, 0, 12, uri: session.uri)
        params["newName"] = .string("acme-cz")
        let edit = session.send(request: "textDocument/rename", params)["result"] ?? .null
        let files = try Self.applied(edit, session: session, open: [unsaved: unsavedText])
        #expect(files == [
            call: "customer: acme-cz\ncontact: jana-mala\nat: 2026-11-02T09:00\nsubject: Objednávka\n",
            unsaved: "# draft\ncustomer: acme-cz\nat: 2026-11-21T09:00\nsubject: Nabídka\n",
            "contacts/jana-mala.yaml": "name: Jana Malá\ncustomer: acme-cz\n",
            "complaints/2026-11-03-acme-c1d2.yaml": "customer: acme-cz\nsubject: Vadná dodávka\nopened: 2026-11-03\nseverity: high\nstatus: open\n",
            "customers/acme-cz.yaml": "name: Acme s.r.o.\nstatus: active\nowner: jana\n",
        ])
        guard case .array(let changes)? = edit["documentChanges"] else { return }
        let versions = changes.compactMap { change -> String? in
            guard let uri = change["textDocument"]?["uri"]?.string else { return nil }
            return "\(uri.split(separator: "/").last!)=\(change["textDocument"]?["version"]?.int.map(String.init) ?? "null")"
        }
        #expect(versions == ["2026-11-02-acme-a1b2.yaml=1", "2026-11-21-acme-z9z9.yaml=1", "2026-11-03-acme-c1d2.yaml=null",
                             "jana-mala.yaml=null"], "open buffers carry their version")
        #expect(changes.last?["kind"] == .string("rename"), "the file is renamed after its referrers are edited")
    }

    @Test("Renaming inside a record's own file renames that record")
    func ownRecord() throws {
        var session = try EditorSession(capabilities: Self.renaming)
        session.open("customers/beta.yaml", "name: Beta a.s.\nstatus: lead\n")
        let prepared = session.ask("textDocument/prepareRename", "customers/beta.yaml", 0, 7)
        #expect(prepared["placeholder"] == .string("beta"))
        var params = EditorSession.at("customers/beta.yaml", 0, 7, uri: session.uri)
        params["newName"] = .string("beta-as")
        let files = try Self.applied(session.send(request: "textDocument/rename", params)["result"] ?? .null, session: session)
        #expect(files == ["contacts/petr-novy.yaml": "name: Petr Nový\ncustomer: beta-as\n",
                          "contacts/adam-bily.yaml": "name: Adam Bílý\ncustomer: beta-as\n",
                          "customers/beta-as.yaml": "name: Beta a.s.\nstatus: lead\n"])
    }

    @Test("A rename that cannot be done is refused with the reason", arguments: [
        ("Acme CZ", true, nil as String?, "invalid id 'Acme CZ'"),
        ("beta", true, nil, "a record with id 'beta' exists already"),
        ("acme-cz", false, nil, "run crm mv instead"),
        ("acme-cz", true, "customer: acme\nsubject: [open\n", "does not parse"),
    ])
    func refused(newName: String, renames: Bool, brokenBuffer: String?, message: String) throws {
        var session = try EditorSession(capabilities: renames ? Self.renaming : .object([]))
        if let brokenBuffer { session.open("complaints/2026-11-03-acme-c1d2.yaml", brokenBuffer) }
        var params = EditorSession.at("contacts/jana-mala.yaml", 1, 11, uri: session.uri)
        params["newName"] = .string(newName)
        let reply = session.send(request: "textDocument/rename", params)
        #expect(reply["error"]?["code"]?.int == -32803, "\(reply.compact)")
        #expect(reply["error"]?["message"]?.string?.contains(message) == true, "\(reply.compact)")
    }

    @Test("Nothing to rename outside a record file")
    func nothingHere() throws {
        var session = try EditorSession(capabilities: Self.renaming)
        #expect(session.ask("textDocument/prepareRename", ".crm/types/customer.yaml", 0, 0) == .null)
    }

    @Test("An edit spans only the lines that differ", arguments: [
        ("a\nb\nc\n", "a\nB\nc\n", 1, 0, 2, 0, "B\n"),
        ("a\nb", "a\nB", 1, 0, 1, 1, "B"),
        ("a\r\nb\r\nc\r\n", "a\r\nb2\r\nc\r\n", 1, 0, 2, 0, "b2\r\n"),
        ("x: [a, b]\n", "x:\n  - a\n  - c\n", 0, 0, 1, 0, "x:\n  - a\n  - c\n"),
        ("same\n", "same\n", 1, 0, 1, 0, ""),
    ])
    func lineEdit(old: String, new: String, startLine: Int, startCharacter: Int, endLine: Int, endCharacter: Int, text: String) {
        let edit = LanguageServer.lineEdit(from: old, to: new)
        #expect(edit["range"]?["start"]?.position == EditorText.Position(line: startLine, character: startCharacter))
        #expect(edit["range"]?["end"]?.position == EditorText.Position(line: endLine, character: endCharacter))
        #expect(edit["newText"]?.string == text)
        var applied = EditorText(old)
        applied.replace(from: edit["range"]?["start"]?.position, to: edit["range"]?["end"]?.position, with: text)
        #expect(applied.text == new)
    }
}

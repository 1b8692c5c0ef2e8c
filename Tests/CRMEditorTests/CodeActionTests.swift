import CRMInterchange
import Testing
@testable import CRMEditor

/// Quick fixes from "did you mean".
@Suite("crm lsp: quick fixes")
struct CodeActionTests {
    @Test("A diagnostic with a suggestion offers to write it over the word", arguments: [
        ("contacts/eva.yaml", "name: Eva\ncustomer: acmee\n", "acme", 1),
        ("contacts/eva.yaml", "name: Eva\ncustomer: acme\nrol: nákupčí\n", "role", 2),
        ("customers/gama.yaml", "name: Gama\nstatus: activ\n", "active", 1),
    ])
    func quickFix(path: String, text: String, suggestion: String, line: Int) throws {
        var session = try EditorSession()
        session.open(path, text)
        let published = session.server.publishDiagnostics()
        guard case .array(let diagnostics)? = published.first?["params"]?["diagnostics"] else { Issue.record("no diagnostics"); return }
        var params = EditorSession.at(path, line, 0, uri: session.uri)
        params["range"] = diagnostics[0]["range"]
        params["context"] = .object([("diagnostics", .array(diagnostics))])
        let reply = session.send(request: "textDocument/codeAction", params)
        guard case .array(let actions)? = reply["result"] else { Issue.record("no actions: \(reply)"); return }
        #expect(actions.first?["title"]?.string == "Change to '\(suggestion)'")
        let edit = actions.first?["edit"]?["changes"]?[session.uri(path)]
        guard case .array(let edits)? = edit else { Issue.record("no edit"); return }
        var fixed = EditorText(text)
        fixed.replace(from: edits[0]["range"]?["start"]?.position, to: edits[0]["range"]?["end"]?.position, with: edits[0]["newText"]?.string ?? "")
        session.send(notification: "textDocument/didChange", [
            "textDocument": .object([("uri", .string(session.uri(path))), ("version", .integer(2))]),
            "contentChanges": .array([.object([("text", .string(fixed.text))])]),
        ])
        #expect(try session.diagnostics(path).isEmpty, "\(fixed.text)")
    }

    @Test("The suggestion in a hint", arguments: [
        ("did you mean 'role'?", "role"), ("'x' was merged into 'y'; refer to that", nil), ("did you mean ''?", nil),
    ] as [(String, String?)])
    func suggestion(hint: String, expected: String?) {
        #expect(LanguageServer.suggestion(in: hint) == expected)
    }
}

import CRMInterchange
import Testing
@testable import CRMEditor

/// The language server message by message: the protocol's life cycle and errors, diagnostics
/// on unsaved text, and what an editor asks about a record.
@Suite("crm lsp: the language server")
struct LanguageServerTests {
    @Test("Diagnostics as crm check gives them, on the unsaved text, at UTF-16 positions; fixing the text clears them")
    func diagnostics() throws {
        var session = try EditorSession()
        let path = "contacts/eva.yaml"
        session.open(path, "name: Eva 🙂 Černá\ncustomer: acmee\nrol: nákupčí\n")
        let found = try session.diagnostics(path)
        #expect(found.map(\.code) == ["broken-reference", "unknown-field"], "\(found)")
        #expect(found.first?.message == "no customer 'acmee'\nhint: did you mean 'acme'?")
        #expect(found.first?.line == 1 && found.first?.character == 10 && found.first?.end == 15)
        #expect(found.last?.line == 2 && found.last?.character == 0 && found.last?.end == 3)
        #expect(found.last?.message.contains("did you mean 'role'?") == true)
        session.send(notification: "textDocument/didChange", [
            "textDocument": .object([("uri", .string(session.uri(path))), ("version", .integer(2))]),
            "contentChanges": .array([
                .object([("range", RPC.range(.init(line: 1, character: 14), .init(line: 1, character: 15))), ("text", .string(""))]),
                .object([("range", RPC.range(.init(line: 2, character: 3), .init(line: 2, character: 3))), ("text", .string("e"))]),
            ]),
        ])
        #expect(try session.diagnostics(path).isEmpty)
        #expect(session.server.publishDiagnostics().isEmpty, "nothing changed since")
        session.send(notification: "textDocument/didClose", ["textDocument": .object([("uri", .string(session.uri(path)))])])
        #expect(try session.diagnostics(path).isEmpty)
    }

    @Test("A bad enum value and a parse error, with their place")
    func badValues() throws {
        var session = try EditorSession()
        session.open("customers/gama.yaml", "name: Gama\nstatus: activ\n")
        let found = try session.diagnostics("customers/gama.yaml")
        #expect(found.count == 1 && found[0].line == 1 && found[0].character == 8 && found[0].message.contains("did you mean 'active'?"), "\(found)")
        session.open("customers/delta.yaml", "name: [Delta\n")
        #expect(try session.diagnostics("customers/delta.yaml").first?.line == 0)
        session.open("contacts/eva.yaml", "name: Eva\ncustomer: acme\nnotes: \"čaj 🙂\" x\n")
        let after = try session.diagnostics("contacts/eva.yaml")
        #expect(after.map { [$0.line, $0.character, $0.end] } == [[2, 16, 17]], "columns in UTF-16: the emoji is two")
    }

    @Test("Completion of field names: those not written yet first, required ones before them")
    func fieldNames() throws {
        var session = try EditorSession()
        session.open("contacts/eva.yaml", "customer: acme\n\n")
        let labels = session.completion("contacts/eva.yaml", 1, 0)
        #expect(labels.first == "name")
        #expect(labels.firstIndex(of: "role")! < labels.firstIndex(of: "customer")!)
    }

    @Test("Completion of values", arguments: [
        ("customers/gama.yaml", "name: Gama\nstatus: \n", 1, 8, ["lead", "prospect", "active", "inactive", "churned"]),
        ("calls/2026/11/2026-11-20-beta-x1y2.yaml", "customer: beta\ncontact: \n", 1, 9, ["adam-bily", "petr-novy", "jana-mala"]),
        ("contacts/eva.yaml", "name: Eva\ncustomer: \n", 1, 10, ["acme", "beta"]),
        ("contacts/eva.yaml", "name: Eva\nlawful-basis: con\n", 1, 17, ["consent", "contract", "legal-obligation", "legitimate-interest"]),
    ])
    func values(path: String, text: String, line: Int, character: Int, expected: [String]) throws {
        var session = try EditorSession()
        session.open(path, text)
        #expect(Array(session.completion(path, line, character).prefix(expected.count)) == expected)
    }

    @Test("Dates from today, entries of a map, and a new file's skeleton")
    func otherCompletions() throws {
        var session = try EditorSession()
        session.open("complaints/new.yaml", "customer: acme\nopened: \n")
        #expect(session.completion("complaints/new.yaml", 1, 8).prefix(2) == ["2026-11-22", "2026-11-23"])
        session.open("customers/gama.yaml", "name: Gama\naddress:\n  \n")
        #expect(session.completion("customers/gama.yaml", 2, 2).prefix(2) == ["street", "city"])
        session.open("customers/empty.yaml", "")
        guard case .array(let items)? = session.ask("textDocument/completion", "customers/empty.yaml", 0, 0)["items"] else { Issue.record("no items"); return }
        let skeleton = try #require(items.first { $0["label"]?.string == "new customer" })
        #expect(skeleton["insertText"]?.string?.hasPrefix("name: \n") == true)
    }

    @Test("A date typed as crm reads it is offered as its ISO date, written over what was typed", arguments: [
        ("opened: +7d", "2026-11-29"),
        ("opened: zítra", "2026-11-23"),
        ("opened: 20.11.2026", "2026-11-20"),
        ("opened: -2w", "2026-11-08"),
    ])
    func typedDate(line: String, expected: String) throws {
        var session = try EditorSession()
        session.open("complaints/new.yaml", "customer: acme\n" + line + "\n")
        guard case .array(let items)? = session.ask("textDocument/completion", "complaints/new.yaml", 1, line.utf16.count)["items"] else {
            Issue.record("no items")
            return
        }
        #expect(items.count == 1)
        #expect(items.first?["label"]?.string == expected)
        #expect(items.first?["textEdit"]?["newText"]?.string == expected)
        #expect(items.first?["textEdit"]?["range"]?["start"]?.position == EditorText.Position(line: 1, character: 8))
        #expect(items.first?["textEdit"]?["range"]?["end"]?.position == EditorText.Position(line: 1, character: line.utf16.count))
        #expect(items.first?["filterText"]?.string == String(line.dropFirst(8)), "the editor keeps it while matching what was typed")
    }

    @Test("Hover: a field's kind and values, a referenced record's title, key fields and open complaints")
    func hover() throws {
        var session = try EditorSession()
        session.open("calls/2026/11/2026-11-20-acme-x1y2.yaml", "customer: acme\nchannel: phone\n")
        let field = session.ask("textDocument/hover", "calls/2026/11/2026-11-20-acme-x1y2.yaml", 1, 3)["contents"]?["value"]?.string
        #expect(field?.hasPrefix("**channel** · enum") == true && field?.contains("values: ") == true, "\(field ?? "")")
        let record = session.ask("textDocument/hover", "calls/2026/11/2026-11-20-acme-x1y2.yaml", 0, 12)["contents"]?["value"]?.string
        #expect(record?.hasPrefix("**Acme s.r.o.** · customer `acme`") == true, "\(record ?? "")")
        #expect(record?.contains("- owner: jana") == true && record?.contains("- open complaints: 1") == true, "\(record ?? "")")
        #expect(session.ask("textDocument/hover", "calls/2026/11/2026-11-20-acme-x1y2.yaml", 1, 11) == .null)
    }

    @Test("Definition of a reference, the records referring to one, and the fields as symbols")
    func navigation() throws {
        var session = try EditorSession()
        let call = "calls/2026/11/2026-11-02-acme-a1b2.yaml"
        let definition = session.ask("textDocument/definition", call, 1, 11)
        #expect(definition["uri"]?.string == session.uri("contacts/jana-mala.yaml"))
        guard case .array(let references) = session.ask("textDocument/references", "customers/acme.yaml", 0, 0) else { Issue.record("no array"); return }
        #expect(references.compactMap { $0["uri"]?.string } == [session.uri(call), session.uri("complaints/2026-11-03-acme-c1d2.yaml"),
                                                               session.uri("contacts/jana-mala.yaml")].sorted())
        #expect(references.first?["range"]?["start"]?["character"]?.int == 10)
        guard case .array(let symbols) = session.ask("textDocument/documentSymbol", call, 0, 0) else { Issue.record("no array"); return }
        #expect(symbols.compactMap { $0["name"]?.string } == ["customer", "contact", "at", "subject"])
    }

    @Test("Files changed on disk are picked up without a restart")
    func watchedFiles() throws {
        var session = try EditorSession()
        session.open("contacts/eva.yaml", "name: Eva\ncustomer: gama\n")
        #expect(try session.diagnostics("contacts/eva.yaml").count == 1)
        try "name: Gama s.r.o.\nstatus: lead\n".write(toFile: session.fixture.root + "/customers/gama.yaml", atomically: true, encoding: .utf8)
        session.send(notification: "workspace/didChangeWatchedFiles", ["changes": .array([])])
        #expect(try session.diagnostics("contacts/eva.yaml").isEmpty)
        #expect(session.completion("contacts/eva.yaml", 1, 10).contains("gama"))
    }

    @Test("JSON-RPC errors: before initialize, unknown method, bad JSON, a file outside the workspace, after shutdown")
    func errors() throws {
        var session = try EditorSession(initialize: false)
        #expect(session.send(request: "textDocument/hover", [:])["error"]?["code"]?.int == RPC.serverNotInitialized)
        _ = session.send(request: "initialize", ["rootUri": .string(session.uri("customers"))])
        #expect(session.send(request: "workspace/symbol", [:])["error"]?["code"]?.int == RPC.methodNotFound)
        #expect(session.server.receive(Array("{\"jsonrpc\": \"2.0\", \"id\": 9, ".utf8)).first?["error"]?["code"]?.int == RPC.parseError)
        #expect(session.server.receive(Array("[1, 2]".utf8)).first?["error"]?["code"]?.int == RPC.invalidRequest)
        let outside = EditorSession.at("x", 0, 0) { _ in "file:///etc/passwd" }
        #expect(session.send(request: "textDocument/hover", outside)["error"]?["code"]?.int == RPC.invalidParams)
        #expect(session.send(request: "textDocument/completion", ["textDocument": .object([("uri", .string(session.uri("customers/acme.yaml")))])])["error"]?["code"]?.int
                == RPC.invalidParams)
        #expect(session.send(request: "shutdown", [:])["result"] == .null)
        #expect(session.send(request: "textDocument/hover", [:])["error"]?["code"]?.int == RPC.invalidRequest)
        #expect(session.server.exitCode == nil)
        session.send(notification: "exit", [:])
        #expect(session.server.exitCode == 0)
    }

    @Test("A client that lets servers register file watchers is asked to report changed record files")
    func registersWatcher() throws {
        var session = try EditorSession(initialize: false)
        let workspace = JSON.object([("didChangeWatchedFiles", .object([("dynamicRegistration", .bool(true))]))])
        _ = session.send(request: "initialize", ["rootUri": .string(FileURI.uri(session.fixture.root)),
                                                 "capabilities": .object([("workspace", workspace)])])
        let sent = session.server.receive(Array(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#.utf8))
        #expect(sent.first?["method"]?.string == "client/registerCapability")
        #expect(sent.first?["params"]?["registrations"].map { $0.compact.contains("**/*.yaml") } == true)
        #expect(session.server.receive(Array(#"{"jsonrpc":"2.0","id":"crm-watch","result":null}"#.utf8)).isEmpty, "the client's answer needs none")
    }

    @Test("exit without shutdown is status 1; a root that is no workspace is refused")
    func exitWithoutShutdown() throws {
        var session = try EditorSession()
        session.send(notification: "exit", [:])
        #expect(session.server.exitCode == 1)
        var nowhere = try EditorSession(initialize: false)
        #expect(nowhere.send(request: "initialize", ["rootUri": .string("file:///")])["error"]?["code"]?.int == RPC.invalidParams)
    }
}

import CRMInterchange
import Foundation
import Testing
@testable import CRMEditor
@testable import CRMWorkspace

/// `$/cancelRequest`: a request still waiting when its cancellation arrives is not carried out.
@Suite("crm lsp: cancellation")
struct CancellationTests {
    static func request(_ id: Int, _ method: String, _ params: JSON) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", .integer(id)), ("method", .string(method)), ("params", params)])
    }

    static func notification(_ method: String, _ params: JSON) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])
    }

    @Test("A request cancelled by a message that came with it is answered RequestCancelled; the others are answered")
    func batch() throws {
        var session = try EditorSession()
        let at = JSON.object(EditorSession.at("contacts/jana-mala.yaml", 0, 1, uri: session.uri).sorted { $0.key < $1.key }
            .map { (key: $0.key, value: $0.value) })
        let messages = [Self.request(50, "textDocument/completion", at),
                        Self.notification("$/cancelRequest", .object([("id", .integer(50))])),
                        Self.request(51, "textDocument/hover", at),
                        Self.notification("$/cancelRequest", .object([("id", .integer(7))]))]
        let replies = session.server.receive(batch: messages.map { Array($0.compact.utf8) })
        #expect(replies.count == 2, "a cancellation of a request answered before gets no reply")
        #expect(replies.first?["id"] == .integer(50) && replies.first?["error"]?["code"]?.int == -32800)
        #expect(replies.last?["id"] == .integer(51) && replies.last?["result"]?["contents"] != nil)
    }

    @Test("Over a connection, what waits is read together: a queued request and its cancellation, then shutdown and exit")
    func connection() throws {
        let fixture = try EditorSession(initialize: false).fixture
        let at = JSON.object([("textDocument", .object([("uri", .string(FileURI.uri(fixture.root + "/contacts/jana-mala.yaml")))])),
                              ("position", .object([("line", .integer(0)), ("character", .integer(1))]))])
        let messages = [Self.request(1, "initialize", .object([("rootUri", .string(FileURI.uri(fixture.root))), ("capabilities", .object([]))])),
                        Self.notification("initialized", .object([])),
                        Self.request(2, "textDocument/hover", at),
                        Self.notification("$/cancelRequest", .object([("id", .integer(2))])),
                        Self.request(3, "shutdown", .null),
                        Self.notification("exit", .null)]
        let input = Pipe()
        let output = Pipe()
        let bytes = messages.flatMap { MessageFramer.frame(Array($0.compact.utf8)) }
        input.fileHandleForWriting.write(Data(bytes))
        try input.fileHandleForWriting.close()
        var connection = ServerConnection(server: LanguageServer(root: nil, today: CivilDate("2026-11-22")!, now: CivilDateTime("2026-11-22T10:30")!),
                                          input: input.fileHandleForReading.fileDescriptor, output: output.fileHandleForWriting.fileDescriptor)
        #expect(try connection.run() == 0)
        try output.fileHandleForWriting.close()
        var framer = MessageFramer()
        framer.append(Array(output.fileHandleForReading.readDataToEndOfFile())[...])
        var replies: [JSON] = []
        while let body = try framer.next() { replies.append(try JSONReader.read(body)) }
        let answered = replies.compactMap { reply in reply["id"]?.int.map { ($0, reply["error"]?["code"]?.int) } }
        #expect(answered.map(\.0) == [1, 2, 3])
        #expect(answered.map(\.1) == [nil, -32800, nil])
    }
}

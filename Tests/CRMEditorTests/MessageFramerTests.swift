import Testing
@testable import CRMEditor

/// The base protocol's framing: messages split across reads or sharing one, headers in any
/// case, and headers that cannot be trusted refused.
@Suite("LSP framing")
struct MessageFramerTests {
    static func framed(_ body: String) -> [UInt8] { MessageFramer.frame(Array(body.utf8)) }

    @Test("Whole messages come out however the bytes arrive", arguments: [1, 2, 7, 1000])
    func chunks(size: Int) throws {
        let bytes = Self.framed(#"{"a":"čau"}"#) + Array("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8)
        var framer = MessageFramer()
        var bodies: [String] = []
        var offset = 0
        while offset < bytes.count {
            framer.append(bytes[offset..<min(bytes.count, offset + size)])
            offset += size
            while let body = try framer.next() { bodies.append(String(decoding: body, as: UTF8.self)) }
        }
        #expect(bodies == [#"{"a":"čau"}"#, "{}"])
        #expect(!framer.hasPartialMessage)
    }

    @Test("Headers that cannot be read are refused", arguments: [
        ("Content-Type: x\r\n\r\n{}", "a message without a Content-Length header"),
        ("Content-Length: ten\r\n\r\n{}", "Content-Length is 'ten', not a length"),
        ("Content-Length: -1\r\n\r\n{}", "Content-Length is '-1', not a length"),
        ("Content-Length: 99999999999\r\n\r\n", "a message of 99999999999 bytes; the limit is 67108864"),
        ("Content-Length 2\r\n\r\n{}", "a header line without a colon: 'Content-Length 2'"),
    ])
    func refused(text: String, message: String) {
        var framer = MessageFramer()
        framer.append(Array(text.utf8))
        #expect(throws: MessageFramer.FramingError(description: message)) { try framer.next() }
    }

    @Test("A header that never ends is refused instead of buffered")
    func endlessHeader() {
        var framer = MessageFramer()
        framer.append([UInt8](repeating: UInt8(ascii: "x"), count: 9000))
        #expect(throws: MessageFramer.FramingError.self) { try framer.next() }
    }
}

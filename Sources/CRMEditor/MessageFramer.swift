import CRMWorkspace

/// The base protocol's framing (LSP 3.17): each message is `Content-Length: N`, any other
/// headers, an empty line (`\r\n\r\n`), then N bytes of JSON. Bytes are appended as they
/// arrive; whole messages are taken out one at a time.
public struct MessageFramer: Sendable {
    /// The largest message body accepted; a bigger one is refused rather than buffered.
    public static let maximumLength = 64 << 20

    /// A header that cannot be read: the stream cannot be trusted past it.
    public struct FramingError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    private var buffer: [UInt8] = []
    private var start = 0

    public init() {}

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// True when bytes of an unfinished message wait.
    public var hasPartialMessage: Bool { start < buffer.count }

    /// The next whole message's body, or `nil` until one has arrived.
    public mutating func next() throws(FramingError) -> [UInt8]? {
        guard let headerEnd = headerEnd() else {
            if buffer.count - start > 8192 { throw FramingError(description: "a message header longer than 8192 bytes") }
            return nil
        }
        var length: Int?
        for line in buffer[start..<headerEnd].split(separator: 0x0A) {
            let text = String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else { throw FramingError(description: "a header line without a colon: '\(text)'") }
            let name = text[..<colon].lowercased()
            let value = text[text.index(after: colon)...].trimmingWhitespace()
            if name == "content-length" {
                guard let number = Int(value), number >= 0 else { throw FramingError(description: "Content-Length is '\(value)', not a length") }
                guard number <= Self.maximumLength else { throw FramingError(description: "a message of \(number) bytes; the limit is \(Self.maximumLength)") }
                length = number
            }
        }
        guard let length else { throw FramingError(description: "a message without a Content-Length header") }
        let bodyStart = headerEnd + 4
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        if start > 1 << 16 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        return body
    }

    /// Where `\r\n\r\n` begins after `start`.
    private func headerEnd() -> Int? {
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 0x0D && buffer[index + 1] == 0x0A && buffer[index + 2] == 0x0D && buffer[index + 3] == 0x0A { return index }
            index += 1
        }
        return nil
    }

    /// `body` framed for sending.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

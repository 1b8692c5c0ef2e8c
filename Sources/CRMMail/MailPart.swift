import CRMInterchange

/// One MIME entity (RFC 2045/2046): its headers and either its body or, for a multipart, its
/// parts, split at the boundary lines. Nesting is limited to `maximumDepth`; a multipart whose
/// boundary never appears is read as one text part, as mail readers show it.
public struct MailPart: Sendable {
    public static let maximumDepth = 32

    public var headers: MailHeaders
    /// `text/plain` unless the part says otherwise (`message/rfc822` inside a `multipart/digest`).
    public var contentType: MIMEParameters
    public var disposition: MIMEParameters?
    public var parts: [MailPart]
    /// The body as sent, not yet transfer-decoded; empty for a multipart.
    public var body: ArraySlice<UInt8>
    /// The line of the part's first header line in the whole input, for messages.
    public var line: Int

    /// Reads the entity in `bytes`, whose first line is line `line` of the input.
    public init(parsing bytes: ArraySlice<UInt8>, line: Int = 1, digest: Bool = false, depth: Int = 0) throws(ReadError) {
        guard depth <= Self.maximumDepth else {
            throw ReadError(line: line, column: 1, message: "MIME parts are nested more than \(Self.maximumDepth) deep",
                            hint: "the message is malformed or made to break mail readers")
        }
        self.line = line
        headers = MailHeaders(parsing: bytes)
        let declared = headers.field("content-type").map { MIMEParameters(parsing: $0.raw) }
        if let declared, declared.value.split(separator: "/").count == 2 {
            contentType = declared
        } else {
            contentType = MIMEParameters(parsing: Array((digest ? "message/rfc822" : "text/plain").utf8))
            if let charset = declared?["charset"] { contentType.parameters["charset"] = charset }
        }
        disposition = headers.field("content-disposition").map { MIMEParameters(parsing: $0.raw) }
        body = bytes[headers.bodyStart...]
        parts = []
        guard contentType.value.hasPrefix("multipart/"), let boundary = contentType["boundary"], !boundary.isEmpty else { return }
        let chunks = Self.split(body, boundary: Array(("--" + boundary).utf8), firstLine: line + headers.lineCount)
        guard !chunks.isEmpty else {
            contentType = MIMEParameters(parsing: Array("text/plain".utf8))
            return
        }
        let isDigest = contentType.value == "multipart/digest"
        for chunk in chunks {
            parts.append(try MailPart(parsing: chunk.bytes, line: chunk.line, digest: isDigest, depth: depth + 1))
        }
        body = body[body.endIndex...]
    }

    /// The parts between `--boundary` lines, up to `--boundary--` (or the end), each with its first line.
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8], firstLine: Int) -> [(bytes: ArraySlice<UInt8>, line: Int)] {
        var chunks: [(ArraySlice<UInt8>, Int)] = []
        var start: (index: Int, line: Int)?
        var index = body.startIndex
        var line = firstLine
        while index < body.endIndex {
            let end = body[index...].firstIndex(of: 0x0A) ?? body.endIndex
            let content = body[index..<end]
            if content.starts(with: boundary) {
                var rest = content.dropFirst(boundary.count)
                let closing = rest.starts(with: [0x2D, 0x2D])
                if closing { rest = rest.dropFirst(2) }
                if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    if let open = start {
                        // The line break before the boundary line belongs to the boundary.
                        var stop = index
                        if stop > open.index && body[stop - 1] == 0x0A { stop -= 1 }
                        if stop > open.index && body[stop - 1] == 0x0D { stop -= 1 }
                        chunks.append((body[open.index..<stop], open.line))
                    }
                    if closing { return chunks }
                    start = (min(end + 1, body.endIndex), line + 1)
                }
            }
            index = end + 1
            line += 1
        }
        if let open = start { chunks.append((body[open.index..<body.endIndex], open.line)) }
        return chunks
    }

    /// Whether the part says it is an attachment (`Content-Disposition: attachment`).
    public var isAttachment: Bool { disposition?.value == "attachment" }

    /// The file name: the disposition's `filename`, else the type's `name`.
    public var filename: String? {
        let name = disposition?["filename"] ?? contentType["name"]
        return name.map { $0.trimmingBlanks() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The body with its transfer encoding undone.
    public var decoded: [UInt8] {
        TransferEncoding(header: headers.rawText("content-transfer-encoding")).decode(body)
    }

    /// The body as text in its declared charset (US-ASCII when none is given); `nil` for an unknown
    /// charset, whose name `unknownCharset` gives.
    public var text: String? {
        guard let name = contentType["charset"] else { return MailCharset.guess(decoded) }
        return MailCharset(named: name)?.decode(decoded)
    }

    /// The declared charset when this reader does not know it.
    public var unknownCharset: String? {
        contentType["charset"].flatMap { MailCharset(named: $0) == nil ? $0 : nil }
    }

    /// This part and every part inside it, depth first.
    public var all: [MailPart] { [self] + parts.flatMap(\.all) }
}

import CRMInterchange

/// One e-mail message (RFC 5322 with MIME): what a CRM needs of it, decoded.
public struct MailMessage: Sendable {
    public var root: MailPart

    /// Reads a message; `line` is where it starts in its file (an mbox holds many).
    /// Refuses bytes that do not start with a header field.
    public init(parsing bytes: ArraySlice<UInt8>, line: Int = 1) throws(ReadError) {
        root = try MailPart(parsing: bytes, line: line)
        guard !root.headers.fields.isEmpty else {
            let excerpt = bytes.prefix { $0 != 0x0A }
            throw ReadError(line: line, column: 1,
                            message: excerpt.isEmpty ? "an empty message" : "not an e-mail message: it does not start with a header (Name: value)",
                            hint: "give crm log-email a message (.eml), an mbox file or a Maildir folder")
        }
    }

    public var headers: MailHeaders { root.headers }

    /// The subject, encoded words decoded, on one line.
    public var subject: String { (headers.text("subject") ?? "").trimmingBlanks() }

    public var from: [MailAddress] { addresses("from") }
    public var to: [MailAddress] { addresses("to") }
    public var cc: [MailAddress] { addresses("cc") }

    public func addresses(_ header: String) -> [MailAddress] {
        headers.all(header).flatMap { MailAddress.list($0.raw) }
    }

    /// When it was sent: seconds since 1970 UTC, from `Date` (else the mbox or `Received` time is not guessed).
    public var date: Int? { headers.rawText("date").flatMap(MailDate.instant) }

    /// `Message-ID` without its angle brackets.
    public var messageID: String? { Self.ids(headers.rawText("message-id") ?? "").first }

    /// The ids this message replies to, the direct parent first (`In-Reply-To`, then `References` newest first).
    public var parents: [String] {
        var ids = Self.ids(headers.rawText("in-reply-to") ?? "")
        for id in Self.ids(headers.rawText("references") ?? "").reversed() where !ids.contains(id) { ids.append(id) }
        return ids
    }

    /// The `<...>` ids in a header; a bare id when it has no brackets.
    static func ids(_ text: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = rest[rest.index(after: open)..<close].filter { !$0.isWhitespace }
            if !id.isEmpty { ids.append(String(id)) }
            rest = rest[rest.index(after: close)...]
        }
        let bare = text.trimmingBlanks()
        if ids.isEmpty && !bare.isEmpty && !bare.contains(" ") { ids.append(bare) }
        return ids
    }

    /// The part a reader shows as the message (Python's `get_body` order): not an attachment,
    /// `text/plain` preferred to `text/html`, the root of a `multipart/related`, the first found.
    public var body: MailPart? {
        var best: (rank: Int, part: MailPart)?
        for candidate in Self.candidates(root, isRoot: true) where best == nil || candidate.rank < best!.rank {
            best = candidate
            if candidate.rank == 0 { break }
        }
        return best?.part
    }

    private static func candidates(_ part: MailPart, isRoot: Bool = false) -> [(rank: Int, part: MailPart)] {
        if part.isAttachment { return [] }
        let type = part.contentType.value
        if type == "text/plain" { return [(0, part)] }
        if type == "text/html" { return [(1, part)] }
        guard type.hasPrefix("multipart/"), !part.parts.isEmpty else { return [] }
        if type != "multipart/related" { return part.parts.flatMap { candidates($0) } }
        let start = part.contentType["start"]
        let root = start.flatMap { start in part.parts.first { $0.headers.rawText("content-id")?.trimmingBlanks() == start } }
            ?? part.parts[0]
        return candidates(root)
    }

    /// The names of attached files, in order.
    public var attachments: [String] { root.all.compactMap(\.filename) }
}

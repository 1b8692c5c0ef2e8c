// Feeds arbitrary bytes to the mail reader, as `crm log-email` reads a file: split as an mbox
// (or taken as one message), each message parsed, its subject, addresses, date, body text,
// summary and attachment names computed. It must return a message or throw a `ReadError` with a
// line inside the input; it must never crash, whatever the nesting, encodings or boundaries.
import CRMMail
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let lines = lineCount(bytes)
    for item in MailSource.messages(in: bytes, path: "fuzz") {
        require(item.line >= 1 && item.line <= lines + 1, "message line \(item.line) outside 1...\(lines + 1)")
        let message: MailMessage
        do {
            message = try MailMessage(parsing: item.bytes, line: item.line)
        } catch {
            require(error.line >= 1 && error.line <= lines + 1, "error line \(error.line) outside 1...\(lines + 1): \(error)")
            require(error.column >= 1, "error column \(error.column) < 1: \(error)")
            continue
        }
        _ = (message.subject, message.from, message.to, message.cc, message.date, message.messageID, message.parents)
        _ = message.attachments
        if let body = message.body {
            let text = body.text ?? MailCharset.guess(body.decoded)
            let summary = MailSummary.summary(of: body.contentType.value == "text/html" ? HTMLText.text(text) : text, limit: 200)
            require(summary.count <= 200 + 60, "a summary of \(summary.count) characters is longer than its limit allows")
        }
    }
    return 0
}

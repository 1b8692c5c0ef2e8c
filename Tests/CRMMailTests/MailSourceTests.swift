import CRMInterchange
import CRMMail
import CRMTestSupport
import Foundation
import Testing

@Suite("Messages from pipes, .eml, mbox and Maildir")
struct MailSourceTests {
    static let mbox = """
        From jana@acme.cz Thu Nov 20 14:05:33 2026
        From: jana@acme.cz
        Subject: one

        First.
        >From the start of a line, quoted.
        >>From twice.

        From petr@acme.cz Thu Nov 20 15:00:00 2026
        From: petr@acme.cz
        Subject: two

        Second.

        """

    @Test("An mbox is split at its From lines, and >From is unquoted once")
    func mbox() throws {
        let items = MailSource.messages(in: Array(Self.mbox.utf8), path: "inbox.mbox")
        #expect(items.map(\.label) == ["inbox.mbox (message 1)", "inbox.mbox (message 2)"])
        #expect(items.map(\.line) == [2, 10])
        let first = try MailMessage(parsing: items[0].bytes)
        #expect(first.subject == "one")
        #expect(first.body?.text == "First.\nFrom the start of a line, quoted.\n>From twice.\n")
        #expect(try MailMessage(parsing: items[1].bytes).subject == "two")
    }

    @Test("A From line with nothing after it is no message (found by fuzz-mail)")
    func emptyMboxMessage() {
        #expect(MailSource.messages(in: Array("From 178Message-ID: <x@y>".utf8), path: "f").isEmpty)
        #expect(MailSource.messages(in: Array("From a\n\nFrom b\nSubject: x\n\nbody\n".utf8), path: "f").map(\.number) == [1])
    }

    @Test("A Maildir's cur and new are read, tmp is not; a folder's files in name order")
    func maildir() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("crm-maildir-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, subject) in [("box/cur/1.x:2,S", "read"), ("box/new/2.x", "new"), ("box/tmp/3.x", "half-written"), ("saved/b.eml", "b"),
                                ("saved/a.txt", "a")] {
            try FileManager.default.createDirectory(atPath: root + "/" + (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("From: a@b.cz\nSubject: \(subject)\n\nx\n".utf8).write(to: URL(fileURLWithPath: root + "/" + path))
        }
        let box = MailSource.messages(at: root + "/box", shown: "box")
        #expect(box.items.map(\.path) == ["box/cur/1.x:2,S", "box/new/2.x"])
        let saved = MailSource.messages(at: root + "/saved", shown: "saved")
        #expect(try saved.items.map { try MailMessage(parsing: $0.bytes).subject } == ["a", "b"])
        #expect(MailSource.messages(at: root + "/missing", shown: "missing").errors.count == 1)
    }

    @Test("What is not a message is refused with its line", arguments: [
        ("", 1, "an empty message"),
        ("just some text\nand more\n", 1, "not an e-mail message: it does not start with a header (Name: value)"),
        ("\u{0}\u{1}binary", 1, "not an e-mail message: it does not start with a header (Name: value)"),
    ])
    func notAMessage(text: String, line: Int, message: String) {
        #expect(throws: ReadError(line: line, column: 1, message: message,
                                  hint: "give crm log-email a message (.eml), an mbox file or a Maildir folder")) {
            try MailMessage(parsing: Array(text.utf8)[...])
        }
    }

    @Test("Parts nested too deep are refused at the line of the part")
    func depth() throws {
        var text = "From: a@b.cz\n"
        for level in 0...40 { text += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n" }
        let error = try #require(throws: ReadError.self) { try MailMessage(parsing: Array(text.utf8)[...]) }
        #expect(error.message == "MIME parts are nested more than 32 deep")
        #expect(error.line > 32)
    }

    @Test("A multipart whose boundary never comes is read as text; one never closed ends at the end")
    func brokenBoundary() throws {
        let missing = try MailMessage(parsing: Array("From: a@b.cz\nContent-Type: multipart/mixed; boundary=zz\n\nHello\n".utf8)[...])
        #expect(missing.body?.text == "Hello\n")
        let open = try MailMessage(parsing: Array("From: a@b.cz\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\n\nHello\n".utf8)[...])
        #expect(open.body?.text == "Hello\n")
    }

    @Test("A 50 MB attachment is read, its name kept, its bytes never decoded")
    func hugeAttachment() throws {
        var bytes = Array("From: a@b.cz\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: text/plain\n\nSee attached.\n--zz\n".utf8)
        bytes += Array("Content-Type: application/zip; name=\"data.zip\"\nContent-Transfer-Encoding: base64\n\n".utf8)
        let line = Array(String(repeating: "QUJD", count: 19).utf8) + [0x0A]
        bytes.reserveCapacity(bytes.count + 51 << 20)
        for _ in 0..<(50 << 20) / line.count { bytes += line }
        bytes += Array("--zz--\n".utf8)
        let message = try MailMessage(parsing: bytes[...])
        #expect(message.body?.text == "See attached.")
        #expect(message.attachments == ["data.zip"])
    }
}

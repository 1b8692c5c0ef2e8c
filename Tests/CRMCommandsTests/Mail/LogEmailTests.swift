import Foundation
import Testing

/// `crm log-email` on the messages of `MailCorpus`, in every form they arrive in.
@Suite("crm log-email", .serialized)
struct LogEmailTests {
    /// The id of the call logged for a label, from the command's output.
    static func id(in output: String, for label: String) throws -> String {
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("\(label): logged ") }, "\(output)")
        return String(line.dropFirst(label.count + ": logged ".count).prefix { $0 != " " })
    }

    @Test("Outlook, mutt and Thunderbird messages become the calls a person would write")
    func corpus() throws {
        let fixture = try MailFixture.workspace()
        try MailFixture.write(MailCorpus.outlook, to: "mail/offer.eml", in: fixture)
        try MailFixture.write(MailCorpus.mutt, to: "mail/reply.eml", in: fixture, crlf: false)
        try MailFixture.write(MailCorpus.thunderbird, to: "mail/complaint.eml", in: fixture)
        let result = fixture.crm(["log-email", "mail/offer.eml", "mail/reply.eml", "mail/complaint.eml"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasSuffix("logged 3, already logged 0, unmatched 0\n"))
        let offer = try Self.id(in: result.output, for: "mail/offer.eml")
        #expect(try MailFixture.call(offer, in: fixture) == """
            customer: acme
            contact: jana-dvorakova
            at: 2026-11-20T14:05
            direction: outbound
            channel: email
            by: martin
            subject: Nabídka servisu
            summary: |-
              Dobrý den,

              posílám nabídku servisu kompresorů na prosinec. Cena je 12 500 Kč bez DPH.

              S pozdravem
              Martin Kos
            message-id: outlook-1@strojservis.example.cz
            attachments: [Nabídka 2026.pdf]

            """)
        let reply = try Self.id(in: result.output, for: "mail/reply.eml")
        #expect(result.output.contains("mail/reply.eml: logged \(reply) (acme, jana-dvorakova), a reply to \(offer)"))
        #expect(try MailFixture.call(reply, in: fixture) == """
            customer: acme
            contact: jana-dvorakova
            at: 2026-11-21T09:12
            direction: inbound
            channel: email
            by: martin
            subject: 'Re: Nabídka servisu'
            summary: |-
              Dobrý den,

              nabídku přijímáme, termín 3. 12. nám vyhovuje.
            message-id: 20261121081240.GA1234@acme.example.cz
            in-reply-to: \(offer)

            """)
        let complaint = try Self.id(in: result.output, for: "mail/complaint.eml")
        #expect(try MailFixture.call(complaint, in: fixture) == """
            customer: beta
            at: 2026-11-22T08:30
            direction: inbound
            channel: email
            by: servis
            subject: Reklamace kompresoru č. 7
            summary: |-
              Dobrý den,
              kompresor č. 7 opět netěsní. Prosím o servis.

              Ondřej Král
            message-id: 5e1f0c2a-1d2b-4c3e-9f00-1a2b3c4d5e6f@beta.example.cz
            attachments: [fotka kompresoru č. 7.jpg]

            """)
        #expect(try fixture.git("log", "-1", "--format=%s") == "crm: log-email 3 messages\n")
        #expect(fixture.crm(["show", "acme"]).output.contains("↳ Re: Nabídka servisu"))
        #expect(try fixture.git("status", "--porcelain", "calls") == "")
    }

    @Test("A Gmail mbox: the contact's free-mail address matches, a stranger's does not, and says so with exit 1")
    func gmailMbox() throws {
        let fixture = try MailFixture.workspace()
        try MailFixture.write(MailCorpus.gmail, to: "takeout.mbox", in: fixture, crlf: false)
        let result = fixture.crm(["log-email", "takeout.mbox"])
        #expect(result.status == 1)
        #expect(result.errors.contains("takeout.mbox (message 2): no customer has neznamy.zakaznik@gmail.com; say which with --customer"))
        let call = try MailFixture.call(try Self.id(in: result.output, for: "takeout.mbox (message 1)"), in: fixture)
        #expect(call.contains("customer: beta\ncontact: petr-hruby\nat: 2026-11-23T11:00\ndirection: inbound\n"))
        #expect(call.contains("subject: Objednávka dílů\nsummary: Objednávám 2 ks filtru.\n"))
        #expect(result.output.hasSuffix("logged 1, already logged 0, unmatched 1\n"))
        let again = fixture.crm(["log-email", "takeout.mbox", "--customer", "Jan Novák"])
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.contains("takeout.mbox (message 1): already logged as "))
        #expect(again.output.contains("takeout.mbox (message 2): logged "))
        #expect(again.output.hasSuffix("logged 1, already logged 1, unmatched 0\n"))
    }

    @Test("A Maildir is read from cur and new; a second run logs nothing and commits nothing")
    func maildirOnce() throws {
        let fixture = try MailFixture.workspace()
        try MailFixture.write(MailCorpus.outlook, to: "Maildir/cur/1700000000.1.host:2,S", in: fixture)
        try MailFixture.write(MailCorpus.mutt, to: "Maildir/new/1700000001.2.host", in: fixture)
        try MailFixture.write("half", to: "Maildir/tmp/1700000002.3.host", in: fixture)
        let first = fixture.crm(["log-email", "Maildir"])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.hasSuffix("logged 2, already logged 0, unmatched 0\n"))
        let head = try fixture.git("rev-parse", "HEAD")
        let second = fixture.crm(["log-email", "Maildir"])
        #expect(second.status == 0)
        #expect(second.output.hasSuffix("logged 0, already logged 2, unmatched 0\n"))
        #expect(try fixture.git("rev-parse", "HEAD") == head)
    }

    @Test("--dry-run says what would be logged and writes nothing")
    func dryRun() throws {
        let fixture = try MailFixture.workspace()
        try MailFixture.write(MailCorpus.outlook, to: "offer.eml", in: fixture)
        try fixture.git("add", "offer.eml")
        try fixture.git("commit", "-qm", "a message")
        let head = try fixture.git("rev-parse", "HEAD")
        let result = fixture.crm(["log-email", "offer.eml", "--dry-run"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("offer.eml: would log "))
        #expect(result.output.hasSuffix("would log 1, already logged 0, unmatched 0\n"))
        #expect(try fixture.git("rev-parse", "HEAD") == head)
        #expect(try fixture.git("status", "--porcelain") == "")
    }

    @Test("A mail client's pipe: one message on standard input, --format json for scripts")
    func pipe() throws {
        let fixture = try MailFixture.workspace()
        let result = fixture.crm(["log-email", "--format", "json"], input: MailCorpus.mutt.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        #expect(result.status == 0, "\(result.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]).first
        #expect(object?["source"] as? String == "-")
        #expect(object?["status"] as? String == "logged")
        #expect(object?["customer"] as? String == "acme")
        #expect(object?["message-id"] as? String == "20261121081240.GA1234@acme.example.cz")
    }

    @Test("A workspace whose call type lacks the fields is told exactly what to add, and nothing changes")
    func missingFields() throws {
        let fixture = try MailFixture.workspace()
        let type = try fixture.read(".crm/types/call.yaml")
        try fixture.write(".crm/types/call.yaml", String(type[..<type.range(of: "message-id:")!.lowerBound]))
        try fixture.git("commit", "-qam", "an older call type")
        try MailFixture.write(MailCorpus.mutt, to: "reply.eml", in: fixture)
        let result = fixture.crm(["log-email", "reply.eml"])
        #expect(result.status == 2)
        #expect(result.errors.contains("the call type has no field 'message-id', 'attachments', 'in-reply-to', which logged e-mail needs"))
        #expect(result.errors.contains("hint: add the fields above to .crm/types/call.yaml\n"))
        #expect(result.errors.contains("message-id:\n  kind: text\n  unique: true\n"))
        #expect(try fixture.git("status", "--porcelain", "calls") == "")
    }

    @Test("What is not a message is reported with its file and line; the other messages are logged, exit 2")
    func notAMessage() throws {
        let fixture = try MailFixture.workspace()
        try MailFixture.write("just a note\n", to: "mail/note.txt", in: fixture)
        try MailFixture.write(MailCorpus.mutt, to: "mail/reply.eml", in: fixture)
        let result = fixture.crm(["log-email", "mail"])
        #expect(result.status == 2)
        #expect(result.errors.contains("mail/note.txt:1:1: error: not an e-mail message: it does not start with a header (Name: value)"))
        #expect(result.output.contains("mail/reply.eml: logged "))
        #expect(result.output.hasSuffix("logged 1, already logged 0, unmatched 0, not logged 1\n"))
    }

    @Test("Without a Message-ID a digest of the headers stands in, so it is logged once; an unknown charset is said")
    func digest() throws {
        let fixture = try MailFixture.workspace()
        let message = """
            From: jana.dvorakova@acme.example.cz
            To: martin@strojservis.example.cz
            Subject: Bez ID
            Date: Fri, 21 Nov 2026 10:00:00 +0100
            Content-Type: text/plain; charset=koi8-r

            Dobry den.

            """
        try MailFixture.write(message, to: "a.eml", in: fixture)
        let first = fixture.crm(["log-email", "a.eml"])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.errors.contains("a.eml: charset 'koi8-r' is not known: the text was read as UTF-8 or Windows-1250"))
        let call = try MailFixture.call(try Self.id(in: first.output, for: "a.eml"), in: fixture)
        #expect(call.contains("message-id: digest-"))
        #expect(call.contains("summary: Dobry den.\n"))
        let second = fixture.crm(["log-email", "a.eml"])
        #expect(second.output.hasPrefix("a.eml: already logged as "))
    }

    @Test("--outcome declined:OFFER logs the answer and records the opt-out, in the same commit")
    func declined() throws {
        let fixture = try MailFixture.workspace()
        try MailFixture.write(MailCorpus.mutt, to: "reply.eml", in: fixture)
        let result = fixture.crm(["log-email", "reply.eml", "--outcome", "declined:newsletter"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("acme: + opt-outs: newsletter"))
        #expect(try fixture.read("customers/acme.yaml").contains("opt-outs: [newsletter]"))
        #expect(try fixture.git("show", "--stat", "--format=", "HEAD").contains("customers/acme.yaml"))
        #expect(try MailFixture.call(try Self.id(in: result.output, for: "reply.eml"), in: fixture).contains("outcome: declined:newsletter\n"))
    }
}

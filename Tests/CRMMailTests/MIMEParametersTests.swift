import Foundation
import CRMMail
import Testing

@Suite("MIME parameters (RFC 2045, RFC 2231)")
struct MIMEParametersTests {
    @Test(arguments: [
        ("text/plain; charset=\"UTF-8\"", "text/plain", "charset", "UTF-8"),
        ("Text/HTML;Charset=iso-8859-2", "text/html", "charset", "iso-8859-2"),
        ("multipart/mixed;\r\n boundary=\"----=_Part_1\"", "multipart/mixed", "boundary", "----=_Part_1"),
        ("attachment; filename*=utf-8''objedn%C3%A1vka.pdf", "attachment", "filename", "objednávka.pdf"),
        ("attachment; filename*=iso-8859-2'cs'%E8%ED.txt", "attachment", "filename", "čí.txt"),
        ("attachment; filename*0*=utf-8''objedn%C3%A1; filename*1=\"vka 2026.pdf\"", "attachment", "filename", "objednávka 2026.pdf"),
        ("attachment; filename*1=\"b.pdf\"; filename*0=\"a\"", "attachment", "filename", "ab.pdf"),
        ("attachment; filename=\"=?utf-8?B?Y2Vuw61rLnhsc3g=?=\"", "attachment", "filename", "ceník.xlsx"),
        ("attachment; filename=\"say \\\"hi\\\".txt\"", "attachment", "filename", "say \"hi\".txt"),
        ("text/plain (a comment); charset=us-ascii", "text/plain", "charset", "us-ascii"),
    ])
    func parameters(raw: String, value: String, name: String, expected: String) {
        let parsed = MIMEParameters(parsing: Array(raw.utf8))
        #expect(parsed.value == value)
        #expect(parsed[name] == expected)
    }
}

@Suite("Addresses and dates")
struct AddressDateTests {
    @Test(arguments: [
        ("Jana <jana@acme.cz>", [MailAddress(name: "Jana", address: "jana@acme.cz")]),
        ("\"Dvořáková, Jana\" <jana@acme.cz>, petr@acme.cz", [MailAddress(name: "Dvořáková, Jana", address: "jana@acme.cz"),
                                                          MailAddress(address: "petr@acme.cz")]),
        ("petr@acme.cz (Petr Novák)", [MailAddress(address: "petr@acme.cz")]),
        ("tým: a@x.cz, b@x.cz;, c@y.cz", [MailAddress(address: "a@x.cz"), MailAddress(address: "b@x.cz"), MailAddress(address: "c@y.cz")]),
        ("undisclosed-recipients:;", []),
        ("<@route.cz:jana@acme.cz>", [MailAddress(address: "jana@acme.cz")]),
        ("nonsense", []),
    ])
    func addresses(raw: String, expected: [MailAddress]) {
        #expect(MailAddress.list(Array(raw.utf8)) == expected)
    }

    @Test(arguments: [
        ("Thu, 20 Nov 2026 14:05:33 +0100", 1_795_179_933),
        ("20 Nov 2026 14:05:33 +0100", 1_795_179_933),
        ("Thu, 20 Nov 2026 13:05:33 GMT", 1_795_179_933),
        ("Thu, 20 Nov 2026 08:05:33 EST", 1_795_179_933),
        ("Thu, 20 Nov 26 14:05:33 +0100 (CET)", 1_795_179_933),
        ("Thu, 20 Nov 2026 14:05 +0100", 1_795_179_900),
        ("Nov 20 2026 13:05:33 +0000", 1_795_179_933),
    ])
    func dates(raw: String, expected: Int) {
        #expect(MailDate.instant(raw) == expected)
    }

    @Test(arguments: ["", "yesterday", "Thu, 32 Nov 2026 14:05 +0100", "Thu, 20 Nov 2026 25:00 +0100"])
    func badDates(raw: String) {
        #expect(MailDate.instant(raw) == nil)
    }

    @Test("Local time follows the zone's rules, summer time included")
    func local() throws {
        let prague = try #require(TimeZone(identifier: "Europe/Prague"))
        #expect(MailDate.local(1_795_179_933, in: prague).description == "2026-11-20T14:05:33")
        #expect(MailDate.local(1_782_900_000, in: prague).description == "2026-07-01T12:00")
    }
}

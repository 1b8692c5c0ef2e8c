import CRMMail
import Testing

@Suite("Encoded words (RFC 2047)")
struct EncodedWordTests {
    /// RFC 2047 section 8's examples, and what Czech mail brings.
    @Test(arguments: [
        ("(=?ISO-8859-1?Q?a?=)", "(a)"),
        ("(=?ISO-8859-1?Q?a?= b)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a_b?=)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", "(a b)"),
        ("=?utf-8?B?T2JqZWRuw6F2a2E=?=", "Objednávka"),
        ("=?utf-8?b?T2JqZWRuw6F2a2E?=", "Objednávka"),
        ("Re: =?iso-8859-2?Q?=C8=ED_faktury?=", "Re: Čí faktury"),
        ("=?windows-1250?Q?=8Akoda?=", "Škoda"),
        ("=?utf-8?Q?=C5?= =?utf-8?Q?=A1?=", "š"),
        ("=?utf-8*cs?Q?=C5=A1?=", "š"),
        ("plain text", "plain text"),
        ("=?utf-8?X?bad?=", "=?utf-8?X?bad?="),
        ("=?utf-8?Q?not closed", "=?utf-8?Q?not closed"),
        ("Cena=?utf-8?Q?_=E2=82=AC?=", "Cena €"),
    ])
    func decode(raw: String, expected: String) {
        #expect(EncodedWords.decode(Array(raw.utf8)) == expected)
    }

    @Test("A display name's adjacent words join without the blank, as RFC 2047 says")
    func displayName() {
        let list = MailAddress.list(Array("=?utf-8?Q?Jana_Dvo=C5=99?= =?utf-8?Q?=C3=A1kov=C3=A1?= <jana@acme.cz>".utf8))
        #expect(list == [MailAddress(name: "Jana Dvořáková", address: "jana@acme.cz")])
    }
}

@Suite("Transfer encodings")
struct TransferEncodingTests {
    @Test(arguments: [
        ("a=3Db", "a=b"),
        ("soft=\r\nbreak", "softbreak"),
        ("soft=\nbreak", "softbreak"),
        ("trailing= \r\nblank", "trailingblank"),
        ("lower=c3=a1", "lowerá"),
        ("stray = sign", "stray = sign"),
        ("end=", "end="),
    ])
    func quotedPrintable(raw: String, expected: String) {
        #expect(String(decoding: TransferEncoding.quotedPrintable(Array(raw.utf8), header: false), as: UTF8.self) == expected)
    }

    @Test(arguments: [("w6E=", "á"), ("w6E", "á"), ("w6\r\nE=", "á"), ("", ""), ("YWJj", "abc"), ("Y*W\u{1}Jj", "abc")])
    func base64(raw: String, expected: String) {
        #expect(String(decoding: TransferEncoding.base64(Array(raw.utf8)), as: UTF8.self) == expected)
    }

    @Test("Every charset decodes its Czech letters", arguments: [
        (MailCharset.latin2, [0xA9, 0xB9, 0xC8, 0xE8, 0xF8] as [UInt8], "ŠšČčř"),
        (.windows1250, [0x8A, 0x9A, 0xC8, 0xE8, 0xF8], "ŠšČčř"),
        (.latin1, [0xE9, 0xFC], "éü"),
        (.usASCII, [0x41, 0xC8], "A\u{FFFD}"),
        (.utf8, [0xC5, 0xA1, 0xFF], "š\u{FFFD}"),
    ])
    func charsets(charset: MailCharset, bytes: [UInt8], expected: String) {
        #expect(charset.decode(bytes) == expected)
    }

    @Test(arguments: [("UTF8", MailCharset.utf8), ("cp1250", .windows1250), ("Latin2", .latin2), ("ISO_8859-1", .latin1), ("ascii", .usASCII)])
    func aliases(name: String, expected: MailCharset) {
        #expect(MailCharset(named: name) == expected)
    }

    @Test func unknownCharset() {
        #expect(MailCharset(named: "koi8-r") == nil)
    }
}

import Testing
@testable import CRMInterchange

/// A file as an exporter writes it, with the cards it must read as.
struct VCardExporterCase: CustomTestStringConvertible, Sendable {
    let exporter: String
    let bytes: [UInt8]
    let cards: [VCard]

    /// `text` with its line feeds as CRLF when `crlf`, as most exporters write.
    init(_ exporter: String, crlf: Bool = true, _ text: String, _ cards: VCard...) {
        self.exporter = exporter
        self.bytes = Array((crlf ? text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") : text).utf8)
        self.cards = cards
    }

    var testDescription: String { exporter }
}

/// A `TYPE` parameter.
func vCardType(_ values: String...) -> VCardParameter { VCardParameter("TYPE", values) }

let vCardExporterCases: [VCardExporterCase] = [
    VCardExporterCase("Apple Contacts 3.0", """
        BEGIN:VCARD
        VERSION:3.0
        PRODID:-//Apple Inc.//macOS 14.4//EN
        N:Nováková;Jana;;;
        FN:Jana Nováková
        ORG:Acme\\, s.r.o.;Sales
        EMAIL;type=INTERNET;type=WORK;type=pref:jana@acme.cz
        TEL;type=CELL;type=VOICE;type=pref:+420 601 123 456
        item1.ADR;type=WORK;type=pref:;;Václavské náměstí 1;Praha;;110 00;Czech Republic
        item1.X-ABADR:cz
        item2.URL;type=pref:https://acme.cz/?a=1,b=2
        item2.X-ABLabel:_$!<HomePage>!$_
        NOTE:Met at the fair\\, 2025.\\nPrefers email\\; no calls.
        END:VCARD
        """, VCard(version: "3.0", properties: [
            VCardProperty("PRODID", "-//Apple Inc.//macOS 14.4//EN"),
            VCardProperty("N", components: [["Nováková"], ["Jana"], [""], [""], [""]]),
            VCardProperty("FN", "Jana Nováková"),
            VCardProperty("ORG", components: [["Acme, s.r.o."], ["Sales"]]),
            VCardProperty("EMAIL", "jana@acme.cz", parameters: [vCardType("INTERNET"), vCardType("WORK"), vCardType("pref")]),
            VCardProperty("TEL", "+420 601 123 456", parameters: [vCardType("CELL"), vCardType("VOICE"), vCardType("pref")]),
            VCardProperty("ADR", parameters: [vCardType("WORK"), vCardType("pref")],
                          components: [[""], [""], ["Václavské náměstí 1"], ["Praha"], [""], ["110 00"], ["Czech Republic"]], group: "item1"),
            VCardProperty("X-ABADR", components: [["cz"]], group: "item1"),
            VCardProperty("URL", parameters: [vCardType("pref")], components: [["https://acme.cz/?a=1,b=2"]], group: "item2"),
            VCardProperty("X-ABLABEL", components: [["_$!<HomePage>!$_"]], group: "item2"),
            VCardProperty("NOTE", "Met at the fair, 2025.\nPrefers email; no calls."),
        ])),
    VCardExporterCase("Google Contacts 3.0", """
        BEGIN:VCARD
        VERSION:3.0
        FN:Petr Svoboda
        N:Svoboda;Petr;;;
        EMAIL;TYPE=INTERNET;TYPE=HOME:petr@example.com
        TEL;TYPE=CELL:+420 777 000 111
        ADR;TYPE=HOME:;;Dlouhá 5;Brno;;602 00;CZ
        ORG:Svoboda a syn
        BDAY:1980-04-15
        CATEGORIES:myContacts,Customers
        END:VCARD
        """, VCard(version: "3.0", properties: [
            VCardProperty("FN", "Petr Svoboda"),
            VCardProperty("N", components: [["Svoboda"], ["Petr"], [""], [""], [""]]),
            VCardProperty("EMAIL", "petr@example.com", parameters: [vCardType("INTERNET"), vCardType("HOME")]),
            VCardProperty("TEL", "+420 777 000 111", parameters: [vCardType("CELL")]),
            VCardProperty("ADR", parameters: [vCardType("HOME")], components: [[""], [""], ["Dlouhá 5"], ["Brno"], [""], ["602 00"], ["CZ"]]),
            VCardProperty("ORG", components: [["Svoboda a syn"]]),
            VCardProperty("BDAY", "1980-04-15"),
            VCardProperty("CATEGORIES", components: [["myContacts", "Customers"]]),
        ])),
    VCardExporterCase("Thunderbird 4.0, LF, folded", crlf: false, """
        BEGIN:VCARD
        VERSION:4.0
        PRODID:-//Sabre//Sabre VObject 4.5.4//EN
        N:Dvořák;Karel;;;
        FN:Karel Dvořák
        EMAIL;PREF=1:karel@example.org
        TEL;TYPE="work,voice";VALUE=TEXT:+420 222 333 444
        NOTE:Line one\\nLine two\\, with a comma and a long tail that the exporter f
         olded\\; twice over the line li
        \tmit
        NICKNAME:Kája,KD
        UID:2c9a7f7e-5a0c-4d4a-9c1b-3f0a2e4c9d11
        END:VCARD

        """, VCard(version: "4.0", properties: [
            VCardProperty("PRODID", "-//Sabre//Sabre VObject 4.5.4//EN"),
            VCardProperty("N", components: [["Dvořák"], ["Karel"], [""], [""], [""]]),
            VCardProperty("FN", "Karel Dvořák"),
            VCardProperty("EMAIL", "karel@example.org", parameters: [VCardParameter("PREF", ["1"])]),
            VCardProperty("TEL", "+420 222 333 444", parameters: [vCardType("work", "voice"), VCardParameter("VALUE", ["TEXT"])]),
            VCardProperty("NOTE", "Line one\nLine two, with a comma and a long tail that the exporter folded; twice over the line limit"),
            VCardProperty("NICKNAME", components: [["Kája", "KD"]]),
            VCardProperty("UID", "2c9a7f7e-5a0c-4d4a-9c1b-3f0a2e4c9d11"),
        ])),
    VCardExporterCase("RFC 6350 4.0", """
        BEGIN:VCARD
        VERSION:4.0
        FN:Simon Perreault
        N:Perreault;Simon;;;ing. jr,M.Sc.
        BDAY:--0203
        GENDER:M
        TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-418-656-9254;ext=102
        ADR;TYPE=work;LABEL="2875 boul. Laurier, D2-630^nQuebec":;;2875 boul. Laurier\\, D2-630;Quebec;QC;G1V 2M2;Canada
        GEO:geo:46.772673,-71.282945
        PHOTO:data:image/jpeg;base64,/9j/4AAQ
        END:VCARD
        """, VCard(version: "4.0", properties: [
            VCardProperty("FN", "Simon Perreault"),
            VCardProperty("N", components: [["Perreault"], ["Simon"], [""], [""], ["ing. jr", "M.Sc."]]),
            VCardProperty("BDAY", "--0203"),
            VCardProperty("GENDER", components: [["M"]]),
            VCardProperty("TEL", "tel:+1-418-656-9254;ext=102",
                          parameters: [VCardParameter("VALUE", ["uri"]), vCardType("work", "voice"), VCardParameter("PREF", ["1"])]),
            VCardProperty("ADR", parameters: [vCardType("work"), VCardParameter("LABEL", ["2875 boul. Laurier, D2-630\nQuebec"])],
                          components: [[""], [""], ["2875 boul. Laurier, D2-630"], ["Quebec"], ["QC"], ["G1V 2M2"], ["Canada"]]),
            VCardProperty("GEO", "geo:46.772673,-71.282945"),
            VCardProperty("PHOTO", "data:image/jpeg;base64,/9j/4AAQ"),
        ])),
    VCardExporterCase("Android 2.1, quoted-printable", """
        BEGIN:VCARD
        VERSION:2.1
        N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C5=BDlu=C5=A5ou=C4=8Dk=C3=BD;P=C5=99=C3=ADli=C5=A1;;;
        FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:P=C5=99=C3=ADli=C5=A1 =C5=BElu=C5=A5ou=C4=8Dk=C3=BD
        TEL;WORK;VOICE:+420 123 456 789
        TEL;CELL:+420 777 888 999
        ADR;HOME;QUOTED-PRINTABLE:;;Hlavn=C3=AD 1;Plze=C5=88;;301 00;=C4=8Cesko
        NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:P=C5=99=C3=ADli=C5=A1 =C5=BElu=C5=A5ou=C4=8Dk=C3=BD k=C5=AF=C5=88 =C3=BAp=
        =C4=9Bl =C4=8F=C3=A1belsk=C3=A9 =C3=B3dy
        PHOTO;ENCODING=BASE64;JPEG:
         /9j/4AAQSkZJRgABAQ
         AAAQABAAD

        END:VCARD
        """, VCard(version: "2.1", properties: [
            VCardProperty("N", components: [["Žluťoučký"], ["Příliš"], [""], [""], [""]]),
            VCardProperty("FN", "Příliš žluťoučký"),
            VCardProperty("TEL", "+420 123 456 789", parameters: [vCardType("WORK", "VOICE")]),
            VCardProperty("TEL", "+420 777 888 999", parameters: [vCardType("CELL")]),
            VCardProperty("ADR", parameters: [vCardType("HOME")], components: [[""], [""], ["Hlavní 1"], ["Plzeň"], [""], ["301 00"], ["Česko"]]),
            VCardProperty("NOTE", "Příliš žluťoučký kůň úpěl ďábelské ódy"),
            VCardProperty("PHOTO", "/9j/4AAQSkZJRgABAQAAAQABAAD", parameters: [VCardParameter("ENCODING", ["BASE64"]), vCardType("JPEG")]),
        ])),
]

/// The physical lines of written output, which must each end with CRLF.
func contentLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    #expect(bytes.suffix(2) == [0x0D, 0x0A], "output ends with CRLF")
    return bytes.split(separator: 0x0A).map { line in
        #expect(line.last == 0x0D, "line ends with CRLF")
        return line.dropLast()
    }
}

@Suite("vCard reader and writer")
struct VCardTests {
    @Test("Reads what exporters write", arguments: vCardExporterCases)
    func readsExporterOutput(_ example: VCardExporterCase) throws {
        #expect(try VCardReader.read(example.bytes) == example.cards)
    }

    @Test("Read, write and read again gives the same cards, in lines of at most 75 octets", arguments: vCardExporterCases)
    func roundTrip(_ example: VCardExporterCase) throws {
        let cards = try VCardReader.read(example.bytes)
        let written = VCardWriter.write(cards)
        #expect(contentLines(written).allSatisfy { $0.count <= 75 })
        #expect(try VCardReader.read(written) == cards)
    }

    @Test("Accessors: parameters in any case and style, display text, lookup by name")
    func accessors() throws {
        let apple = try VCardReader.read(vCardExporterCases[0].bytes)[0]
        #expect(apple.first("email")?.parameter("type") == ["INTERNET", "WORK", "pref"])
        #expect(apple.first("ADR")?.text == "Václavské náměstí 1, Praha, 110 00, Czech Republic")
        #expect(apple.first("N")?.text == "Nováková, Jana")
        #expect(apple["x-abadr"].map(\.group) == ["item1"])
        let perreault = try VCardReader.read(vCardExporterCases[3].bytes)[0]
        #expect(perreault.first("TEL")?.parameter("TYPE") == ["work", "voice"])
        #expect(perreault.first("N")?.text == "Perreault, Simon, ing. jr, M.Sc.")
        let android = try VCardReader.read(vCardExporterCases[4].bytes)[0]
        #expect(android["TEL"].map(\.text) == ["+420 123 456 789", "+420 777 888 999"])
        #expect(android.first("PHOTO")?.parameter("encoding") == ["BASE64"])
    }

    @Test("Several cards with a byte order mark, blank lines between and their BEGIN lines")
    func severalCards() throws {
        let text = "\u{FEFF}\nBEGIN:VCARD\nVERSION:4.0\nFN:A\nEND:VCARD\n\n  \nbegin:vcard\nversion:3.0\nfn:B\nend:vcard\n"
        let cards = try VCardReader.read(Array(text.utf8))
        #expect(cards == [VCard(version: "4.0", properties: [VCardProperty("FN", "A")]),
                          VCard(version: "3.0", properties: [VCardProperty("FN", "B")])])
        #expect(cards.map(\.line) == [2, 8])
    }

    @Test("Quoted-printable soft line breaks, folded or before a blank line, and ISO-8859-1")
    func quotedPrintable() throws {
        let text = "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;QUOTED-PRINTABLE:P=\r\n =C5=99=\r\n\r\nFN:b\r\n"
            + "ORG;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Pl=E1n=\r\n=E9 s.r.o.\r\nEND:VCARD\r\n"
        let expected = VCard(version: "2.1", properties: [
            VCardProperty("NOTE", "Př"), VCardProperty("FN", "b"), VCardProperty("ORG", components: [["Pláné s.r.o."]]),
        ])
        #expect(try VCardReader.read(Array(text.utf8)) == [expected])
    }

    @Test("Writes escaped, quoted and CRLF-terminated lines")
    func writesCard() throws {
        let card = VCard(properties: [
            VCardProperty("fn", "Jana Nováková"),
            VCardProperty("N", components: [["Nováková"], ["Jana"], [""], [""], [""]]),
            VCardProperty("ORG", components: [["Acme, s.r.o."], ["Sales"]]),
            VCardProperty("EMAIL", "jana@acme.cz", parameters: [vCardType("work", "pref")]),
            VCardProperty("ADR", parameters: [VCardParameter("LABEL", ["Dlouhá 5\nBrno, \"CZ\""])],
                          components: [[""], [""], ["Dlouhá 5"], ["Brno"], [""], ["602 00"], ["CZ"]]),
            VCardProperty("CATEGORIES", components: [["vip", "key, account"]]),
            VCardProperty("NOTE", "Call back; ask about C:\\paths,\nthen email."),
            VCardProperty("URL", "https://acme.cz/a;b,c"),
            VCardProperty("X-CRM-ID", components: [["acme-1"]], group: "crm"),
        ])
        let expected = """
            BEGIN:VCARD
            VERSION:4.0
            FN:Jana Nováková
            N:Nováková;Jana;;;
            ORG:Acme\\, s.r.o.;Sales
            EMAIL;TYPE=work,pref:jana@acme.cz
            ADR;LABEL="Dlouhá 5^nBrno, ^'CZ^'":;;Dlouhá 5;Brno;;602 00;CZ
            CATEGORIES:vip,key\\, account
            NOTE:Call back\\; ask about C:\\\\paths\\,\\nthen email.
            URL:https://acme.cz/a;b,c
            crm.X-CRM-ID:acme-1
            END:VCARD

            """
        #expect(VCardWriter.write([card]) == Array(expected.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n").utf8))
        #expect(try VCardReader.read(VCardWriter.write([card])) == [card])
        #expect(ContentLine.escape("a\r\nb\rc\n") == "a\\nb\\nc\\n")
    }

    @Test("Folding at 75 octets never splits a UTF-8 sequence, and unfolding restores the line", arguments: [
        String(repeating: "a", count: 75), String(repeating: "a", count: 76), String(repeating: "a", count: 74) + "žluťoučký",
        String(repeating: "b", count: 73) + String(repeating: "€", count: 30), String(repeating: "c", count: 72) + "😀😀😀👩‍👩‍👧",
        String(repeating: "Příliš žluťoučký kůň úpěl ďábelské ódy. ", count: 8), String(repeating: "ž", count: 200),
    ])
    func folding(_ line: String) throws {
        var output: [UInt8] = []
        ContentLine.fold(line, into: &output)
        let lines = contentLines(output)
        for (index, physical) in lines.enumerated() {
            #expect(physical.count <= 75)
            #expect(index == lines.count - 1 || physical.count >= 72, "folds only when the line is full")
            #expect(index == 0 || physical.first == 0x20)
            #expect(String(validating: physical, as: UTF8.self) != nil, "line \(index + 1) is valid UTF-8 on its own")
        }
        #expect(ContentLine.unfold(output[...]).map(\.bytes) == [Array(line.utf8)])
        let note = VCard(properties: [VCardProperty("NOTE", line)])
        #expect(try VCardReader.read(VCardWriter.write([note])) == [note])
    }

    @Test("TEXT escaping round trips", arguments: [
        "plain", "a,b;c", "C:\\path\\n", "trailing \\", "two\nlines", "\\,", "Příliš, žluťoučký; kůň\núpěl", "",
    ])
    func escaping(_ text: String) {
        let escaped = ContentLine.escape(text)
        #expect(ContentLine.unescape(escaped) == text)
        #expect(ContentLine.split(escaped, at: ",").count == 1)
        #expect(ContentLine.split(escaped, at: ";").count == 1)
        #expect(!escaped.contains("\n"))
    }

    @Test("Unescaping and splitting", arguments: [
        ("a\\,b\\;c\\\\d\\ne\\Nf", ["a,b;c\\d\ne\nf"]), ("a\\:b\\", ["a\\:b\\"]), ("a,b\\,c,,", ["a", "b,c", "", ""]),
        ("\\\\,x", ["\\", "x"]),
    ])
    func unescaping(_ value: String, _ expected: [String]) {
        #expect(ContentLine.split(value, at: ",").map(ContentLine.unescape) == expected)
    }
}

/// A file the reader refuses, with where and why.
struct VCardErrorCase: CustomTestStringConvertible, Sendable {
    let bytes: [UInt8]
    let line: Int
    let column: Int
    let message: String

    init(_ text: String, _ line: Int, _ column: Int, _ message: String, then bytes: [UInt8] = []) {
        self.bytes = Array(text.utf8) + bytes
        self.line = line
        self.column = column
        self.message = message
    }

    var testDescription: String { message }
}

extension VCardTests {
    @Test("Refuses broken files at the line and column of the problem", arguments: [
        VCardErrorCase("BEGIN:VCARD\nVERSION:3.0\nFN:Jana\n", 1, 1, "BEGIN:VCARD without END:VCARD"),
        VCardErrorCase("BEGIN:VCARD\nVERSION:3.0\nJana Nováková\nEND:VCARD\n", 3, 1, "line without ':' between the name and the value"),
        VCardErrorCase("\nEND:VCARD\n", 2, 1, "END:VCARD without BEGIN:VCARD"),
        VCardErrorCase("BEGIN:VCARD\nFN:A\nBEGIN:VCARD\n", 3, 1, "BEGIN:VCARD inside the vCard begun on line 1"),
        VCardErrorCase("BEGIN:VCARD\nFN:A\nEND:VCARD\nFN:B\n", 4, 1, "property FN outside a vCard"),
        VCardErrorCase("BEGIN:VCALENDAR\n", 1, 1, "BEGIN:VCALENDAR in a vCard file"),
        VCardErrorCase("BEGIN:VCARD\r\nFN:Jiří ", 2, 9, "invalid UTF-8 byte sequence", then: [0xC5, 0x41]),
        VCardErrorCase("BEGIN:VCARD\nFULL NAME:Jana\nEND:VCARD\n", 2, 5, "unexpected ' ' after the property name"),
        VCardErrorCase("BEGIN:VCARD\na.b.FN:Jana\nEND:VCARD\n", 2, 4, "unexpected '.' after the property name"),
        VCardErrorCase("BEGIN:VCARD\n:Jana\nEND:VCARD\n", 2, 1, "property name is missing"),
        VCardErrorCase("BEGIN:VCARD\nTEL;;WORK:1\nEND:VCARD\n", 2, 5, "parameter name is missing"),
        VCardErrorCase("BEGIN:VCARD\nTEL;TYPE=\"work:+420\nEND:VCARD\n", 2, 10, "quoted parameter value is not closed"),
        VCardErrorCase("BEGIN:VCARD\nTEL;TYPE=\"work\"x:+420\nEND:VCARD\n", 2, 16, "unexpected 'x' after the parameter"),
        VCardErrorCase("BEGIN:VCARD\nX-A;B=\"x:y\"\nEND:VCARD\n", 2, 12, "missing ':' after the parameter"),
        VCardErrorCase("BEGIN:VCARD\nNOTE;LANGUAGE=cs\n ;X Y=1:text\nEND:VCARD\n", 3, 4, "unexpected ' ' after the parameter"),
        VCardErrorCase("BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:=C5x\nEND:VCARD\n", 3, 30, "quoted-printable value is not valid UTF-8"),
        VCardErrorCase("BEGIN:VCARD\nFN;CHARSET=SHIFT_JIS;QUOTED-PRINTABLE:x\nEND:VCARD\n", 2, 39, "unsupported CHARSET SHIFT_JIS"),
    ])
    func refusesBrokenFiles(_ example: VCardErrorCase) {
        let error = #expect(throws: VCardError.self) { try VCardReader.read(example.bytes) }
        #expect(error?.description == "\(example.line):\(example.column): \(example.message)")
        #expect(error?.hint != nil)
    }
}

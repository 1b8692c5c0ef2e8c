import Testing
import CRMInterchange

/// The text of one record as `writer` writes it.
private func written(_ fields: [String], by writer: CSVWriter = CSVWriter()) -> String {
    String(decoding: writer.write(header: fields, rows: []), as: UTF8.self)
}

@Suite("CSV writer")
struct CSVWriterTests {
    @Test("Quotes a field only when it must", arguments: [
        ("plain", "plain"),
        ("Žluťoučký kůň", "Žluťoučký kůň"),
        ("a,b", "\"a,b\""),
        ("a;b", "a;b"),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("\"", "\"\"\"\""),
        ("line 1\nline 2", "\"line 1\nline 2\""),
        ("line 1\r\nline 2", "\"line 1\r\nline 2\""),
        ("cr\ronly", "\"cr\ronly\""),
        (" leading", "\" leading\""),
        ("trailing ", "\"trailing \""),
        ("in side", "in side"),
        ("tab\tinside", "tab\tinside"),
        ("", "\"\""),
    ])
    func quotes(value: String, expected: String) {
        #expect(written([value]) == expected + "\r\n")
    }

    @Test("Quotes for the separator in use")
    func semicolon() {
        let writer = CSVWriter(separator: ";")
        #expect(written(["a;b", "c,d", "e"], by: writer) == "\"a;b\";c,d;e\r\n")
    }

    @Test("Ends every record with CRLF")
    func lineEndings() {
        let bytes = CSVWriter().write(header: ["name", "city"], rows: [["Jan", "Plzeň"], ["Eva", ""], ["", ""]])
        #expect(String(decoding: bytes, as: UTF8.self) == "name,city\r\nJan,Plzeň\r\nEva,\r\n,\r\n")
    }

    @Test("Writes a byte order mark when asked")
    func byteOrderMark() throws {
        let bytes = CSVWriter(byteOrderMark: true).write(header: ["name"], rows: [["Jan"]])
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF, 0x6E]))
        #expect(try CSVReader.read(bytes).header == ["name"])
        #expect(!CSVWriter().write(header: ["name"], rows: []).starts(with: [0xEF]))
    }

    @Test("Neutralizes what a spreadsheet would run as a formula", arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("=1+1", "'=1+1"),
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("+420 601 111 222", "+420 601 111 222"),
        ("-5", "-5"),
        ("-12.5", "-12.5"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("+1-2", "'+1-2"),
        ("+", "'+"),
        ("-", "'-"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "\"'\rcmd\""),
        ("'=already", "''=already"),
        ("''+x", "'''+x"),
        ("'plain", "'plain"),
        ("'", "'"),
        ("a=b", "a=b"),
        ("5-3", "5-3"),
        ("mail@acme.cz", "mail@acme.cz"),
        (" =x", "\" =x\""),
    ])
    func neutralizes(value: String, expected: String) {
        #expect(written([value, "x"]) == expected + ",x\r\n")
    }

    @Test("Leaves formulas alone when told to", arguments: ["=SUM(A1)", "+420 601 111 222", "-5", "@x"])
    func keepsFormulas(value: String) {
        #expect(written([value], by: CSVWriter(neutralizesFormulas: false)) == value + "\r\n")
    }

    @Test("Restores a neutralized value", arguments: [
        ("'=SUM(A1)", "=SUM(A1)"),
        ("'+420 601 111 222", "+420 601 111 222"),
        ("'-5", "-5"),
        ("'@x", "@x"),
        ("'\tx", "\tx"),
        ("'\rx", "\rx"),
        ("''=x", "'=x"),
        ("'plain", "'plain"),
        ("'", "'"),
        ("''", "''"),
        ("=x", "=x"),
        ("", ""),
    ])
    func restores(field: String, expected: String) {
        #expect(CSVReader.restoringFormula(field) == expected)
    }

    static let awkwardValues = [
        "", "plain", "with,comma", "with;semicolon", "say \"hi\"", "\"", "\"\"",
        "line 1\nline 2", "line 1\r\nline 2", "cr\ronly", "\n", " leading", "trailing ", "  ",
        "Žluťoučký kůň úpěl ďábelské ódy", "emoji 😀 and e\u{301}", "=SUM(A1:A9)", "+420 601 111 222",
        "-5", "@mention", "\tindented", "\r", "'=already", "''", "'", "tab\tinside", "a=b", "'plain",
    ]

    @Test("Values come back as they went in", arguments: [
        CSVWriter(),
        CSVWriter(separator: ";", byteOrderMark: true),
        CSVWriter(separator: ",", byteOrderMark: false, neutralizesFormulas: false),
    ])
    func roundTrip(writer: CSVWriter) throws {
        let header = ["first", "second", "third"]
        let values = Self.awkwardValues
        let rows = stride(from: 0, to: values.count, by: 3).map { start in
            (start..<start + 3).map { $0 < values.count ? values[$0] : "" }
        }
        let table = try CSVReader.read(writer.write(header: header, rows: rows))
        #expect(table.separator == writer.separator)
        #expect(table.header == header)
        let read = table.rows.map { row in
            row.fields.map { writer.neutralizesFormulas ? CSVReader.restoringFormula($0) : $0 }
        }
        #expect(read == rows)
    }

    @Test("A lone empty field survives as a row", arguments: [[""], ["x"], ["'=x"]])
    func singleColumn(value: [String]) throws {
        let table = try CSVReader.read(CSVWriter().write(header: ["only"], rows: [value, [""]]))
        #expect(table.rows.map { $0.fields.map(CSVReader.restoringFormula) } == [value, [""]])
    }
}

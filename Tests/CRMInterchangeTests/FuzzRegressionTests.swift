import Testing
import CRMInterchange

/// Inputs the libFuzzer targets in Fuzz/ found mishandled, kept here so the bugs stay fixed.
@Suite("Interchange fuzz regressions")
struct InterchangeFuzzRegressionTests {
    /// fuzz-csv: a first header field starting with U+FEFF was written bare, so the reader took
    /// it for a byte order mark and dropped it: the header did not read back.
    @Test("A field starting with U+FEFF reads back after writing", arguments: [
        (["\u{FEFF}3", "a"], [["1", "2"]]),
        (["name"], [["\u{FEFF}"], ["x"]]),
        (["\u{FEFF}", "b"], []),
    ])
    func byteOrderMarkInText(header: [String], rows: [[String]]) throws {
        for writer in [CSVWriter(), CSVWriter(byteOrderMark: true), CSVWriter(separator: ";")] {
            let table = try CSVReader.read(writer.write(header: header, rows: rows))
            #expect(table.header == header)
            #expect(table.rows.map(\.fields) == rows)
        }
    }

    /// The table the fuzzer found, read from its file and written back.
    @Test("The fuzzer's CSV file survives a write and a read")
    func fuzzerFile() throws {
        let bytes: [UInt8] = Array("\n\n\n\u{FEFF}3,\0a,a,b\n1\n,2\",x".utf8)
        let table = try CSVReader.read(bytes)
        #expect(table.header == ["\u{FEFF}3", "\0a", "a", "b"])
        let reread = try CSVReader.read(CSVWriter(neutralizesFormulas: false).write(header: table.header, rows: table.rows.map(\.fields)))
        #expect(reread.header == table.header)
        #expect(reread.rows.map(\.fields) == table.rows.map(\.fields))
    }

    /// fuzz-vcard: a parameter value holding CRLF was written as two line breaks (`^n^n`), so it
    /// read back with one more line break than it had; TEXT values already wrote CRLF as one.
    @Test("A parameter value's CRLF is written as one line break", arguments: [
        ("a\r\nb", "a^nb", "a\nb"),
        ("a\r\r\nb", "a^n^nb", "a\n\nb"),
        ("a\n\rb", "a^n^nb", "a\n\nb"),
        ("QUO\r^n\r\r", "QUO^n^^n^n^n", "QUO\n^n\n\n"),
    ])
    func parameterLineBreaks(_ value: String, _ written: String, _ readBack: String) throws {
        let card = VCard(version: "4.0", properties: [VCardProperty("NOTE", parameters: [VCardParameter("X-A", [value])], components: [["x"]])])
        let bytes = VCardWriter.write([card])
        #expect(String(decoding: bytes, as: UTF8.self).contains("NOTE;X-A=\(written):x\r\n"))
        let reread = try VCardReader.read(bytes)
        #expect(reread.first?.properties.first?.parameters.first?.values == [readBack])
    }
}

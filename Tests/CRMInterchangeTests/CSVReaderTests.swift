import Testing
import CRMInterchange

/// A CSV file the reader accepts, with the table it should give.
struct CSVReadCase: CustomTestStringConvertible, Sendable {
    let input: [UInt8]
    let encoding: CSVEncoding
    let separator: Character?
    let header: [String]
    let rows: [[String]]
    let detected: Character
    let sourceLine: Int

    init(
        _ input: String, encoding: CSVEncoding = .utf8, separator: Character? = nil,
        header: [String], rows: [[String]], detected: Character = ",", source: Int = #line
    ) {
        self.init(
            bytes: Array(input.utf8), encoding: encoding, separator: separator,
            header: header, rows: rows, detected: detected, source: source)
    }

    init(
        bytes: [UInt8], encoding: CSVEncoding = .utf8, separator: Character? = nil,
        header: [String], rows: [[String]], detected: Character = ",", source: Int = #line
    ) {
        self.input = bytes
        self.encoding = encoding
        self.separator = separator
        self.header = header
        self.rows = rows
        self.detected = detected
        self.sourceLine = source
    }

    var testDescription: String {
        "line \(sourceLine): \(String(decoding: input.prefix(40), as: UTF8.self).debugDescription)"
    }
}

let czechCSV = "jméno;poznámka\r\nŽluťoučký kůň;úpěl ďábelské ódy\r\nPříliš;\"a;b\"\r\n"

let csvReadCases: [CSVReadCase] = [
    CSVReadCase("name,email\r\nAlice,a@acme.cz\r\n", header: ["name", "email"], rows: [["Alice", "a@acme.cz"]]),
    CSVReadCase("name,email\nAlice,a@acme.cz\nBob,b@acme.cz", header: ["name", "email"],
                rows: [["Alice", "a@acme.cz"], ["Bob", "b@acme.cz"]]),
    CSVReadCase("name,email\rAlice,a@acme.cz\r", header: ["name", "email"], rows: [["Alice", "a@acme.cz"]]),
    CSVReadCase("name,note\n\"Novák, Jan\",\"said \"\"hi\"\"\"\n", header: ["name", "note"],
                rows: [["Novák, Jan", "said \"hi\""]]),
    CSVReadCase("a,b\n\"line 1\nline 2\",x\n", header: ["a", "b"], rows: [["line 1\nline 2", "x"]]),
    CSVReadCase("a,b\r\n\"line 1\r\nline 2\",x\r\n", header: ["a", "b"], rows: [["line 1\r\nline 2", "x"]]),
    CSVReadCase("a,b\n\"cr\ronly\",x\n", header: ["a", "b"], rows: [["cr\ronly", "x"]]),
    CSVReadCase(bytes: [0xEF, 0xBB, 0xBF] + Array("name,city\nJan,Plzeň\n".utf8), header: ["name", "city"],
                rows: [["Jan", "Plzeň"]]),
    CSVReadCase("jméno;email\nJan;jan@acme.cz\n", header: ["jméno", "email"], rows: [["Jan", "jan@acme.cz"]],
                detected: ";"),
    CSVReadCase("name\temail\nJan\tjan@acme.cz\n", header: ["name", "email"], rows: [["Jan", "jan@acme.cz"]],
                detected: "\t"),
    CSVReadCase("a;b,c\n1;2,3\n", header: ["a;b", "c"], rows: [["1;2", "3"]]),
    CSVReadCase("\"a;b;c\",d\n1,2\n", header: ["a;b;c", "d"], rows: [["1", "2"]]),
    CSVReadCase("a,b;c\n1,2;3\n", separator: ";", header: ["a,b", "c"], rows: [["1,2", "3"]], detected: ";"),
    CSVReadCase("a,b,c\n1\n1,2,3,4\n", header: ["a", "b", "c"], rows: [["1", "", ""], ["1", "2", "3", "4"]]),
    CSVReadCase("a,b\n1,2\n\n\r\n\n", header: ["a", "b"], rows: [["1", "2"]]),
    CSVReadCase("a,b\n1,\n,\n", header: ["a", "b"], rows: [["1", ""], ["", ""]]),
    CSVReadCase("a,b\n\"\",\"\"\n", header: ["a", "b"], rows: [["", ""]]),
    CSVReadCase("size,b\n5\" disk,x\n", header: ["size", "b"], rows: [["5\" disk", "x"]]),
    CSVReadCase("a,b\n  spaced  , x\n", header: ["a", "b"], rows: [["  spaced  ", " x"]]),
    CSVReadCase("a,b\n", header: ["a", "b"], rows: []),
    CSVReadCase("only\n\"\"\n", header: ["only"], rows: [[""]]),
    CSVReadCase(bytes: Windows1250.encode(czechCSV) ?? [], encoding: .windows1250,
                header: ["jméno", "poznámka"],
                rows: [["Žluťoučký kůň", "úpěl ďábelské ódy"], ["Příliš", "a;b"]], detected: ";"),
]

let invalidUTF8Hint = "the file may come from Excel in another encoding: try --encoding windows-1250"
let unterminatedHint = "a field that starts with \" must end with \"; write a quote inside it as \"\""
let textAfterQuoteHint = "put the whole field in quotes and write each quote inside it as \"\""

/// A CSV file the reader refuses, with the error it should give.
struct CSVRejectedCase: CustomTestStringConvertible, Sendable {
    let input: [UInt8]
    let error: CSVError
    let sourceLine: Int

    init(_ input: String, _ line: Int, _ column: Int, _ message: String, hint: String? = nil, source: Int = #line) {
        self.init(bytes: Array(input.utf8), line, column, message, hint: hint, source: source)
    }

    init(bytes: [UInt8], _ line: Int, _ column: Int, _ message: String, hint: String? = nil, source: Int = #line) {
        self.input = bytes
        self.error = CSVError(line: line, column: column, message: message, hint: hint)
        self.sourceLine = source
    }

    var testDescription: String {
        "line \(sourceLine): \(String(decoding: input.prefix(40), as: UTF8.self).debugDescription)"
    }
}

let csvRejectedCases: [CSVRejectedCase] = [
    CSVRejectedCase("", 1, 1, "the file is empty"),
    CSVRejectedCase("\n\r\n\n", 1, 1, "the file is empty"),
    CSVRejectedCase(bytes: [0xEF, 0xBB, 0xBF], 1, 1, "the file is empty"),
    CSVRejectedCase("a,b\n1,\"abc\n", 2, 3, "quoted field is not closed", hint: unterminatedHint),
    CSVRejectedCase("a,b\r\n1,2\r\n\"x\"\"\r\n", 3, 1, "quoted field is not closed", hint: unterminatedHint),
    CSVRejectedCase("\"name", 1, 1, "quoted field is not closed", hint: unterminatedHint),
    CSVRejectedCase("a,b\n\"x\"y,2\n", 2, 4, "text after the closing quote of a field", hint: textAfterQuoteHint),
    CSVRejectedCase("a,b\n\"Novák\" ,2\n", 2, 8, "text after the closing quote of a field", hint: textAfterQuoteHint),
    CSVRejectedCase("a,b\n\"two\nlines\"x\n", 3, 7, "text after the closing quote of a field", hint: textAfterQuoteHint),
    CSVRejectedCase(bytes: Array("name\n".utf8) + [0x50, 0xF8, 0xED, 0x6C, 0x69, 0x9A], 2, 2,
                    "invalid UTF-8 (byte 0xF8)", hint: invalidUTF8Hint),
    CSVRejectedCase(bytes: Array("ž,a\r\nčč".utf8) + [0xE8, 0x0A], 2, 3, "invalid UTF-8 (byte 0xE8)",
                    hint: invalidUTF8Hint),
    CSVRejectedCase(bytes: [0x61, 0xC5], 1, 2, "invalid UTF-8 (byte 0xC5)", hint: invalidUTF8Hint),
    CSVRejectedCase(bytes: [0xEF, 0xBB, 0xBF, 0x61, 0xFF], 1, 2, "invalid UTF-8 (byte 0xFF)", hint: invalidUTF8Hint),
]

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("Reads the header, the rows and the separator", arguments: csvReadCases)
    func reads(_ example: CSVReadCase) throws {
        let table = try CSVReader.read(example.input, encoding: example.encoding, separator: example.separator)
        #expect(table.header == example.header)
        #expect(table.rows.map(\.fields) == example.rows)
        #expect(table.separator == example.detected)
    }

    @Test("Refuses with line, column, message and hint", arguments: csvRejectedCases)
    func refuses(_ example: CSVRejectedCase) {
        #expect(throws: example.error) {
            try CSVReader.read(example.input)
        }
    }

    @Test("Numbers rows as a spreadsheet does and knows the line each starts on")
    func rowNumbers() throws {
        let text = "name,note\n\"Acme\",\"two\nlines\"\n\nBeta,x\r\nGamma,y\n"
        let table = try CSVReader.read(Array(text.utf8))
        #expect(table.rows == [
            CSVRow(number: 2, line: 2, fields: ["Acme", "two\nlines"]),
            CSVRow(number: 4, line: 5, fields: ["Beta", "x"]),
            CSVRow(number: 5, line: 6, fields: ["Gamma", "y"]),
        ])
    }

    @Test("Windows-1250 bytes read as UTF-8 point to the encoding option")
    func windows1250AsUTF8() throws {
        let bytes = try #require(Windows1250.encode(czechCSV))
        let error = #expect(throws: CSVError.self) { try CSVReader.read(bytes) }
        #expect(error?.line == 1)
        #expect(error?.column == 3)
        #expect(error?.hint?.contains("--encoding windows-1250") == true)
    }

    @Test("A UTF-8 byte order mark is dropped from a file read as Windows-1250, not made part of the first name")
    func byteOrderMarkInWindows1250() throws {
        let table = try CSVReader.read([0xEF, 0xBB, 0xBF] + Array("name;city\nAcme;Brno\n".utf8), encoding: .windows1250)
        #expect(table.header == ["name", "city"])
        #expect(table.rows.map(\.fields) == [["Acme", "Brno"]])
    }

    @Test("Describes an error as line:column: message")
    func errorDescription() {
        let error = CSVError(line: 3, column: 7, message: "quoted field is not closed")
        #expect(error.description == "3:7: quoted field is not closed")
    }

    @Test("Names the encodings as the command line spells them")
    func encodingNames() {
        #expect(CSVEncoding.allCases.map(\.rawValue) == ["utf-8", "windows-1250"])
        #expect(CSVEncoding(rawValue: "windows-1250") == .windows1250)
    }
}

import Testing
@testable import CRMSyntax

/// One input the reader refuses, with where and why.
struct RejectedCase: CustomTestStringConvertible, Sendable {
    let input: [UInt8]
    let line: Int
    let column: Int
    let message: String
    let sourceLine: Int

    init(_ input: String, _ line: Int, _ column: Int, _ message: String, source: Int = #line) {
        self.init(bytes: Array(input.utf8), line, column, message, source: source)
    }

    init(bytes: [UInt8], _ line: Int, _ column: Int, _ message: String, source: Int = #line) {
        self.input = bytes
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = source
    }

    var testDescription: String {
        "line \(sourceLine): \(String(decoding: input.prefix(40), as: UTF8.self).debugDescription)"
    }
}

let rejectedCases: [RejectedCase] = [
    RejectedCase("a: b\tc\n", 1, 5, "tab character in a plain value"),
    RejectedCase("a:\tb\n", 1, 3, "tab character after ':'"),
    RejectedCase("\tname: x\n", 1, 1, "tab character in indentation"),
    RejectedCase("a: b\n  \t\n", 2, 3, "tab character in indentation"),
    RejectedCase("a: 'b'\t\n", 1, 7, "tab character after the value"),
    RejectedCase("a: &x b\n", 1, 4, "anchors (&) are not supported in records"),
    RejectedCase("a: *x\n", 1, 4, "aliases (*) are not supported in records"),
    RejectedCase("a: !!str b\n", 1, 4, "tags (!) are not supported in records"),
    RejectedCase("a: {b: c}\n", 1, 4, "flow mappings ({...}) are not supported in records"),
    RejectedCase("a: b: c\n", 1, 5, "': ' is not allowed in a plain value"),
    RejectedCase("a: b:\n", 1, 5, "': ' is not allowed in a plain value"),
    RejectedCase("a: 'b\n", 1, 4, "quoted value is not closed on this line"),
    RejectedCase("a: \"b\nc\"\n", 1, 4, "quoted value is not closed on this line"),
    RejectedCase("a: \"\\q\"\n", 1, 5, "unknown escape sequence '\\q'"),
    RejectedCase("a: \"\\x4\"\n", 1, 5, "escape '\\x' needs 2 hexadecimal digits"),
    RejectedCase("a: \"\\ud800\"\n", 1, 5, "escape does not name a Unicode character"),
    RejectedCase("a: \"b\\\n", 1, 6, "line continuation ('\\' at the end of a line) is not supported"),
    RejectedCase("a: b\na: c\n", 2, 1, "duplicate key 'a' (first defined on line 1)"),
    RejectedCase("a:\n  b: 1\n  b: 2\n", 3, 3, "duplicate key 'b' in 'a' (first defined on line 2)"),
    RejectedCase("a: [b, c\n", 1, 4, "list is not closed on this line"),
    RejectedCase("a: [b,, c]\n", 1, 7, "empty item in list"),
    RejectedCase("a: [b,]\n", 1, 7, "empty item in list"),
    RejectedCase("a: [[b]]\n", 1, 5, "nested lists are not supported in records"),
    RejectedCase("a: [b:c]\n", 1, 6, "':' in a list item"),
    RejectedCase("a: [b] c\n", 1, 8, "unexpected text after the list"),
    RejectedCase("a: - b\n", 1, 4, "a list must start on the line below its key"),
    RejectedCase("- a\n", 1, 1, "list item without a key"),
    RejectedCase("-\n", 1, 1, "list item without a key"),
    RejectedCase("a: b\n  c\n", 2, 3, "unexpected indentation"),
    RejectedCase("  a: b\n", 1, 3, "unexpected indentation"),
    RejectedCase("a:\n  text here\n", 2, 3, "multi-line plain values are not supported in records"),
    RejectedCase("a:\n  - b\n - c\n", 3, 2, "list item is not aligned with the items above"),
    RejectedCase("a:\n  - - b\n", 2, 5, "nested lists are not supported in records"),
    RejectedCase("a:\n  - b: c\n", 2, 6, "': ' is not allowed in a plain value"),
    RejectedCase("a:\n  - b\n    c\n", 3, 5, "list item continues on the next line"),
    RejectedCase("a:\n  b:\n    c: d\n", 3, 5, "maps nest only one level deep in records"),
    RejectedCase("a:\n  b: c\n  - d\n", 3, 3, "lists inside maps must be written as [a, b]"),
    RejectedCase("a:\n  b: c\n   d: e\n", 3, 4, "value continues on the next line"),
    RejectedCase("a:\n    b: c\n  d: e\n", 3, 3, "map entry is not aligned with the entries above"),
    RejectedCase("a:\n  b: |\n    x\n", 2, 6, "block scalars (|) are only supported for top-level fields"),
    RejectedCase("a: |x\n", 1, 5, "unexpected character in block scalar header"),
    RejectedCase("a: |0\n", 1, 5, "indentation indicator must be 1 to 9"),
    RejectedCase("a: >\n    x\n  y\n", 3, 3, "unexpected indentation"),
    RejectedCase("a: |\n     \n  x\n", 3, 3, "unexpected indentation"),
    RejectedCase("a: b\n---\nc: d\n", 2, 1, "a second document ('---'); a record file holds one document"),
    RejectedCase("a: b\n...\n", 2, 1, "document end markers ('...') are not supported in records"),
    RejectedCase("%YAML 1.2\n---\na: b\n", 1, 1, "directives (%) are not supported in records"),
    RejectedCase("? a\n: b\n", 1, 1, "complex keys (?) are not supported in records"),
    RejectedCase("\"a\": b\n", 1, 1, "keys must not be quoted"),
    RejectedCase("a b: c\n", 1, 2, "keys cannot contain spaces"),
    RejectedCase("a : b\n", 1, 2, "space between key 'a' and ':'"),
    RejectedCase("a:b\n", 1, 3, "missing space after ':'"),
    RejectedCase("1a: b\n", 1, 1, "a key must start with a letter"),
    RejectedCase("jméno: x\n", 1, 3, "invalid character in key 'jm...'"),
    RejectedCase("name\n", 1, 5, "expected ':' after 'name'"),
    RejectedCase(String(repeating: "k", count: 101) + ": b\n", 1, 1, "key is longer than 100 characters"),
    RejectedCase("a: 'b' c\n", 1, 8, "unexpected text after the value"),
    RejectedCase("a: 'b'#c\n", 1, 7, "a comment needs a space before '#'"),
    RejectedCase("a: @b\n", 1, 4, "'@' cannot start a plain value"),
    RejectedCase("a: `b`\n", 1, 4, "'`' cannot start a plain value"),
    RejectedCase("a: %b\n", 1, 4, "'%' cannot start a plain value"),
    RejectedCase("a: ,b\n", 1, 4, "',' cannot start a plain value"),
    RejectedCase("a: b\u{7}\n", 1, 5, "control character U+0007 is not allowed in records"),
    RejectedCase("a: b\u{7F}\n", 1, 5, "control character U+007F is not allowed in records"),
    RejectedCase("a: b\u{85}\n", 1, 5, "character U+0085 is a line break in YAML and is not allowed in records"),
    RejectedCase("a: x\u{2028}y\n", 1, 5, "character U+2028 is a line break in YAML and is not allowed in records"),
    RejectedCase("a: b\rc: d\n", 1, 5, "carriage return (CR) without a line feed"),
    RejectedCase("a: Plzeň\u{FEFF}\n", 1, 9, "byte order mark (U+FEFF) in the middle of the file"),
    RejectedCase("a: b\n\u{0}", 2, 1, "NUL byte in the file; this looks like a binary file, not a record"),
    RejectedCase(bytes: [0x61, 0x3A, 0x20, 0xC5, 0xFF, 0x0A], 1, 4, "invalid UTF-8 byte sequence"),
    RejectedCase(bytes: [0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80, 0x0A], 1, 4, "invalid UTF-8 byte sequence"),
    RejectedCase(bytes: [0xFF, 0xFE, 0x61, 0x00], 1, 1, "the file is UTF-16 encoded; records must be UTF-8"),
]

@Suite("Rejected inputs")
struct RejectedInputTests {
    @Test("Reports line, column and message", arguments: rejectedCases)
    func reportsLocation(_ example: RejectedCase) {
        #expect {
            _ = try RecordDocument(parsing: example.input, path: "customers/acme.yaml")
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            #expect(diagnostic.path == "customers/acme.yaml")
            #expect(diagnostic.location == SourceLocation(line: example.line, column: example.column))
            #expect(diagnostic.message == example.message)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.hint?.isEmpty == false)
            return true
        }
    }

    @Test("Table is large enough")
    func tableSize() {
        #expect(rejectedCases.count >= 40)
    }

    @Test("Names the construct in the rendered form")
    func describesLocation() throws {
        #expect {
            _ = try RecordDocument(parsing: "name: Acme\nstatus: active\nowner: &me Jan\n", path: "customers/acme.yaml")
        } throws: { error in
            let diagnostic = error as? Diagnostic
            #expect(diagnostic?.description == "customers/acme.yaml:3:8: error: anchors (&) are not supported in records")
            #expect(diagnostic?.sourceLine == "owner: &me Jan")
            return diagnostic != nil
        }
    }
}

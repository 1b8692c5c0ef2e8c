import Testing
@testable import CRMSyntax

/// One input the reader accepts, with the fields it must produce.
struct AcceptedCase: CustomTestStringConvertible, Sendable {
    let input: String
    let fields: [Field]
    let sourceLine: Int

    init(_ input: String, _ fields: KeyValuePairs<String, Value>, line: Int = #line) {
        self.input = input
        self.fields = fields.map { Field(key: $0.key, value: $0.value) }
        self.sourceLine = line
    }

    var testDescription: String { "line \(sourceLine): \(input.debugDescription.prefix(60))" }
}

func map(_ entries: KeyValuePairs<String, Value>) -> Value {
    .map(entries.map { MapEntry(key: $0.key, value: $0.value) })
}

let acceptedCases: [AcceptedCase] = [
    // Lines, markers, encodings
    AcceptedCase("name: Acme\n", ["name": .string("Acme")]),
    AcceptedCase("name: Acme", ["name": .string("Acme")]),
    AcceptedCase("name: Acme\r\nstatus: active\r\n", ["name": .string("Acme"), "status": .string("active")]),
    AcceptedCase("a: 1\nb: 2\r\n", ["a": .string("1"), "b": .string("2")]),
    AcceptedCase("\u{FEFF}name: Acme\n", ["name": .string("Acme")]),
    AcceptedCase("---\nname: Acme\n", ["name": .string("Acme")]),
    AcceptedCase("--- # header\nname: Acme\n", ["name": .string("Acme")]),
    AcceptedCase("", [:]),
    AcceptedCase("# only a comment\n", [:]),
    AcceptedCase("\n\n   \n", [:]),
    AcceptedCase("a: 1\n\n# comment\n  # indented comment\n\nb: 2\n", ["a": .string("1"), "b": .string("2")]),
    AcceptedCase("a: b\n   \n", ["a": .string("b")]),
    // Empty values
    AcceptedCase("name:\n", ["name": .string("")]),
    AcceptedCase("name:   \n", ["name": .string("")]),
    AcceptedCase("name: # comment\n", ["name": .string("")]),
    AcceptedCase("a:\nb:\n", ["a": .string(""), "b": .string("")]),
    // Plain scalars
    AcceptedCase("name: Acme # comment\n", ["name": .string("Acme")]),
    AcceptedCase("name: Acme#1\n", ["name": .string("Acme#1")]),
    AcceptedCase("name: a  b  \n", ["name": .string("a  b")]),
    AcceptedCase("url: http://example.com:8080/x?y=1\n", ["url": .string("http://example.com:8080/x?y=1")]),
    AcceptedCase("time: 10:30\n", ["time": .string("10:30")]),
    AcceptedCase("v: no\n", ["v": .string("no")]),
    AcceptedCase("v: ~\n", ["v": .string("~")]),
    AcceptedCase("v: null\n", ["v": .string("null")]),
    AcceptedCase("v: 012\n", ["v": .string("012")]),
    AcceptedCase("v: 2026-11-20\n", ["v": .string("2026-11-20")]),
    AcceptedCase("v: -5\n", ["v": .string("-5")]),
    AcceptedCase("v: ?x\n", ["v": .string("?x")]),
    AcceptedCase("v: :x\n", ["v": .string(":x")]),
    AcceptedCase("v: ---\n", ["v": .string("---")]),
    AcceptedCase("v: a,b[1]{2}\n", ["v": .string("a,b[1]{2}")]),
    AcceptedCase("name: Plzeň – Škoda „Ř“ 😀\n", ["name": .string("Plzeň – Škoda „Ř“ 😀")]),
    AcceptedCase("a_b-C9: x\n", ["a_b-C9": .string("x")]),
    AcceptedCase("a: x\u{A0}\n", ["a": .string("x\u{A0}")]),
    // Quoted scalars
    AcceptedCase("v: 'it''s'\n", ["v": .string("it's")]),
    AcceptedCase("v: ''\n", ["v": .string("")]),
    AcceptedCase("v: \"\"\n", ["v": .string("")]),
    AcceptedCase("v: 'a # b'\n", ["v": .string("a # b")]),
    AcceptedCase("v: 'a: b'\n", ["v": .string("a: b")]),
    AcceptedCase("v: '  lead '\n", ["v": .string("  lead ")]),
    AcceptedCase("v: 'x\ty'\n", ["v": .string("x\ty")]),
    AcceptedCase("v: \"tab\\there\"\n", ["v": .string("tab\there")]),
    AcceptedCase("v: \"\\u017D\\x41\\U0001F600\"\n", ["v": .string("ŽA😀")]),
    AcceptedCase("v: \"\\\"q\\\" \\\\ \\/\"\n", ["v": .string("\"q\" \\ /")]),
    AcceptedCase("v: \"\\0\\a\\b\\v\\f\\r\\e\\N\\_\\L\\P\\ \"\n",
                 ["v": .string("\u{0}\u{7}\u{8}\u{B}\u{C}\r\u{1B}\u{85}\u{A0}\u{2028}\u{2029} ")]),
    AcceptedCase("v: 'single \"double\"'\n", ["v": .string("single \"double\"")]),
    AcceptedCase("v: \"x\" # c\n", ["v": .string("x")]),
    AcceptedCase("v: 'x'   \n", ["v": .string("x")]),
    // Flow sequences
    AcceptedCase("tags: [vip, \"key account\"]\n", ["tags": .list(["vip", "key account"])]),
    AcceptedCase("tags: []\n", ["tags": .list([])]),
    AcceptedCase("tags: [ ]\n", ["tags": .list([])]),
    AcceptedCase("tags: [ a , b ]\n", ["tags": .list(["a", "b"])]),
    AcceptedCase("tags: ['x, y', \"z]\"]\n", ["tags": .list(["x, y", "z]"])]),
    AcceptedCase("tags: [a b, c#d]\n", ["tags": .list(["a b", "c#d"])]),
    AcceptedCase("tags: [-5, x-y]\n", ["tags": .list(["-5", "x-y"])]),
    AcceptedCase("tags: [a] # c\n", ["tags": .list(["a"])]),
    AcceptedCase("a: [\"\\u00e9\", '']\n", ["a": .list(["é", ""])]),
    // Block sequences
    AcceptedCase("tags:\n- a\n- b\n", ["tags": .list(["a", "b"])]),
    AcceptedCase("tags:\n  - a\n  - b\nname: x\n", ["tags": .list(["a", "b"]), "name": .string("x")]),
    AcceptedCase("tags:\n    - a\n    # c\n\n    - 'b c'\n", ["tags": .list(["a", "b c"])]),
    AcceptedCase("tags:\n  -\n  - \"\"\n", ["tags": .list(["", ""])]),
    AcceptedCase("tags:\n  - a # c\n", ["tags": .list(["a"])]),
    AcceptedCase("tags: # c\n  - a\n", ["tags": .list(["a"])]),
    AcceptedCase("tags:\n\n# c\n- a\n", ["tags": .list(["a"])]),
    AcceptedCase("opt-outs:\n  - all\n", ["opt-outs": .list(["all"])]),
    // Nested maps
    AcceptedCase("address:\n  city: Praha\n  zip: '110 00'\n",
                 ["address": map(["city": .string("Praha"), "zip": .string("110 00")])]),
    AcceptedCase("address:\n  city: Brno\n  tags: [a, b]\n  street:\n",
                 ["address": map(["city": .string("Brno"), "tags": .list(["a", "b"]), "street": .string("")])]),
    AcceptedCase("address:\n    city: Brno # c\n    # c\n\n    zip: 602 00\nname: x\n",
                 ["address": map(["city": .string("Brno"), "zip": .string("602 00")]), "name": .string("x")]),
    // Block scalars
    AcceptedCase("notes: |\n  line 1\n  line 2\n", ["notes": .string("line 1\nline 2\n")]),
    AcceptedCase("notes: |-\n  x\n", ["notes": .string("x")]),
    AcceptedCase("notes: |+\n  x\n\n\nb: c\n", ["notes": .string("x\n\n\n"), "b": .string("c")]),
    AcceptedCase("notes: |\n  x\n\n\nb: c\n", ["notes": .string("x\n"), "b": .string("c")]),
    AcceptedCase("notes: |\n\n  x\n", ["notes": .string("\nx\n")]),
    AcceptedCase("notes: |2\n   x\n", ["notes": .string(" x\n")]),
    AcceptedCase("notes: |-2\n   x\n", ["notes": .string(" x")]),
    AcceptedCase("notes: |2+\n   x\n\n", ["notes": .string(" x\n\n")]),
    AcceptedCase("notes: |\n  # not a comment\n  x\n", ["notes": .string("# not a comment\nx\n")]),
    AcceptedCase("notes: |\n  a\n    b\n  c\n", ["notes": .string("a\n  b\nc\n")]),
    AcceptedCase("notes: |\n  a\n     \n  b\n", ["notes": .string("a\n   \nb\n")]),
    AcceptedCase("notes: >\n  a\n  b\n\n  c\n", ["notes": .string("a b\nc\n")]),
    AcceptedCase("notes: >\n  a\n   b\n  c\n", ["notes": .string("a\n b\nc\n")]),
    AcceptedCase("notes: >-\n  a\n  b\n", ["notes": .string("a b")]),
    AcceptedCase("notes: | # comment\n  x\n", ["notes": .string("x\n")]),
    AcceptedCase("notes: |\n  x\r\n  y\r\n", ["notes": .string("x\ny\n")]),
    AcceptedCase("notes: |\n", ["notes": .string("")]),
    AcceptedCase("notes: |+\n\n", ["notes": .string("\n")]),
    AcceptedCase("notes: |\n  tab\there\n", ["notes": .string("tab\there\n")]),
    AcceptedCase("notes: |\n  x\n # comment\nb: c\n", ["notes": .string("x\n"), "b": .string("c")]),
    AcceptedCase("notes: |\n  x", ["notes": .string("x")]),
    AcceptedCase("notes: |\n    deep\n    text\n", ["notes": .string("deep\ntext\n")]),
]

@Suite("Accepted inputs")
struct AcceptedInputTests {
    @Test("Reads the expected fields", arguments: acceptedCases)
    func readsExpectedFields(_ example: AcceptedCase) throws {
        let document = try RecordDocument(parsing: example.input)
        #expect(document.values == example.fields)
    }

    @Test("Table is large enough")
    func tableSize() {
        #expect(acceptedCases.count >= 60)
    }
}

import Testing
import CRMInterchange

/// A JSON text the reader accepts, with the value it should give.
struct JSONReadCase: CustomTestStringConvertible, Sendable {
    let input: [UInt8]
    let value: JSON
    let sourceLine: Int

    init(_ input: String, _ value: JSON, source: Int = #line) {
        self.init(bytes: Array(input.utf8), value, source: source)
    }

    init(bytes: [UInt8], _ value: JSON, source: Int = #line) {
        self.input = bytes
        self.value = value
        self.sourceLine = source
    }

    var testDescription: String {
        "line \(sourceLine): \(String(decoding: input.prefix(40), as: UTF8.self).debugDescription)"
    }
}

let jsonReadCases: [JSONReadCase] = [
    JSONReadCase("null", .null),
    JSONReadCase("true", .bool(true)),
    JSONReadCase(" \n\t false \r\n", .bool(false)),
    JSONReadCase("0", .number("0")),
    JSONReadCase("-0", .number("-0")),
    JSONReadCase("42", .number("42")),
    JSONReadCase("3.14", .number("3.14")),
    JSONReadCase("-1.50e+10", .number("-1.50e+10")),
    JSONReadCase("1E-3", .number("1E-3")),
    JSONReadCase("0.5e7", .number("0.5e7")),
    JSONReadCase("\"\"", .string("")),
    JSONReadCase(#""a\"b\\c\/d\b\f\n\r\t""#, .string("a\"b\\c/d\u{8}\u{C}\n\r\t")),
    JSONReadCase(#""\u00e9\u010D\u0000""#, .string("éč\u{0}")),
    JSONReadCase(#""\uD83D\uDE00 \ud83d\ude00""#, .string("😀 😀")),
    JSONReadCase("\"Žluťoučký kůň 😀\"", .string("Žluťoučký kůň 😀")),
    JSONReadCase("[]", .array([])),
    JSONReadCase("{}", .object([])),
    JSONReadCase("[1, [2, [3, []]]]", .array([.number("1"), .array([.number("2"), .array([.number("3"), .array([])])])])),
    JSONReadCase("[null,true,\"x\",{}]", .array([.null, .bool(true), .string("x"), .object([])])),
    JSONReadCase(#"{"a": 1, "a": 2, "b": {"c": [false]}}"#, .object([
        (key: "a", value: .number("1")),
        (key: "a", value: .number("2")),
        (key: "b", value: .object([(key: "c", value: .array([.bool(false)]))])),
    ])),
    JSONReadCase("{\r\n  \"name\": \"Acme\",\r\n  \"tags\": [\r\n    \"vip\"\r\n  ]\r\n}\r\n", .object([
        (key: "name", value: .string("Acme")),
        (key: "tags", value: .array([.string("vip")])),
    ])),
    JSONReadCase(#"{"":"", "\u0041": 1}"#, .object([
        (key: "", value: .string("")),
        (key: "A", value: .number("1")),
    ])),
    JSONReadCase(bytes: [0xEF, 0xBB, 0xBF] + Array("{}".utf8), .object([])),
]

@Suite("JSON reader")
struct JSONReaderTests {
    @Test("Reads valid documents", arguments: jsonReadCases)
    func reads(_ example: JSONReadCase) throws {
        #expect(try JSONReader.read(example.input) == example.value)
    }

    @Test("Looks up members and strings")
    func accessors() throws {
        let value = try JSONReader.read(Array(#"{"name": "Acme", "name": "Acme s.r.o.", "size": 12}"#.utf8))
        #expect(value["name"] == .string("Acme s.r.o."))
        #expect(value["name"]?.string == "Acme s.r.o.")
        #expect(value["size"]?.string == nil)
        #expect(value["missing"] == nil)
        #expect(JSON.array([])["name"] == nil)
    }

    @Test("Nests up to 512 levels", arguments: [
        ("[", "]"),
        (#"{"a":"#, "}"),
    ])
    func deepestNesting(open: String, close: String) throws {
        let text = String(repeating: open, count: 512) + "1" + String(repeating: close, count: 512)
        var value = try JSONReader.read(Array(text.utf8))
        var depth = 0
        while true {
            if case .array(let elements) = value, let first = elements.first {
                value = first
            } else if case .object(let members) = value, let first = members.first {
                value = first.value
            } else {
                break
            }
            depth += 1
        }
        #expect(depth == 512)
        #expect(value == .number("1"))
    }

    @Test("Refuses deeper nesting with an error, not a crash", arguments: [
        (String(repeating: "[", count: 10_000), 513),
        (String(repeating: "[", count: 513) + String(repeating: "]", count: 513), 513),
        (String(repeating: #"{"a":"#, count: 600), 513 * 5 - 4),
    ])
    func tooDeep(text: String, column: Int) {
        #expect(throws: JSONError(line: 1, column: column, message: "nesting is deeper than 512 levels")) {
            try JSONReader.read(Array(text.utf8))
        }
    }

    @Test("Reads JSON Lines, skipping blank lines")
    func jsonLines() throws {
        let text = "{\"name\":\"Acme\"}\n\n[1, 2]\r\n   \n\"x\"\n"
        let values = try JSONReader.readLines(Array(text.utf8))
        #expect(values == [
            .object([(key: "name", value: .string("Acme"))]),
            .array([.number("1"), .number("2")]),
            .string("x"),
        ])
        #expect(try JSONReader.readLines([]) == [])
    }

    @Test("Names the real line of a JSON Lines error", arguments: [
        ("{}\n{}\n{\"a\":}\n", JSONError(line: 3, column: 6, message: "expected a value")),
        ("{}\n\n\"abc\n\"def\"\n", JSONError(line: 3, column: 1, message: "string is not closed")),
        ("1\n2 3\n", JSONError(line: 2, column: 3, message: "unexpected text after the JSON value")),
        ("1\n{\"a\": 1,\n\"b\": 2}\n", JSONError(line: 2, column: 9, message: "expected a string key after ','")),
    ])
    func jsonLinesError(text: String, error: JSONError) {
        #expect(throws: error) { try JSONReader.readLines(Array(text.utf8)) }
    }

    @Test("Reads an array's elements, a lone value, or JSON Lines", arguments: [
        ("[{\"a\": 1},\n {\"a\": 2}]\n", [
            JSON.object([(key: "a", value: .number("1"))]),
            .object([(key: "a", value: .number("2"))]),
        ]),
        ("{\"a\": 1}\n{\"a\": 2}\n", [
            .object([(key: "a", value: .number("1"))]),
            .object([(key: "a", value: .number("2"))]),
        ]),
        ("{\n  \"a\": 1\n}\n", [.object([(key: "a", value: .number("1"))])]),
        ("[1]\n[2]\n", [.array([.number("1")]), .array([.number("2")])]),
        ("[]", []),
        (" \n ", []),
    ])
    func readAny(text: String, values: [JSON]) throws {
        #expect(try JSONReader.readAny(Array(text.utf8)) == values)
    }

    @Test("Reports errors in either shape where they are", arguments: [
        ("[\n  1,\n  2,\n]\n", JSONError(line: 4, column: 1, message: "trailing comma before ']'")),
        ("{}\n{\n", JSONError(line: 2, column: 2, message: "expected a string key or '}'")),
        ("{\"a\": tru}\n", JSONError(line: 1, column: 7, message: "'tru' is not a JSON value (the words are true, false and null)")),
    ])
    func readAnyError(text: String, error: JSONError) {
        #expect(throws: error) { try JSONReader.readAny(Array(text.utf8)) }
    }

    @Test("Describes an error as line:column: message")
    func errorDescription() {
        let error = JSONError(line: 2, column: 5, message: "expected ':' after the key")
        #expect(error.description == "2:5: expected ':' after the key")
    }
}

import Testing
import CRMInterchange

/// A JSON text the reader refuses, with the error it should give.
struct JSONRejectedCase: CustomTestStringConvertible, Sendable {
    let input: [UInt8]
    let error: JSONError
    let sourceLine: Int

    init(_ input: String, _ line: Int, _ column: Int, _ message: String, source: Int = #line) {
        self.init(bytes: Array(input.utf8), line, column, message, source: source)
    }

    init(bytes: [UInt8], _ line: Int, _ column: Int, _ message: String, source: Int = #line) {
        self.input = bytes
        self.error = JSONError(line: line, column: column, message: message)
        self.sourceLine = source
    }

    var testDescription: String {
        "line \(sourceLine): \(String(decoding: input.prefix(40), as: UTF8.self).debugDescription)"
    }
}

let jsonRejectedCases: [JSONRejectedCase] = [
    JSONRejectedCase("", 1, 1, "the text is empty"),
    JSONRejectedCase("  \n", 2, 1, "the text is empty"),
    JSONRejectedCase("[", 1, 2, "expected a value"),
    JSONRejectedCase("{\"a\":}", 1, 6, "expected a value"),
    JSONRejectedCase("[1,2,]", 1, 6, "trailing comma before ']'"),
    JSONRejectedCase("{\"a\":1,}", 1, 8, "trailing comma before '}'"),
    JSONRejectedCase("{\n  \"name\": \"Žofie\",\n  \"age\": 30,\n}", 4, 1, "trailing comma before '}'"),
    JSONRejectedCase("[\"ž\", ]", 1, 7, "trailing comma before ']'"),
    JSONRejectedCase("[\r\n1,\r\n]", 3, 1, "trailing comma before ']'"),
    JSONRejectedCase("{\"a\" 1}", 1, 6, "expected ':' after the key"),
    JSONRejectedCase("{\"a\":1 \"b\":2}", 1, 8, "expected ',' or '}' after a member"),
    JSONRejectedCase("{\"a\":1", 1, 7, "expected ',' or '}' after a member"),
    JSONRejectedCase("[1 2]", 1, 4, "expected ',' or ']' after an element"),
    JSONRejectedCase("{a:1}", 1, 2, "expected a string key or '}'"),
    JSONRejectedCase("{\"a\":1,b:2}", 1, 8, "expected a string key after ','"),
    JSONRejectedCase("// note\n1", 1, 1, "comments are not allowed in JSON"),
    JSONRejectedCase("[1] /* note */", 1, 5, "unexpected text after the JSON value"),
    JSONRejectedCase("['a']", 1, 2, "strings must be in double quotes"),
    JSONRejectedCase("01", 1, 1, "leading zeros are not allowed in numbers"),
    JSONRejectedCase("[-012]", 1, 3, "leading zeros are not allowed in numbers"),
    JSONRejectedCase("-", 1, 2, "expected a digit after '-'"),
    JSONRejectedCase("-x", 1, 2, "expected a digit after '-'"),
    JSONRejectedCase("1.", 1, 3, "expected a digit after '.'"),
    JSONRejectedCase("1.e5", 1, 3, "expected a digit after '.'"),
    JSONRejectedCase("1e+", 1, 4, "expected a digit in the exponent"),
    JSONRejectedCase("+1", 1, 1, "a number must start with a digit or '-'"),
    JSONRejectedCase(".5", 1, 1, "a number must start with a digit or '-'"),
    JSONRejectedCase("0x1F", 1, 2, "unexpected text after the JSON value"),
    JSONRejectedCase("True", 1, 1, "'True' is not a JSON value (the words are true, false and null)"),
    JSONRejectedCase("[NaN]", 1, 2, "'NaN' is not a JSON value (the words are true, false and null)"),
    JSONRejectedCase("nulls", 1, 1, "'nulls' is not a JSON value (the words are true, false and null)"),
    JSONRejectedCase("\"abc", 1, 1, "string is not closed"),
    JSONRejectedCase("[\"abc\\", 1, 2, "string is not closed"),
    JSONRejectedCase("\"a\nb\"", 1, 3, "control character U+000A must be escaped in a string"),
    JSONRejectedCase("\"a\tb\"", 1, 3, "control character U+0009 must be escaped in a string"),
    JSONRejectedCase("\"\\x\"", 1, 2, "unknown escape '\\x'"),
    JSONRejectedCase("\"\\U0041\"", 1, 2, "unknown escape '\\U'"),
    JSONRejectedCase("\"\\u12G4\"", 1, 2, "'\\u' must be followed by 4 hexadecimal digits"),
    JSONRejectedCase("\"\\u12\"", 1, 2, "'\\u' must be followed by 4 hexadecimal digits"),
    JSONRejectedCase("\"ab\\uD800\"", 1, 4, "high surrogate \\uD800 is not followed by a low surrogate"),
    JSONRejectedCase("\"\\ud83d\\u0041\"", 1, 2, "high surrogate \\uD83D is not followed by a low surrogate"),
    JSONRejectedCase("\"\\uD83D\\uD83D\"", 1, 2, "high surrogate \\uD83D is not followed by a low surrogate"),
    JSONRejectedCase("\"\\uDE00\"", 1, 2, "low surrogate \\uDE00 without a high surrogate before it"),
    JSONRejectedCase("{} {}", 1, 4, "unexpected text after the JSON value"),
    JSONRejectedCase("1\n2", 2, 1, "unexpected text after the JSON value"),
    JSONRejectedCase(bytes: [0x22, 0x61, 0xFF, 0x22], 1, 3, "invalid UTF-8 in a string"),
    JSONRejectedCase(bytes: [0x22, 0xC5, 0x22], 1, 2, "invalid UTF-8 in a string"),
    JSONRejectedCase(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], 1, 2, "invalid UTF-8 in a string"),
    JSONRejectedCase(bytes: [0xEF, 0xBB, 0xBF] + Array("[x]".utf8), 1, 2,
                     "'x' is not a JSON value (the words are true, false and null)"),
    JSONRejectedCase("[ž]", 1, 2, "expected a value"),
]

@Suite("JSON reader: rejected input")
struct JSONRejectedTests {
    @Test("Reports line, column and what was expected", arguments: jsonRejectedCases)
    func refuses(_ example: JSONRejectedCase) {
        #expect(throws: example.error) {
            try JSONReader.read(example.input)
        }
    }

    @Test("Table is large enough")
    func tableSize() {
        #expect(jsonRejectedCases.count >= 20)
    }
}

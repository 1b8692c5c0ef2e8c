import Testing
@testable import CRMSyntax

@Suite("Lossless syntax tree")
struct LosslessTreeTests {
    @Test("Nodes cover every byte in order", arguments: acceptedCases)
    func nodesCoverEveryByte(_ example: AcceptedCase) throws {
        let document = try RecordDocument(parsing: example.input)
        var offset = 0
        for node in document.nodes {
            #expect(node.bytes.lowerBound == offset)
            #expect(!node.bytes.isEmpty)
            offset = node.bytes.upperBound
        }
        #expect(offset == document.bytes.count)
        let fieldNodes = document.nodes.compactMap { node -> Int? in
            if case .field(let index) = node.kind { return index }
            return nil
        }
        #expect(fieldNodes == Array(document.fields.indices))
    }

    @Test("Each field's lines read alone give the field", arguments: acceptedCases)
    func fieldBytesAreExact(_ example: AcceptedCase) throws {
        let document = try RecordDocument(parsing: example.input)
        for field in document.fields {
            let alone = try RecordDocument(parsing: Array(document.bytes[field.bytes]))
            #expect(alone.values == [Field(key: field.key, value: field.value)])
        }
    }

    @Test("Comment and blank lines are nodes of their own")
    func triviaNodes() throws {
        let document = try RecordDocument(parsing: "\u{FEFF}---\n# about\nname: x\n\n  # indented\nb: y\n")
        let kinds = document.nodes.map(\.kind)
        #expect(kinds == [.byteOrderMark, .documentStart, .comment, .field(0), .blank, .comment, .field(1)])
        #expect(document.nodes.map(\.line) == [1, 1, 2, 3, 4, 5, 6])
    }

    @Test("Locations of keys, values and items")
    func locations() throws {
        let text = "name: Plzeň\ntags: [a, \"b\"]\nphones:\n  - 1\n  - 2\naddress:\n  city: Brno\n"
        let document = try RecordDocument(parsing: text)
        #expect(document.field("name")?.valueLocation == SourceLocation(line: 1, column: 7))
        #expect(document.field("tags")?.items.map(\.location) == [SourceLocation(line: 2, column: 8), SourceLocation(line: 2, column: 11)])
        #expect(document.field("phones")?.items.map(\.location) == [SourceLocation(line: 4, column: 5), SourceLocation(line: 5, column: 5)])
        #expect(document.field("address")?.items.first?.location == SourceLocation(line: 7, column: 9))
        #expect(document.field("address")?.keyLocation == SourceLocation(line: 6, column: 1))
    }

    @Test("Styles are recorded", arguments: [
        ("a: x\n", ValueStyle.scalar(.plain)),
        ("a: 'x'\n", .scalar(.singleQuoted)),
        ("a: \"x\"\n", .scalar(.doubleQuoted)),
        ("a:\n", .scalar(.empty)),
        ("a: |\n  x\n", .scalar(.literal)),
        ("a: >\n  x\n", .scalar(.folded)),
        ("a: [x]\n", .flowSequence),
        ("a:\n- x\n", .blockSequence(indent: 0)),
        ("a:\n   - x\n", .blockSequence(indent: 3)),
        ("a:\n    b: c\n", .map(indent: 4)),
    ])
    func styles(_ text: String, _ style: ValueStyle) throws {
        #expect(try RecordDocument(parsing: text).fields.first?.style == style)
    }

    @Test("Line ending of new lines follows the file")
    func lineEndings() throws {
        #expect(try RecordDocument(parsing: "a: 1\r\nb: 2\n").lineEnding == .crlf)
        #expect(try RecordDocument(parsing: "a: 1\nb: 2\r\n").lineEnding == .lf)
        #expect(try RecordDocument(parsing: "a: 1").lineEnding == .lf)
    }
}

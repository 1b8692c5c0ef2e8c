import Testing
@testable import CRMSyntax

/// Inputs the libFuzzer targets in Fuzz/ found mishandled, minimized, kept here so the bugs stay fixed.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// fuzz-record: a last line of spaces without a line feed after an indented line was read
    /// one byte past the end of the file (AddressSanitizer: heap-buffer-overflow).
    @Test("A blank last line without a line feed is read within the file", arguments: [
        "aa:\n    b: c    [  dt\n  ",
        "a: b\n\n  ",
        "a:\n  ",
    ])
    func blankLastLine(_ input: String) throws {
        var bytes = Array(input.utf8)
        bytes.reserveCapacity(bytes.count)  // no spare capacity to hide an over-read
        let result = Result { () throws(Diagnostic) in try RecordDocument(parsing: bytes) }
        switch result {
        case .success(let document):
            #expect(document.nodes.reduce(into: [UInt8]()) { $0 += bytes[$1.bytes] } == bytes)
        case .failure(let error):
            #expect(error.location.map { $0.line <= 3 } ?? true)
        }
    }

    /// fuzz-roundtrip: `set` with a map whose entries come in another order than the field's
    /// (here a new entry between two kept ones) appended the new entries at the end, so the
    /// field did not read back and the edit failed with `readBackFailed`.
    @Test("Setting a map to reordered entries writes them in the given order")
    func reorderedMap() throws {
        var document = try RecordDocument(parsing: "opened:\n  kind: date\n  required: true\n  default: today\nb: 1\n")
        let entries = [
            MapEntry(key: "kind", value: .string("enum")),
            MapEntry(key: "values", value: .list(["open", "closed"])),
            MapEntry(key: "default", value: .string("open")),
        ]
        try document.set("opened", to: .map(entries))
        #expect(document["opened"] == .map(entries))
        #expect(document.text == "opened:\n  kind: enum\n  values: [open, closed]\n  default: open\nb: 1\n")
        let swapped = [entries[2], entries[0]]
        try document.set("opened", to: .map(swapped))
        #expect(document["opened"] == .map(swapped))
        #expect(document["b"] == .string("1"))
    }

    /// fuzz-roundtrip: multi-line text written as a `|` block took in the lines after the field:
    /// `|+` keeps the blank lines that follow, and an indented comment reads as text.
    @Test("Multi-line text set before blank lines or an indented comment reads back", arguments: [
        ("b: c\n\n", "x\n\n\n"),
        ("b: c\n\n\nd: e\n", "x\n\n"),
        ("b: c\n  # note\nd: e\n", "x\ny"),
        ("b: |\n  c\n  d\n  # note\n", "x\ny"),
    ])
    func multiLineBeforeFollowingLines(_ input: String, _ text: String) throws {
        var document = try RecordDocument(parsing: input)
        try document.set("b", to: .string(text))
        #expect(document["b"] == .string(text))
        let reread = try RecordDocument(parsing: document.bytes)
        #expect(reread.values == document.values)
    }

    /// fuzz-roundtrip: `copyField` of a `|` block on the last line of a file without a final
    /// line feed added one, which `|` keeps, so the copy failed with `readBackFailed`.
    @Test("Copying a block scalar from the end of a file without a final line feed")
    func copyBlockWithoutFinalLineFeed() throws {
        let source = try RecordDocument(parsing: "notes: |\n  x")
        #expect(source["notes"] == .string("x"))
        var document = try RecordDocument(parsing: "name: a\n\n")
        try document.copyField("notes", from: source)
        #expect(document["notes"] == .string("x"))
        #expect(document["name"] == .string("a"))
        var same = source
        try same.copyField("notes", from: source)
        #expect(same.bytes == source.bytes)
    }

    /// fuzz-roundtrip: setting a field written `key:` on the last line of a file without a
    /// final line feed put the value on a line of its own, which did not read back.
    @Test("Setting an empty field at the end of a file without a final line feed", arguments: [
        ("v: 1\nissued:", "2026-11-22", "v: 1\nissued: 2026-11-22"),
        ("issued:", "-5#", "issued: -5#"),
        ("a: 1\nb:", "x\ny", "a: 1\nb: |-\n  x\n  y\n"),
    ])
    func emptyFieldAtEnd(_ input: String, _ text: String, _ expected: String) throws {
        var document = try RecordDocument(parsing: input)
        try document.set(document.fields.last!.key, to: .string(text))
        #expect(document.text == expected)
    }
}

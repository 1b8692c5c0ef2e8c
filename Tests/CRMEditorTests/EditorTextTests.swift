import Testing
@testable import CRMEditor

/// Positions as the protocol counts them (UTF-16) against crm's columns (Unicode scalars), and
/// incremental changes applied where the editor says.
@Suite("Editor text and UTF-16 positions")
struct EditorTextTests {
    @Test("Columns and UTF-16 characters", arguments: [
        ("name: Černý", 7, 6), ("name: Černý", 8, 7), ("note: 🙂 ok", 8, 8), ("note: 🙂 ok", 9, 9), ("ab", 3, 2),
    ])
    func conversion(line: String, column: Int, character: Int) {
        #expect(EditorText.character(ofColumn: column, in: line[...]) == character)
        #expect(EditorText.column(ofCharacter: character, in: line[...]) == column)
    }

    @Test("Inside a surrogate pair is the character it belongs to")
    func insidePair() {
        #expect(EditorText.column(ofCharacter: 7, in: "note: 🙂 ok") == 7)
    }

    @Test("Incremental changes", arguments: [
        ("name: Jan\nstatus: activ\n", 1, 13, 1, 13, "e", "name: Jan\nstatus: active\n"),
        ("a: 🙂x\nb: 2\n", 0, 5, 0, 6, "y", "a: 🙂y\nb: 2\n"),
        ("a: 1\r\nb: 2\r\n", 1, 3, 1, 4, "3", "a: 1\r\nb: 3\r\n"),
        ("a: 1\nb: 2\n", 0, 4, 1, 4, "", "a: 1\n"),
        ("a: 1\n", 5, 0, 5, 0, "b: 2\n", "a: 1\nb: 2\n"),
        ("a: Čá\n", 0, 99, 0, 99, "!", "a: Čá!\n"),
    ])
    func changes(text: String, startLine: Int, startCharacter: Int, endLine: Int, endCharacter: Int, replacement: String, expected: String) {
        var editor = EditorText(text)
        editor.replace(from: .init(line: startLine, character: startCharacter), to: .init(line: endLine, character: endCharacter), with: replacement)
        #expect(editor.text == expected)
    }

    @Test("Lines without their breaks, \\r\\n too")
    func lines() {
        #expect(EditorText("a\r\nb\n\nc").lines == ["a", "b", "", "c"])
        #expect(EditorText("").lines == [""])
    }

    @Test("file: URIs", arguments: [
        ("file:///tmp/a%20b/%C4%8Cern%C3%BD.yaml", "/tmp/a b/Černý.yaml"), ("file://localhost/tmp/x.yaml", "/tmp/x.yaml"),
    ])
    func uris(uri: String, path: String) {
        #expect(FileURI.path(uri) == path)
        #expect(FileURI.path(FileURI.uri(path)) == path)
    }

    @Test("Not file: URIs, or malformed", arguments: ["https://example.cz/a.yaml", "file://host/a.yaml", "file:///a%2", "file:///a%ZZ"])
    func badURIs(uri: String) {
        #expect(FileURI.path(uri) == nil)
    }
}

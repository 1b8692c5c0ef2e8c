import Testing
@testable import CRMSyntax

/// An edit and the exact file it must produce from `EditTests.original`.
struct EditCase: CustomTestStringConvertible, Sendable {
    let name: String
    let edit: @Sendable (inout RecordDocument) throws -> Void
    let expected: String

    var testDescription: String { name }
}

let editOriginal = """
# Customer record
name: Acme Trading s.r.o.   # legal name
status: active
tags: [vip, "key account"]
phones:
  - +420 601 111 222   # office
  # mobile below
  - +420 777 333 444
address:
  street: Dlouhá 12
  city: Praha # HQ
  zip: '110 00'
notes: |
  First contact at the fair.

  Prefers email.

owner: jan

"""

/// `editOriginal` with line `number` (1-based) replaced by `lines` (none to delete it).
func editedOriginal(replacing number: Int, with lines: [String]) -> String {
    var all = editOriginal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    all.replaceSubrange((number - 1)..<number, with: lines)
    return all.joined(separator: "\n")
}

let editCases: [EditCase] = [
    EditCase(name: "set a scalar", edit: { try $0.set("status", to: .string("churned")) },
             expected: editedOriginal(replacing: 3, with: ["status: churned"])),
    EditCase(name: "set keeps the trailing comment", edit: { try $0.set("name", to: .string("Acme: s.r.o.")) },
             expected: editedOriginal(replacing: 2, with: ["name: 'Acme: s.r.o.'   # legal name"])),
    EditCase(name: "set a flow list keeps item quoting", edit: { try $0.set("tags", to: .list(["vip", "key account", "new"])) },
             expected: editedOriginal(replacing: 4, with: ["tags: [vip, \"key account\", new]"])),
    EditCase(name: "append to a block list", edit: { try $0.append("+420 603 000 000", to: "phones") },
             expected: editedOriginal(replacing: 8, with: ["  - +420 777 333 444", "  - +420 603 000 000"])),
    EditCase(name: "remove a list item keeps comments", edit: { try $0.removeItem("+420 601 111 222", from: "phones") },
             expected: editedOriginal(replacing: 6, with: [])),
    EditCase(name: "insert into the middle of a block list",
             edit: { try $0.set("phones", to: .list(["+420 601 111 222", "112", "+420 777 333 444"])) },
             expected: editedOriginal(replacing: 6, with: ["  - +420 601 111 222   # office", "  - 112"])),
    EditCase(name: "set a map entry keeps its comment", edit: { try $0.set("address", entry: "city", to: .string("Brno")) },
             expected: editedOriginal(replacing: 11, with: ["  city: Brno # HQ"])),
    EditCase(name: "add a map entry", edit: { try $0.set("address", entry: "country", to: .string("CZ")) },
             expected: editedOriginal(replacing: 12, with: ["  zip: '110 00'", "  country: CZ"])),
    EditCase(name: "remove a map entry", edit: { try $0.remove("address", entry: "zip") },
             expected: editedOriginal(replacing: 12, with: [])),
    EditCase(name: "set multi-line text", edit: { try $0.set("notes", to: .string("Met at the fair.\nCall back.\n")) },
             expected: editedOriginal(replacing: 13, with: ["notes: |", "  Met at the fair.", "  Call back."])
                .replacingOccurrences("  First contact at the fair.\n\n  Prefers email.\n", with: "")),
    EditCase(name: "remove a field", edit: { try $0.remove("owner") },
             expected: editedOriginal(replacing: 18, with: [])),
    EditCase(name: "rename a key", edit: { try $0.rename("owner", to: "account-manager") },
             expected: editedOriginal(replacing: 18, with: ["account-manager: jan"])),
    EditCase(name: "new field after a named one", edit: { try $0.set("segment", to: .string("enterprise"), at: .after("status")) },
             expected: editedOriginal(replacing: 3, with: ["status: active", "segment: enterprise"])),
    EditCase(name: "new field at the end", edit: { try $0.set("created", to: .string("2026-11-22")) },
             expected: editedOriginal(replacing: 18, with: ["owner: jan", "created: 2026-11-22"])),
    EditCase(name: "new field before a named one", edit: { try $0.set("kind", to: .string("company"), at: .before("name")) },
             expected: editedOriginal(replacing: 2, with: ["kind: company", "name: Acme Trading s.r.o.   # legal name"])),
    EditCase(name: "a list becomes a scalar", edit: { try $0.set("tags", to: .string("none")) },
             expected: editedOriginal(replacing: 4, with: ["tags: none"])),
    EditCase(name: "an emptied block list becomes []", edit: { try $0.set("phones", to: .list([])) },
             expected: editedOriginal(replacing: 5, with: ["phones: []"])
                .replacingOccurrences("  - +420 601 111 222   # office\n  # mobile below\n  - +420 777 333 444\n", with: "")),
    EditCase(name: "an empty string is quoted", edit: { try $0.set("status", to: .string("")) },
             expected: editedOriginal(replacing: 3, with: ["status: \"\""])),
]

extension String {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

@Suite("Editing")
struct EditTests {
    @Test("Edits produce the expected file", arguments: editCases)
    func expectedText(_ example: EditCase) throws {
        var document = try RecordDocument(parsing: editOriginal)
        try example.edit(&document)
        #expect(document.text == example.expected)
    }

    @Test("Each edit touches only the edited field's lines", arguments: editCases)
    func minimality(_ example: EditCase) throws {
        let original = try RecordDocument(parsing: editOriginal)
        var document = original
        try example.edit(&document)
        let before = editOriginal.split(separator: "\n", omittingEmptySubsequences: false)
        let after = document.text.split(separator: "\n", omittingEmptySubsequences: false)
        var prefix = 0
        while prefix < min(before.count, after.count) && before[prefix] == after[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(before.count, after.count) - prefix
            && before[before.count - 1 - suffix] == after[after.count - 1 - suffix] { suffix += 1 }
        let changedLines = (prefix + 1)...max(prefix + 1, before.count - suffix)
        let touchedFields = original.fields.filter { field in
            let first = field.keyLocation.line
            let last = first + original.bytes[field.bytes].filter { $0 == 0x0A }.count - 1
            return changedLines.overlaps(first...max(first, last))
        }
        #expect(touchedFields.count <= 1, "\(example.name) touched \(touchedFields.map(\.key))")
    }

    @Test("CRLF files get CRLF lines")
    func crlf() throws {
        var document = try RecordDocument(parsing: "a: 1\r\ntags:\r\n  - x\r\n")
        try document.append("y", to: "tags")
        try document.set("b", to: .string("two\nlines\n"))
        #expect(document.text == "a: 1\r\ntags:\r\n  - x\r\n  - y\r\nb: |\r\n  two\r\n  lines\r\n")
    }

    @Test("A file without a final newline gets one before a new field")
    func missingFinalNewline() throws {
        var document = try RecordDocument(parsing: "a: 1")
        try document.set("b", to: .string("2"))
        #expect(document.text == "a: 1\nb: 2\n")
    }

    @Test("A byte order mark stays first")
    func byteOrderMark() throws {
        var document = try RecordDocument(parsing: "\u{FEFF}# only a comment\n")
        try document.set("a", to: .string("1"), at: .start)
        #expect(document.text == "\u{FEFF}# only a comment\na: 1\n")
    }

    @Test("Refused edits leave the document unchanged")
    func refusals() throws {
        var document = try RecordDocument(parsing: editOriginal)
        #expect(throws: RecordEditError.invalidKey("bad key")) { try document.set("bad key", to: .string("x")) }
        #expect(throws: RecordEditError.notAList("status")) { try document.append("x", to: "status") }
        #expect(throws: RecordEditError.duplicateKey("status")) { try document.rename("owner", to: "status") }
        #expect(throws: RecordEditError.noSuchField("missing")) { try document.rename("missing", to: "other") }
        #expect(throws: RecordEditError.self) {
            try document.set("address", to: .map([MapEntry(key: "inner", value: .map([MapEntry(key: "x", value: .string("y"))]))]))
        }
        #expect(throws: RecordEditError.self) { try document.set("address", to: .map([])) }
        #expect(document.text == editOriginal)
    }

    @Test("Canonical records")
    func canonical() throws {
        let document = try RecordDocument(fields: [
            Field(key: "name", value: .string("Škoda Transport a.s.")),
            Field(key: "tags", value: .list(["vip", "key account", "a,b"])),
            Field(key: "address", value: .map([MapEntry(key: "city", value: .string("Plzeň")),
                                               MapEntry(key: "zip", value: .string("301 00"))])),
            Field(key: "empty", value: .string("")),
            Field(key: "phones", value: .list(["+420 601 111 222 (office, main line)", "+420 777 333 444 (mobile, private)"])),
            Field(key: "notes", value: .string("  indented first line\nsecond\n\n")),
        ])
        #expect(document.text == """
            name: Škoda Transport a.s.
            tags: [vip, key account, 'a,b']
            address:
              city: Plzeň
              zip: 301 00
            empty: ""
            phones:
              - +420 601 111 222 (office, main line)
              - +420 777 333 444 (mobile, private)
            notes: |2+
                indented first line
              second


            """)
    }
}

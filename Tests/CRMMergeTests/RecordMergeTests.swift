import Testing
@testable import CRMMerge
@testable import CRMSyntax

/// One three-way merge of a record: the base and both sides as files, and the expected file.
struct MergeCase: CustomTestStringConvertible, Sendable {
    let name: String
    let base: String?
    let ours: String
    let theirs: String
    let merged: String
    let conflicts: [String]

    init(_ name: String, base: String?, ours: String, theirs: String, merged: String, conflicts: [String] = []) {
        self.name = name
        self.base = base
        self.ours = ours
        self.theirs = theirs
        self.merged = merged
        self.conflicts = conflicts
    }

    var testDescription: String { name }
}

let mergeCases: [MergeCase] = [
    MergeCase("different fields", base: "name: Acme\nstatus: lead\nowner: jana\n",
              ours: "name: Acme\nstatus: active\nowner: jana\n", theirs: "name: Acme\nstatus: lead\nowner: petr\n",
              merged: "name: Acme\nstatus: active\nowner: petr\n"),
    MergeCase("same field, same value", base: "name: Acme\nstatus: lead\n",
              ours: "name: Acme\nstatus: active\n", theirs: "name: Acme\nstatus: active\n", merged: "name: Acme\nstatus: active\n"),
    MergeCase("same field, different values", base: "name: Acme\nstatus: lead\n",
              ours: "name: Acme\nstatus: active\n", theirs: "name: Acme\nstatus: churned\n",
              merged: "name: Acme\nstatus: active\nconflicts:\n  status: churned\nconflicts-with: 1a2b3c4\n", conflicts: ["status"]),
    MergeCase("tags added on both sides", base: "name: Acme\ntags: [vip]\n",
              ours: "name: Acme\ntags: [vip, partner]\n", theirs: "name: Acme\ntags: [vip, export]\n",
              merged: "name: Acme\ntags: [vip, partner, export]\n"),
    MergeCase("a tag removed on one side, another added on the other", base: "name: Acme\ntags:\n  - vip\n  - partner\n",
              ours: "name: Acme\ntags:\n  - partner\n", theirs: "name: Acme\ntags:\n  - vip\n  - partner\n  - export\n",
              merged: "name: Acme\ntags:\n  - partner\n  - export\n"),
    MergeCase("notes edited in different paragraphs",
              base: "name: Acme\nnotes: |\n  First paragraph.\n\n  Second paragraph.\n",
              ours: "name: Acme\nnotes: |\n  First paragraph, edited.\n\n  Second paragraph.\n",
              theirs: "name: Acme\nnotes: |\n  First paragraph.\n\n  Second paragraph, edited too.\n",
              merged: "name: Acme\nnotes: |\n  First paragraph, edited.\n\n  Second paragraph, edited too.\n"),
    MergeCase("notes edited in the same line",
              base: "name: Acme\nnotes: |\n  One line.\n  Two lines.\n",
              ours: "name: Acme\nnotes: |\n  One line, ours.\n  Two lines.\n",
              theirs: "name: Acme\nnotes: |\n  One line, theirs.\n  Two lines.\n",
              merged: "name: Acme\nnotes: |\n  One line, ours.\n  Two lines.\nconflicts:\n  notes: \"One line, theirs.\\nTwo lines.\\n\"\nconflicts-with: 1a2b3c4\n",
              conflicts: ["notes"]),
    MergeCase("a field added on both sides with different values", base: "name: Acme\n",
              ours: "name: Acme\nphone: +420 601 111 222\n", theirs: "name: Acme\nphone: +420 777 000 111\n",
              merged: "name: Acme\nphone: +420 601 111 222\nconflicts:\n  phone: +420 777 000 111\nconflicts-with: 1a2b3c4\n",
              conflicts: ["phone"]),
    MergeCase("a field added on both sides with the same value", base: "name: Acme\n",
              ours: "name: Acme\nphone: +420 601\n", theirs: "name: Acme\nphone: +420 601\n", merged: "name: Acme\nphone: +420 601\n"),
    MergeCase("a field removed on one side and changed on the other", base: "name: Acme\nowner: jana\n",
              ours: "name: Acme\nowner: petr\n", theirs: "name: Acme\n",
              merged: "name: Acme\nowner: petr\nconflicts:\n  owner: \"\"\nconflicts-with: 1a2b3c4\n", conflicts: ["owner"]),
    MergeCase("a field removed on the other side only", base: "name: Acme\nowner: jana\nstatus: lead\n",
              ours: "name: Acme\nowner: jana\nstatus: active\n", theirs: "name: Acme\nstatus: lead\n",
              merged: "name: Acme\nstatus: active\n"),
    MergeCase("a field added by the other side goes where it has it", base: "name: Acme\nstatus: lead\n",
              ours: "name: Acme\nstatus: active\n", theirs: "name: Acme\nsegment: smb   # small\nstatus: lead\n",
              merged: "name: Acme\nsegment: smb   # small\nstatus: active\n"),
    MergeCase("our comments and the other side's formatting stay", base: "# Our oldest customer\nname: Acme\ncity: Brno\nowner: jana\n",
              ours: "# Our oldest customer\nname: Acme   # legal name\ncity: Brno\nowner: jana\n",
              theirs: "# Our oldest customer\nname: Acme\ncity: 'Praha'   # moved in 2026\nowner: jana\n",
              merged: "# Our oldest customer\nname: Acme   # legal name\ncity: 'Praha'   # moved in 2026\nowner: jana\n"),
    MergeCase("map entries merge one by one", base: "name: Acme\naddress:\n  city: Brno\n  zip: 602 00\n",
              ours: "name: Acme\naddress:\n  city: Brno\n  zip: 602 01\n", theirs: "name: Acme\naddress:\n  city: Praha\n  zip: 602 00\n",
              merged: "name: Acme\naddress:\n  city: Praha\n  zip: 602 01\n"),
    MergeCase("a map entry changed differently", base: "name: Acme\naddress:\n  city: Brno\n",
              ours: "name: Acme\naddress:\n  city: Olomouc\n", theirs: "name: Acme\naddress:\n  city: Praha\n",
              merged: "name: Acme\naddress:\n  city: Olomouc\nconflicts:\n  address: ['city: Praha']\nconflicts-with: 1a2b3c4\n",
              conflicts: ["address"]),
    MergeCase("a new file on both sides, merged field by field", base: nil,
              ours: "name: Acme\nstatus: lead\n", theirs: "name: Acme\nstatus: lead\nowner: petr\n",
              merged: "name: Acme\nstatus: lead\nowner: petr\n"),
    MergeCase("CRLF files stay CRLF", base: "name: Acme\r\nstatus: lead\r\n",
              ours: "name: Acme\r\nstatus: active\r\n", theirs: "name: Acme\r\nstatus: lead\r\nowner: jana\r\n",
              merged: "name: Acme\r\nstatus: active\r\nowner: jana\r\n"),
    MergeCase("an earlier conflict is kept", base: "name: Acme\nstatus: lead\n",
              ours: "name: Acme\nstatus: active\nconflicts:\n  status: churned\nconflicts-with: 9f9f9f9\n",
              theirs: "name: Acme\nstatus: lead\nowner: petr\n",
              merged: "name: Acme\nstatus: active\nowner: petr\nconflicts:\n  status: churned\nconflicts-with: 9f9f9f9\n"),
]

@Suite("Field-level merge of records")
struct RecordMergeTests {
    @Test("Merges as a person would", arguments: mergeCases)
    func merges(_ example: MergeCase) throws {
        let base = try example.base.map { try RecordDocument(parsing: Array($0.utf8)) }
        let result = try RecordMerge.merge(base: base, ours: try RecordDocument(parsing: Array(example.ours.utf8)),
                                           theirs: try RecordDocument(parsing: Array(example.theirs.utf8)), other: "1a2b3c4")
        #expect(result.document.text == example.merged)
        #expect(result.conflicts.map(\.key) == example.conflicts)
        #expect(try RecordDocument(parsing: result.document.bytes).values == result.document.values)
    }

    @Test("No value from either side is lost", arguments: mergeCases)
    func nothingLost(_ example: MergeCase) throws {
        let ours = try RecordDocument(parsing: Array(example.ours.utf8))
        let theirs = try RecordDocument(parsing: Array(example.theirs.utf8))
        let base = try example.base.map { try RecordDocument(parsing: Array($0.utf8)) }
        let merged = try RecordMerge.merge(base: base, ours: ours, theirs: theirs, other: "x").document
        let kept = Set(merged.values.flatMap { field in field.value.strings.flatMap { $0.split(separator: "\n").map(String.init) } }
                       + merged.values.flatMap { $0.value.map?.flatMap { $0.value.strings } ?? [] })
        let removedOnPurpose = Set((base?.values ?? []).flatMap { $0.value.strings.flatMap { $0.split(separator: "\n").map(String.init) } })
        for side in [ours, theirs] {
            for value in side.values.flatMap({ $0.value.strings }) where !value.isEmpty {
                let lines = value.split(separator: "\n").map(String.init).filter { !removedOnPurpose.contains($0) }
                #expect(lines.allSatisfy { line in kept.contains(line) || kept.contains { $0.contains(line) } }, "\(value) was lost")
            }
        }
    }

    @Test("Diff3 takes each side's change and refuses overlapping ones", arguments: [
        (["a", "b", "c"], ["A", "b", "c"], ["a", "b", "C"], ["A", "b", "C"] as [String]?),
        (["a", "b", "c"], ["A", "b", "c"], ["A", "b", "c"], ["A", "b", "c"]),
        (["a", "b", "c"], ["A", "b", "c"], ["X", "b", "c"], nil),
        (["a"], ["a", "b"], ["a", "c"], nil),
        (["a", "b"], ["a", "x", "b"], ["a", "b", "y"], ["a", "x", "b", "y"]),
        ([], ["a"], [], ["a"]),
    ])
    func diff3(_ base: [String], _ ours: [String], _ theirs: [String], _ merged: [String]?) {
        #expect(Diff3.merge(base: base, ours: ours, theirs: theirs) == merged)
    }

    @Test("Conflicts are read back and removed one by one")
    func conflictEntries() throws {
        var document = try RecordDocument(parsing: Array(
            "name: Acme\nstatus: active\nconflicts:\n  status: churned\n  owner:\n  address: [\"city: Praha\", \"zip: 110 00\"]\nconflicts-with: 1a2b3c4\n".utf8))
        let entries = MergeConflicts.entries(in: document)
        #expect(entries.map(\.key) == ["status", "owner", "address"])
        #expect(MergeConflicts.theirs(entries[0].value, isMap: false) == .string("churned"))
        #expect(MergeConflicts.theirs(entries[1].value, isMap: false) == nil)
        #expect(MergeConflicts.theirs(entries[2].value, isMap: true)
                == .map([MapEntry(key: "city", value: .string("Praha")), MapEntry(key: "zip", value: .string("110 00"))]))
        #expect(try MergeConflicts.remove("status", from: &document))
        #expect(try !MergeConflicts.remove("status", from: &document))
        try MergeConflicts.remove("owner", from: &document)
        try MergeConflicts.remove("address", from: &document)
        #expect(document.text == "name: Acme\nstatus: active\n")
    }
}

import CRMSyntax
import CRMTestSupport
import Testing
@testable import CRMWorkspace

/// Pointing references at a renamed or merged record: only the reference lines change.
@Suite("Reference retarget")
struct ReferenceRetargetTests {
    static let call = Record(id: "c1", type: "call", path: "calls/2026/11/c1.yaml", fields: [])

    @Test("A referrer's reference fields and list items name the new id; other lines stay", arguments: [
        ("customer: acme\ncalls: [c1, c2]\nsubject: A  # kept\n", "customer: acme\ncalls: [c9, c2]\nsubject: A  # kept\n"),
        ("customer: acme\ncalls:\n  - c2\n  - c1\n", "customer: acme\ncalls:\n  - c2\n  - c9\n"),
        ("customer: acme\ncalls: [c1, c9]\n", "customer: acme\ncalls: [c9]\n"),
    ])
    func retargeted(before: String, after: String) throws {
        let fixture = try TemporaryWorkspace(files: [:])
        let type = try #require(fixture.workspace.schema.type(named: "complaint"))
        let document = try RecordDocument(parsing: before)
        let moved = try #require(try ReferenceRetarget.retargeted(document, type: type, from: Self.call, to: "c9"))
        #expect(String(decoding: moved.bytes, as: UTF8.self) == after)
    }

    @Test("A record that does not name it is left alone")
    func untouched() throws {
        let fixture = try TemporaryWorkspace(files: [:])
        let type = try #require(fixture.workspace.schema.type(named: "complaint"))
        let document = try RecordDocument(parsing: "customer: c1\ncalls: [c2]\n")
        #expect(try ReferenceRetarget.retargeted(document, type: type, from: Self.call, to: "c9") == nil,
                "a customer field naming 'c1' is not a reference to the call c1")
    }

    @Test("The renamed file stays in its folder")
    func path() {
        #expect(ReferenceRetarget.path(of: Self.call, renamedTo: "c9") == "calls/2026/11/c9.yaml")
    }
}

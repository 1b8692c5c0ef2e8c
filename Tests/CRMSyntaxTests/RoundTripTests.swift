import Foundation
import Testing
@testable import CRMSyntax

@Suite("Round trip")
struct RoundTripTests {
    static let sampleWorkspace = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sample-workspace")

    /// Every `.yaml` file under sample-workspace, its own schema files included.
    static func sampleFiles() -> [URL] {
        guard let walker = FileManager.default.enumerator(at: sampleWorkspace, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
    }

    @Test("Setting every field to its own value leaves the bytes alone", arguments: acceptedCases)
    func noOpEdits(_ example: AcceptedCase) throws {
        var document = try RecordDocument(parsing: example.input)
        let original = document.bytes
        for field in document.fields {
            try document.set(field.key, to: field.value)
        }
        #expect(document.bytes == original)
    }

    @Test("The canonical form reads back the same values", arguments: acceptedCases)
    func canonicalForm(_ example: AcceptedCase) throws {
        let canonical = try RecordDocument(fields: example.fields)
        let reread = try RecordDocument(parsing: canonical.bytes)
        #expect(reread.values == example.fields)
    }

    @Test("Every file in sample-workspace reads and writes back byte for byte")
    func sampleWorkspaceFiles() throws {
        let files = Self.sampleFiles()
        #expect(!files.isEmpty, "sample-workspace holds no records")
        for url in files {
            let bytes = try Array(Data(contentsOf: url))
            var document = try RecordDocument(parsing: bytes, path: url.lastPathComponent)
            let covered = document.nodes.reduce(into: [UInt8]()) { $0 += bytes[$1.bytes] }
            #expect(covered == bytes, "\(url.lastPathComponent)")
            for field in document.fields {
                try document.set(field.key, to: field.value)
            }
            #expect(document.bytes == bytes, "\(url.lastPathComponent)")
            let canonical = try RecordDocument(fields: document.values)
            #expect(try RecordDocument(parsing: canonical.bytes).values == document.values)
        }
    }
}

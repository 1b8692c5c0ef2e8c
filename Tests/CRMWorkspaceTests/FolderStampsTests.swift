import CRMTestSupport
import Foundation
import Testing
@testable import CRMWorkspace

/// Noticing files changed on disk by the stamps of the workspace's folders.
@Suite("Folder stamps")
struct FolderStampsTests {
    static func stamps(_ fixture: TemporaryWorkspace) -> FolderStamps {
        FolderStamps(workspace: fixture.workspace, records: RecordScanner.scan(fixture.workspace).files.map(\.path))
    }

    @Test("A file added, removed or replaced by a rename changes its folder's stamp", arguments: [
        "add", "remove", "rename", "type", "none",
    ])
    func change(action: String) throws {
        let fixture = try TemporaryWorkspace(files: ["customers/acme.yaml": "name: Acme\nstatus: active\n",
                                                     "calls/2026/11/c1.yaml": "customer: acme\nat: 2026-11-02T09:00\nsubject: A\n"])
        try fixture.settleFolders()
        let stamps = Self.stamps(fixture)
        let root = fixture.root
        switch action {
        case "add": try "customer: acme\nat: 2026-11-03T09:00\nsubject: B\n".write(toFile: root + "/calls/2026/11/c2.yaml", atomically: false, encoding: .utf8)
        case "remove": try FileManager.default.removeItem(atPath: root + "/customers/acme.yaml")
        case "rename": try "name: Acme 2\nstatus: active\n".write(toFile: root + "/customers/acme.yaml", atomically: true, encoding: .utf8)
        case "type": try FileManager.default.createDirectory(atPath: root + "/calls/2027", withIntermediateDirectories: false)
        default: break
        }
        #expect(stamps.changed() == (action != "none"))
    }

    @Test("Folders changed within the racy window count as changed")
    func racy() throws {
        let fixture = try TemporaryWorkspace(files: ["customers/acme.yaml": "name: Acme\nstatus: active\n"])
        try fixture.settleFolders()
        // Changed "now" however long the test waits to take the stamps.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: fixture.root + "/customers")
        #expect(Self.stamps(fixture).changed(), "a change in the same clock tick would leave the stamps as they were")
    }
}

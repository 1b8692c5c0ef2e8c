import Foundation
import CRMTestSupport
import Testing
@testable import CRMWorkspace

@Suite("Workspace discovery and initialization")
struct WorkspaceTests {
    @Test("Found from -C, $CRM_WORKSPACE, or the nearest ancestor")
    func discovery() throws {
        let fixture = try TemporaryWorkspace()
        let nested = fixture.root + "/customers/deep/er"
        try FileManager.default.createDirectory(atPath: nested, withIntermediateDirectories: true)
        #expect(try Workspace.locate(explicit: nil, environment: [:], currentDirectory: nested) == fixture.root)
        #expect(try Workspace.locate(explicit: fixture.root, environment: [:], currentDirectory: "/") == fixture.root)
        #expect(try Workspace.locate(explicit: nil, environment: ["CRM_WORKSPACE": fixture.root], currentDirectory: "/")
                    == fixture.root)
        #expect(try Workspace.locate(explicit: "../../..", environment: [:], currentDirectory: nested) == fixture.root)
    }

    @Test("Says so outside any workspace")
    func notFound() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-none-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: WorkspaceError.notFound(from: folder)) {
            try Workspace.locate(explicit: nil, environment: [:], currentDirectory: folder)
        }
        #expect(throws: WorkspaceError.notAWorkspace(path: folder, source: "-C")) {
            try Workspace.locate(explicit: folder, environment: [:], currentDirectory: "/")
        }
        #expect(throws: WorkspaceError.notAWorkspace(path: folder, source: "CRM_WORKSPACE")) {
            try Workspace.locate(explicit: nil, environment: ["CRM_WORKSPACE": folder], currentDirectory: "/")
        }
    }

    @Test("init writes the built-in types and refuses an existing workspace")
    func initialize() throws {
        let fixture = try TemporaryWorkspace()
        let workspace = fixture.workspace
        #expect(workspace.problems.isEmpty)
        #expect(workspace.schema.typeNames == ["call", "complaint", "contact", "customer", "invoice"])
        #expect(workspace.config.name == "test")
        #expect(workspace.config.autoCommit)
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/.gitignore"))
        #expect(throws: InitError.alreadyAWorkspace(fixture.root)) {
            try WorkspaceInitializer.create(at: fixture.root, name: "again")
        }
    }

    @Test("A name that needs quoting is written so it reads back")
    func quotedName() throws {
        let text = WorkspaceInitializer.configText(name: "Acme: #1 'best'", language: .czech)
        #expect(text.contains("name: \"Acme: #1 'best'\"\n"))
        #expect(text.contains("# Commit every change"))
        #expect(text.contains("# The language text sorts in: cs, sk or en.\nlanguage: cs\n"))
    }

    @Test("The built-in types in sample-workspace are the ones crm init writes")
    func builtinTypesMatchSample() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-workspace/.crm/types")
        for (name, text) in BuiltinTypes.files {
            let file = try String(contentsOf: sample.appendingPathComponent(name + ".yaml"), encoding: .utf8)
            #expect(file == text, "\(name).yaml differs from BuiltinTypes")
        }
    }
}

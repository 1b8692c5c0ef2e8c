import Foundation
import CRMWorkspace

/// A workspace made by `crm init` in a fresh temporary folder, removed when the test ends.
public final class TemporaryWorkspace {
    public let root: String

    public init(files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("crm-test-\(UUID().uuidString.prefix(8))").path
        try WorkspaceInitializer.create(at: root, name: "test")
        for (path, text) in files { try write(path, text) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    public func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public var workspace: Workspace { Workspace(root: root) }
}

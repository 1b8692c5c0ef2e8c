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

    /// Sets the times of every folder an hour back, out of the racy window of stamps, as if
    /// nothing had changed for a while.
    public func settleFolders() throws {
        let past = Date(timeIntervalSinceNow: -3600)
        let folders = (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? [])
            .filter { FileIO.isDirectory(root + "/" + $0) } + [""]
        for folder in folders {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: root + "/" + folder)
        }
    }
}

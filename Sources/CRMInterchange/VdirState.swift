import CRMWorkspace
import Foundation

/// What the last `crm vdir sync` of one folder saw, kept in `.crm/cache/vdir/` (git-ignored): for
/// each UID, the record's id, the card's file and a digest of its bytes, and the synced values
/// both sides agreed on. A missing or damaged state is an empty one: the next sync compares
/// both sides directly and crm's values win where they differ.
public struct VdirState: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        public var id: String
        public var file: String
        public var digest: String
        public var values: [String: [String]]
    }

    public var folder: String
    public var items: [String: Item]

    /// Where the state of the vdir at `folder` (absolute) is kept in `workspace`.
    public static func path(for folder: String, in workspace: Workspace) -> String {
        workspace.absolute(RecordCache.folder + "/vdir/" + digest(Array(folder.utf8)) + ".json")
    }

    /// The state last saved for `folder`, or an empty one.
    public static func load(for folder: String, in workspace: Workspace) -> VdirState {
        guard let bytes = try? FileIO.read(path(for: folder, in: workspace), limit: 64 << 20),
              let state = try? JSONDecoder().decode(VdirState.self, from: Data(bytes)), state.folder == folder else {
            return VdirState(folder: folder, items: [:])
        }
        return state
    }

    /// Saves the state, replacing the last one whole.
    public func save(in workspace: Workspace) throws(FileError) {
        let path = Self.path(for: folder, in: workspace)
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw FileError(path: folder, code: EIO, operation: "create folder")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try AtomicFile.write(Array(data), to: path, durable: false)
    }

    /// A 64-bit FNV-1a digest of `bytes`, in hex: enough to tell a changed card from the same one.
    public static func digest(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}

/// Where a workspace's definition files (settings, types, saved queries and reports) are
/// read from: the workspace folder, with the texts an editor holds unsaved in place of some
/// of them, so an editor's buffer is checked as it will be once saved.
public struct DefinitionSource: Sendable {
    public let root: String
    /// Unsaved texts by path relative to the workspace; a path not on disk is a new file.
    public let unsaved: [String: [UInt8]]

    public init(root: String, unsaved: [String: [UInt8]] = [:]) {
        self.root = root
        self.unsaved = unsaved
    }

    /// The bytes of the file at `path`: the unsaved text when there is one.
    public func read(_ path: String) throws(FileError) -> [UInt8] {
        if let bytes = unsaved[path] { return bytes }
        return try FileIO.read(root + "/" + path)
    }

    public func exists(_ path: String) -> Bool {
        unsaved[path] != nil || FileIO.kind(of: root + "/" + path) != nil
    }

    /// The sorted names of the entries of `folder`, the unsaved new files included; `nil` when the
    /// folder does not exist and holds nothing unsaved.
    public func names(in folder: String) -> [String]? {
        let prefix = folder + "/"
        let new = unsaved.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
            .map { String($0.dropFirst(prefix.count)) }
        let stored = DirectoryWalker.names(in: root + "/" + folder)
        guard stored != nil || !new.isEmpty else { return nil }
        return Set((stored ?? []) + new).sorted()
    }
}

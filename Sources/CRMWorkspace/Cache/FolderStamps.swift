/// The stamps of a workspace's folders, to notice files changed on disk without a watcher: a
/// folder's times change whenever a file in it is added, removed or replaced by a rename, as
/// git, crm and most editors write. Stamps as fresh as the racy window count as changed the
/// next time too, since a change within the same clock tick leaves the times as they were.
public struct FolderStamps: Sendable {
    let root: String
    private var stamps: [String: FileStamp?]
    private var taken: Int64

    /// The folders of `workspace` that hold its definitions and records: `.crm` and its
    /// folders, each type's folder, and every folder above the record files at `records`
    /// (paths in the workspace); and the files `watching` themselves, for a change written in place.
    public init(workspace: Workspace, records: some Sequence<String>, watching files: [String] = []) {
        var folders: Set<String> = [".crm", ".crm/types", ".crm/queries", ".crm/reports", ""]
        for type in workspace.schema.types { folders.insert(type.folder) }
        for file in records {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                guard folders.insert(String(path)).inserted else { break }
            }
        }
        folders.formUnion(files)
        root = workspace.root
        taken = FileStamp.now()
        stamps = Dictionary(uniqueKeysWithValues: folders.map { ($0, FileStamp(path: Self.absolute($0, root: workspace.root))) })
    }

    /// True when a folder changed (or appeared, or went) since the stamps were taken.
    public func changed() -> Bool {
        stamps.contains { folder, stamp in
            let now = FileStamp(path: Self.absolute(folder, root: root))
            guard now == stamp else { return true }
            return (now?.modified ?? 0) >= taken - RecordCache.racyWindow
        }
    }

    private static func absolute(_ folder: String, root: String) -> String {
        folder.isEmpty ? root : root + "/" + folder
    }
}

/// Keeps reads and writes of records inside the workspace: a workspace-relative path is used
/// only when it names no parent folder, and no folder on the way to it, nor the file itself,
/// is a symbolic link, which could lead anywhere.
public enum WorkspacePath {
    /// Why `path` (relative to the workspace at `root`) could lead outside the workspace, or
    /// `nil` when it cannot. Parts of the path that do not exist yet are fine: they would be
    /// created as real folders.
    public static func problem(with path: String, in root: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            return "\(path) is not a path inside the workspace"
        }
        var current = ""
        for (index, part) in parts.enumerated() {
            current += (current.isEmpty ? "" : "/") + part
            switch FileIO.kind(of: root + "/" + current) {
            case nil: return nil
            case .symbolicLink: return "\(current) is a symbolic link; crm does not follow links out of the workspace"
            case .directory where index < parts.count - 1, .file where index == parts.count - 1: continue
            case .directory, .file, .special:
                return index < parts.count - 1 ? "\(current) is not a folder" : "\(current) is not a regular file"
            }
        }
        return nil
    }
}

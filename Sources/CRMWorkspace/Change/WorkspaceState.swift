#if canImport(Glibc)
import Glibc
#endif

/// Where a workspace keeps the state of a change in progress: the write lock every writer
/// takes, and the undo journal. In a git repository they live in git's own folder
/// (`.git/crm/`), which is never committed, cleaned (`git clean -x`) or deleted with a cache;
/// otherwise in `.crm/`. Every workspace of one repository shares them, as it shares git's index.
public struct WorkspaceState: Sendable, Hashable {
    /// The folder holding the lock and the journal, absolute.
    public let folder: String
    /// git's folder of the repository holding the workspace, when one does.
    public let gitFolder: String?

    /// The state of the workspace at `root`.
    public init(root: String) {
        gitFolder = GitDirectory.locate(from: root)
        folder = gitFolder.map { $0 + "/crm" } ?? root + "/" + Workspace.markerFolder
    }

    public init(workspace: Workspace) {
        self.init(root: workspace.root)
    }

    /// The lock file (`flock`).
    public var lockPath: String { folder + "/lock" }
    /// The undo journal of the change in progress.
    public var journalPath: String { folder + "/journal" }
    /// git's index lock, `.git/index.lock`, when the workspace is in git.
    public var indexLockPath: String? { gitFolder.map { $0 + "/index.lock" } }

    /// Makes the folder when it is missing.
    public func create() throws(FileError) {
        if let code = SystemCall.failure({ mkdir(folder, 0o755) }), code != EEXIST {
            throw FileError(path: folder, code: code, operation: "create folder")
        }
    }
}

/// Finds the git folder of the repository holding a folder without opening the repository, as
/// git does: the nearest `.git` folder at or above it, or the folder a `.git` file names
/// (`gitdir: PATH`, for worktrees and submodules).
public enum GitDirectory {
    /// The git folder, absolute, or `nil` when no repository holds `path` (an absolute path).
    public static func locate(from path: String) -> String? {
        var folder = FileIO.absolute(path, from: "/")
        while true {
            let candidate = (folder == "/" ? "" : folder) + "/.git"
            switch FileIO.kind(of: candidate) {
            case .directory?:
                return candidate
            case .file?:
                if let named = named(by: candidate, in: folder) { return named }
            default:
                break
            }
            if folder == "/" { return nil }
            let parent = folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)]
            folder = parent.isEmpty ? "/" : String(parent)
        }
    }

    /// The folder a `.git` file in `folder` names.
    private static func named(by file: String, in folder: String) -> String? {
        guard let bytes = try? FileIO.read(file, limit: 4096) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).first, line.hasPrefix("gitdir:") else { return nil }
        let target = line.dropFirst("gitdir:".count).trimmingWhitespace()
        let path = FileIO.absolute(target, from: folder)
        return FileIO.isDirectory(path) ? path : nil
    }
}

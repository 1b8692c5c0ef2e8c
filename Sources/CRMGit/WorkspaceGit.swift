#if canImport(Glibc)
import Glibc
#endif
import CRMSyntax
import CRMWorkspace

/// A record as one commit changed it, with its field-level changes.
public struct RecordChange: Sendable, Hashable {
    public var id: String
    public var type: String
    public var kind: FileChange.Kind
    /// Relative to the workspace.
    public var path: String
    public var oldPath: String?
    public var fields: [FieldChange]
    /// The record before and after, when they parse.
    public var before: [Field]?
    public var after: [Field]?
}

/// A workspace inside a git repository: its history read record by record, field by field,
/// and commits of exactly the files a command changed.
public struct WorkspaceGit {
    public let repository: Repository
    public let workspace: Workspace
    /// The workspace's folder relative to the repository's working folder (`""` when they are one).
    public let prefix: String

    /// The repository holding the workspace, or `nil` when it is not in one.
    public init?(workspace: Workspace) throws(GitError) {
        guard let repository = try Repository.discover(containing: workspace.root) else { return nil }
        self.init(repository: repository, workspace: workspace)
    }

    public init(repository: Repository, workspace: Workspace) {
        self.repository = repository
        self.workspace = workspace
        let root = Self.resolved(workspace.root)
        let top = Self.resolved(repository.workdir)
        prefix = root == top ? "" : String(root.dropFirst(top.count + (top.hasSuffix("/") ? 0 : 1)))
    }

    private static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// A workspace path as the repository names it.
    public func repositoryPath(_ path: String) -> String {
        prefix.isEmpty ? path : prefix + "/" + path
    }

    /// A repository path as the workspace names it, or `nil` when it is outside the workspace.
    public func workspacePath(_ path: String) -> String? {
        if prefix.isEmpty { return path }
        guard path.hasPrefix(prefix + "/") else { return nil }
        return String(path.dropFirst(prefix.count + 1))
    }

    /// The workspace's files git holds as not merged (workspace paths).
    public func unmergedPaths() throws(GitError) -> [UnmergedPath] {
        try repository.unmergedPaths().compactMap { unmerged in
            workspacePath(unmerged.path).map { UnmergedPath(path: $0, inAncestor: unmerged.inAncestor, ours: unmerged.ours, theirs: unmerged.theirs) }
        }
    }

    /// The commits that changed the record at `path`, newest first, following renames.
    public func history(ofRecord path: String, limit: Int? = nil) throws(GitError) -> [(commit: CommitInfo, change: RecordChange)] {
        try repository.history(ofFile: repositoryPath(path), limit: limit).compactMap { item in
            recordChange(item.change).map { (item.commit, $0) }
        }
    }

    /// The commits that changed records of the workspace, newest first, with what they changed.
    public func history(limit: Int? = nil) throws(GitError) -> [(commit: CommitInfo, changes: [RecordChange])] {
        try repository.history(under: prefix, limit: limit).map { item in
            (item.commit, item.changes.compactMap(recordChange))
        }
    }

    /// The records that differ between two revisions (`to` `nil`: the working files).
    public func changes(from: String, to: String?) throws(GitError) -> [RecordChange] {
        try repository.changes(from: from, to: to, under: prefix).compactMap(recordChange)
    }

    /// The commit a revision or a date (`YYYY-MM-DD`: the last commit made before the next day) names.
    public func commit(at revision: String) throws(GitError) -> CommitInfo {
        if let date = CivilDate(revision) {
            let midnight = Int64(date.adding(days: 1).dayNumber) * 86_400 - Int64(GitDate.now().offset * 60)
            guard let commit = try repository.lastCommit(before: midnight) else {
                throw GitError(operation: "find the workspace as it was on \(revision)", code: -3,
                               message: "there is no commit before then")
            }
            return commit
        }
        return try repository.resolve(revision)
    }

    /// Every record of the workspace as it was at a commit, read from git's objects.
    public func records(at commitID: String) throws(GitError) -> (records: [Record], problems: [Diagnostic]) {
        var records: [Record] = []
        var problems: [Diagnostic] = []
        var reader = RecordReader()
        for file in try repository.files(under: prefix, at: commitID) {
            guard let path = workspacePath(file.path), path.hasSuffix(".yaml"),
                  let type = workspace.schema.type(forPath: path) else { continue }
            let id = String(path.split(separator: "/").last!.dropLast(5))
            guard file.bytes.count <= RecordFile.maximumSize else {
                problems.append(RecordFile.unreadable(path, FileError(path: path, code: EFBIG, operation: "read", size: file.bytes.count)))
                continue
            }
            do {
                let document = try reader.read(file.bytes, path: path)
                records.append(Record(id: id, type: type.name, path: path, fields: document.values))
            } catch {
                problems.append(error)
            }
        }
        return (records.sorted { $0.path < $1.path }, problems)
    }

    /// The workspace files that differ from HEAD (workspace paths).
    public func status() throws(GitError) -> [StatusEntry] {
        try repository.status(under: prefix).compactMap { entry in
            workspacePath(entry.path).map { StatusEntry(path: $0, change: entry.change, untracked: entry.untracked) }
        }
    }

    /// A file change as a record change; `nil` for files that are not records.
    private func recordChange(_ change: FileChange) -> RecordChange? {
        guard let path = workspacePath(change.path), path.hasSuffix(".yaml"),
              let type = workspace.schema.type(forPath: path) else { return nil }
        func values(_ bytes: [UInt8]?) -> [Field]? {
            guard let bytes, bytes.count <= RecordFile.maximumSize else { return nil }
            return try? RecordDocument(parsing: bytes).values
        }
        let before = values(change.oldBytes)
        let after = values(change.newBytes)
        let id = String(path.split(separator: "/").last!.dropLast(5))
        return RecordChange(id: id, type: type.name, kind: change.kind, path: path,
                            oldPath: change.oldPath.flatMap(workspacePath), fields: RecordChanges.between(before ?? [], after ?? []),
                            before: before, after: after)
    }
}

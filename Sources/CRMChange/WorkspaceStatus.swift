import CRMCheck
import CRMGit
import CRMSyntax
import CRMWorkspace

/// What changed in the workspace since the last commit (by hand, or with `--no-commit`): its
/// records and the files that define it (settings, types, saved queries and reports,
/// `.gitignore`, `.gitattributes`), each with the problems `WorkspaceCheck` finds in it now.
public struct WorkspaceStatus: Sendable {
    public struct Entry: Sendable {
        /// Relative to the workspace.
        public var path: String
        public var change: StatusEntry.Change
        /// True when git does not track the file yet.
        public var untracked: Bool
        public var file: WorkspaceFile
        /// The record's id, for a record.
        public var id: String?
        /// The problems found in the file.
        public var problems: [Diagnostic]
    }

    public let entries: [Entry]
    /// Problems the changes cause in other files: records that refer to a deleted record, and,
    /// when a definition changed, every problem of the workspace outside the changed files.
    public let otherProblems: [Diagnostic]

    /// The status of the workspace of `git`; with `allowsDuplicates`, a repeated unique value is
    /// no problem.
    public init(git: WorkspaceGit, today: CivilDate? = nil, allowsDuplicates: Bool = false) throws(GitError) {
        let workspace = git.workspace
        let head = try git.repository.head()
        var entries: [Entry] = []
        var changed: [ChangedFile] = []
        for item in try git.status() {
            let file = WorkspaceFile(path: item.path, schema: workspace.schema)
            guard file.isDefinition || file.isRecord else { continue }
            let id = file.isRecord ? RecordFile(path: item.path, type: "").id : nil
            let bytes = item.change == .deleted ? nil : try? FileIO.read(workspace.absolute(item.path))
            let before = try head.flatMap { commit throws(GitError) in try git.repository.file(git.repositoryPath(item.path), at: commit.id) }
            changed.append(ChangedFile(path: item.path, bytes: bytes, before: before))
            entries.append(Entry(path: item.path, change: item.change, untracked: item.untracked, file: file, id: id, problems: []))
        }
        let problems = changed.isEmpty ? [] : WorkspaceCheck(workspace, today: today, allowsDuplicates: allowsDuplicates).changes(changed).filter { $0.severity == .error }
        let byPath = Dictionary(grouping: problems, by: \.path)
        for index in entries.indices { entries[index].problems = byPath[entries[index].path] ?? [] }
        let listed = Set(entries.map(\.path))
        self.entries = entries
        otherProblems = problems.filter { !listed.contains($0.path) }
    }

    /// Every problem: those of the changed files, then those they cause elsewhere.
    public var problems: [Diagnostic] { entries.flatMap(\.problems) + otherProblems }

    /// True when nothing changed.
    public var isEmpty: Bool { entries.isEmpty }
}

import CRMGit
import CRMSyntax
import CRMWorkspace
import Foundation

/// The one check on a server, for git's `pre-receive` hook: each pushed tip, read from git
/// objects. The workspace of the last tip that passed is kept written out in the repository's
/// own folder (`crm/checked/`), so a push is checked as a change against it: the files it changes
/// are written there and checked as `crm commit` checks a change, and a push of a few records
/// costs what they cost, not what the workspace does. When that copy is missing, damaged or of
/// another workspace folder, the whole tip is written out and checked.
public struct PushCheck: Sendable {
    /// A pushed ref: its old and new commit (all zeros for none), as a `pre-receive` hook reads them.
    public struct RefUpdate: Sendable, Equatable {
        public var old: String
        public var new: String
        public var name: String

        /// `OLD NEW REF`, one line of a pre-receive hook's input.
        public init?(line: Substring) {
            let words = line.split(separator: " ")
            guard words.count == 3, words[0].count == 40, words[1].count == 40 else { return nil }
            (old, new, name) = (String(words[0]), String(words[1]), String(words[2]))
        }

        public var deletes: Bool { new.allSatisfy { $0 == "0" } }
        public var creates: Bool { old.allSatisfy { $0 == "0" } }
    }

    /// The repository's folder keeping the checked copy: `tree/`, the `commit` it holds, `lock`.
    public let folder: String
    /// The workspace's folder in the repository (`""`: its top).
    public let prefix: String
    public let today: CivilDate?

    public init(repository: Repository, prefix: String, today: CivilDate?) {
        folder = repository.gitFolder + "/crm/checked"
        self.prefix = prefix
        self.today = today
    }

    private var tree: String { folder + "/tree" }
    private var statePath: String { folder + "/commit" }

    /// The problems of a pushed tip, paths the repository's: nothing for a deleted ref, a tip
    /// without a workspace at `prefix`, or a push that changes nothing in it.
    public func check(_ update: RefUpdate, in repository: Repository) throws(GitError) -> [Diagnostic] {
        guard !update.deletes else { return [] }
        let definition = prefix.isEmpty ? ".crm" : prefix + "/.crm"
        guard try !repository.files(under: definition, at: update.new).isEmpty else { return [] }
        let pushed = update.creates ? nil : try repository.changes(from: update.old, to: update.new, under: prefix)
        if pushed?.isEmpty == true { return [] }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Self.failure("cannot create \(folder): \(error)")
        }
        let lock: WorkspaceLock
        do {
            lock = try WorkspaceLock(path: folder + "/lock", timeout: 60)
        } catch {
            throw Self.failure(error.description)
        }
        let problems = try withExtendedLifetime(lock) { () throws(GitError) in
            if let base = checkedCommit(),
               let changes = base == update.old ? pushed : try? repository.changes(from: base, to: update.new, under: prefix) {
                return try checkChange(changes, from: base, to: update.new)
            }
            return try checkWhole(update.new, in: repository)
        }
        return problems.map { problem in
            var problem = problem
            if !prefix.isEmpty { problem.path = prefix + "/" + problem.path }
            return problem
        }
    }

    /// The commit the checked copy holds, when it holds one of this workspace folder that passed.
    private func checkedCommit() -> String? {
        guard let text = try? String(contentsOfFile: statePath, encoding: .utf8) else { return nil }
        let words = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard words.count >= 2, words[0].count == 40, words[1] == prefix, FileIO.kind(of: tree) == .directory else { return nil }
        return String(words[0])
    }

    /// Applies `changes` (from `base`, which the copy holds) to the checked copy and checks them
    /// there as `all()` would, without comparing states with `base`: the commits between may
    /// each have moved a record one allowed step. A tip with errors is taken out again, so the
    /// copy keeps holding the last tip that passed.
    private func checkChange(_ changes: [FileChange], from base: String, to commit: String) throws(GitError) -> [Diagnostic] {
        let files = CommitCheck.changedFiles(changes, path: workspacePath)
        guard !files.isEmpty else { return [] }
        try forget()
        try apply(files.map { ($0.path, $0.bytes) })
        let checked = files.map { ChangedFile(path: $0.path, bytes: $0.bytes, before: nil) }
        let problems = WorkspaceCheck(Workspace(root: tree), today: today).changes(checked)
        if problems.contains(where: { $0.severity == .error }) {
            try apply(files.reversed().map { ($0.path, $0.before) })
            try remember(base)
        } else {
            try remember(commit)
        }
        return problems
    }

    /// Writes the whole workspace at `commit` into the checked copy and checks all of it.
    private func checkWhole(_ commit: String, in repository: Repository) throws(GitError) -> [Diagnostic] {
        try forget()
        try? FileManager.default.removeItem(atPath: tree)
        try apply(try repository.files(under: prefix, at: commit).compactMap { file in workspacePath(file.path).map { ($0, file.bytes) } })
        let problems = WorkspaceCheck(Workspace(root: tree), today: today).all().problems
        if !problems.contains(where: { $0.severity == .error }) { try remember(commit) }
        return problems
    }

    private func workspacePath(_ path: String) -> String? {
        if prefix.isEmpty { return path }
        return path.hasPrefix(prefix + "/") ? String(path.dropFirst(prefix.count + 1)) : nil
    }

    /// Writes each file into the checked copy, or removes it where its bytes are `nil`.
    private func apply(_ files: [(path: String, bytes: [UInt8]?)]) throws(GitError) {
        for (path, bytes) in files {
            let target = tree + "/" + path
            do {
                if let bytes {
                    try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                            withIntermediateDirectories: true)
                    try AtomicFile.write(bytes, to: target, durable: false)
                } else if FileIO.kind(of: target) != nil {
                    try FileManager.default.removeItem(atPath: target)
                }
            } catch {
                throw Self.failure("cannot write \(target): \(error)")
            }
        }
    }

    private func remember(_ commit: String) throws(GitError) {
        do {
            try AtomicFile.write(Array((commit + "\n" + prefix + "\n").utf8), to: statePath, durable: false)
        } catch {
            throw Self.failure(error.description)
        }
    }

    /// Drops the record of what the copy holds while it changes, so an interrupted hook leaves
    /// a copy the next push writes again in full.
    private func forget() throws(GitError) {
        if FileIO.kind(of: statePath) != nil, (try? FileManager.default.removeItem(atPath: statePath)) == nil {
            throw Self.failure("cannot remove \(statePath)")
        }
    }

    private static func failure(_ message: String) -> GitError {
        GitError(operation: "check the pushed commit", code: -1, message: message)
    }
}

import CRMGit
import CRMSyntax
import CRMWorkspace
import Foundation

/// The one check, for git's hooks: what `git commit` is about to commit (the staged files,
/// against the rest of the workspace), and what a push brings to a server (each new tip, read
/// from git objects without a working folder).
public enum CommitCheck {
    /// The problems of the staged change: each file staged (in `indexFile`, else git's index)
    /// below the workspace, as staged, checked against the rest as `crm commit` checks a change.
    public static func staged(_ git: WorkspaceGit, indexFile: String?, today: CivilDate?) throws(GitError) -> [Diagnostic] {
        var files: [ChangedFile] = []
        for change in try git.repository.stagedChanges(under: git.prefix, indexFile: indexFile) {
            if change.kind == .renamed, let old = change.oldPath.flatMap(git.workspacePath) {
                files.append(ChangedFile(path: old, bytes: nil, before: change.oldBytes))
            }
            guard let path = change.newPath.flatMap(git.workspacePath) ?? change.oldPath.flatMap(git.workspacePath) else { continue }
            files.append(ChangedFile(path: path, bytes: change.kind == .deleted ? nil : change.newBytes,
                                     before: change.kind == .renamed ? nil : change.oldBytes))
        }
        guard !files.isEmpty else { return [] }
        return WorkspaceCheck(git.workspace, today: today).changes(files)
    }

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

    /// The problems of a pushed tip: nothing for a deleted ref, a tip without a workspace at
    /// `prefix` (`""`: the top of the repository) or a push that changes nothing in it; else the
    /// whole workspace at `update.new`, written from git objects into `scratch` and checked there.
    /// Paths in the problems are the repository's.
    public static func pushed(_ update: RefUpdate, repository: Repository, prefix: String, scratch: String,
                              today: CivilDate?) throws(GitError) -> [Diagnostic] {
        guard !update.deletes else { return [] }
        let definition = prefix.isEmpty ? ".crm" : prefix + "/.crm"
        guard try !repository.files(under: definition, at: update.new).isEmpty else { return [] }
        if !update.creates, try repository.changes(from: update.old, to: update.new, under: prefix).isEmpty { return [] }
        try? FileManager.default.removeItem(atPath: scratch)
        for (path, bytes) in try repository.files(under: prefix, at: update.new) {
            let relative = prefix.isEmpty ? path : String(path.dropFirst(prefix.count + 1))
            let target = scratch + "/" + relative
            do {
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try AtomicFile.write(bytes, to: target, durable: false)
            } catch {
                throw GitError(operation: "check the pushed commit", code: -1, message: "cannot write \(target): \(error)")
            }
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let workspace = Workspace(root: scratch)
        return WorkspaceCheck(workspace, today: today).all().problems.map { problem in
            var problem = problem
            if !prefix.isEmpty { problem.path = prefix + "/" + problem.path }
            return problem
        }
    }
}

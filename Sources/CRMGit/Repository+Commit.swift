#if canImport(Glibc)
import Glibc
#endif
internal import CGit2
import CRMWorkspace

extension Repository {
    /// Commits exactly `changes` on top of HEAD and makes the index agree for those paths only,
    /// so the user's other staged and unstaged work stays as it was. The new tree is made from
    /// HEAD's tree, not from the index. Returns `nil` when nothing differs from HEAD.
    @discardableResult
    public func commit(_ changes: [PathChange], message: String, author: Signature,
                       committer: Signature) throws(GitError) -> CommitInfo? {
        var parentID = git_oid()
        let headResult = git_reference_name_to_id(&parentID, pointer, "HEAD")
        let hasParent = headResult == 0
        if !hasParent && headResult != GIT_ENOTFOUND.rawValue && headResult != GIT_EUNBORNBRANCH.rawValue {
            try check(headResult, "read HEAD")
        }
        var parent: OpaquePointer?
        var baseline: OpaquePointer?
        defer {
            git_tree_free(baseline)
            git_commit_free(parent)
        }
        if hasParent {
            try check(git_commit_lookup(&parent, pointer, &parentID), "read the HEAD commit")
            try check(git_commit_tree(&baseline, parent), "read the HEAD tree")
        }
        var updates: [git_tree_update] = []
        var paths: [UnsafeMutablePointer<CChar>] = []
        defer { paths.forEach { free($0) } }
        for change in changes {
            let path = strdup(change.path)!
            paths.append(path)
            switch change {
            case .write:
                var oid = git_oid()
                try check(git_blob_create_from_workdir(&oid, pointer, change.path), "store \(change.path) in git")
                updates.append(git_tree_update(action: GIT_TREE_UPDATE_UPSERT, id: oid, filemode: GIT_FILEMODE_BLOB,
                                               path: path))
            case .delete:
                guard let baseline, try blobID(at: change.path, in: baseline) != nil else { continue }
                updates.append(git_tree_update(action: GIT_TREE_UPDATE_REMOVE, id: git_oid(), filemode: GIT_FILEMODE_BLOB,
                                               path: path))
            }
        }
        var treeID = git_oid()
        try check(git_tree_create_updated(&treeID, pointer, baseline, updates.count, updates), "build the new tree")
        if hasParent, git_oid_equal(&treeID, git_tree_id(baseline)) != 0 {
            try updateIndex(for: changes)
            return nil
        }
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &treeID), "read the new tree")
        defer { git_tree_free(tree) }
        try injectFault(.stored)
        var commitID = git_oid()
        try withSignature(author) { authorPointer throws(GitError) in
            try withSignature(committer) { committerPointer throws(GitError) in
                var parents: [OpaquePointer?] = hasParent ? [parent] : []
                try check(git_commit_create(&commitID, pointer, "HEAD", authorPointer, committerPointer, nil, message, tree,
                                            parents.count, &parents), "commit")
            }
        }
        try injectFault(.committed)
        try updateIndex(for: changes)
        return try commit(commitID)
    }

    /// A fault injected for tests (`CRM_FAULT`).
    private func injectFault(_ step: FaultInjection.Step) throws(GitError) {
        if FaultInjection.fails(at: step) { throw GitError(operation: "commit", code: -1, message: "fault injected after \(step.rawValue)") }
    }

    /// Sets the index entries of the changed paths to the working files (or removes them).
    func updateIndex(for changes: [PathChange]) throws(GitError) {
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "read the git index")
        defer { git_index_free(index) }
        for change in changes {
            switch change {
            case .write(let path):
                try check(git_index_add_bypath(index, path), "add \(path) to the git index")
            case .delete(let path):
                let result = git_index_remove_bypath(index, path)
                if result != GIT_ENOTFOUND.rawValue { try check(result, "remove \(path) from the git index") }
            }
        }
        do {
            try check(git_index_write(index), "write the git index")
        } catch where error.code == GIT_ELOCKED.rawValue {
            throw GitError(operation: error.operation, code: error.code, message:
                "\(gitFolder)index.lock exists: a git command is running, or one was interrupted; if none is running, remove that file")
        }
    }

    func withSignature(_ signature: Signature,
                       _ body: (UnsafePointer<git_signature>) throws(GitError) -> Void) throws(GitError) {
        var created: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&created, signature.name, signature.email, signature.time, Int32(signature.offset)),
                  "use the name '\(signature.name)' <\(signature.email)>")
        defer { git_signature_free(created) }
        try body(created!)
    }

    /// The author and committer for a new commit: `GIT_AUTHOR_NAME`, `GIT_AUTHOR_EMAIL`,
    /// `GIT_AUTHOR_DATE` (and the `GIT_COMMITTER_` ones) when set, else `user.name`,
    /// `user.email` from git's configuration and the current time.
    public func signatures(environment: [String: String]) throws(GitError) -> (author: Signature, committer: Signature) {
        let name = try configValue("user.name")
        let email = try configValue("user.email")
        let now = GitDate.now()
        func make(_ role: String) throws(GitError) -> Signature {
            guard let who = environment["GIT_\(role)_NAME"] ?? name, let address = environment["GIT_\(role)_EMAIL"] ?? email,
                  !who.isEmpty else {
                throw GitError(operation: "commit", code: -1, message:
                    "git does not know who you are; run `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.com`")
            }
            var when = now
            if let text = environment["GIT_\(role)_DATE"], !text.isEmpty {
                guard let parsed = GitDate.parse(text) else {
                    throw GitError(operation: "commit", code: -1, message: "GIT_\(role)_DATE '\(text)' is not a date git understands")
                }
                when = parsed
            }
            return Signature(name: who, email: address, time: when.time, offset: when.offset)
        }
        return (try make("AUTHOR"), try make("COMMITTER"))
    }
}

/// Dates as git's environment variables give them: `@1700000000 +0100`, `1700000000 +0100`,
/// or ISO 8601 (`2026-11-20T10:00:00+01:00`, `2026-11-20 10:00:00 +0100`).
enum GitDate {
    static func now() -> (time: Int64, offset: Int) {
        var seconds = time(nil)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return (Int64(seconds), parts.tm_gmtoff / 60)
    }

    static func parse(_ text: String) -> (time: Int64, offset: Int)? {
        let parts = text.split(separator: " ")
        if let first = parts.first, let seconds = Int64(first.hasPrefix("@") ? first.dropFirst() : first) {
            let offset = parts.count > 1 ? zone(String(parts[1])) : 0
            return offset.map { (seconds, $0) }
        }
        var digits = text.replacing("T", with: " ")
        var offset = 0
        if digits.hasSuffix("Z") {
            digits.removeLast()
        } else if let sign = digits.lastIndex(where: { $0 == "+" || $0 == "-" }), digits.distance(from: sign, to: digits.endIndex) <= 6,
                  digits.distance(from: digits.startIndex, to: sign) > 10 {
            guard let parsed = zone(String(digits[sign...]).replacing(":", with: "")) else { return nil }
            offset = parsed
            digits = String(digits[..<sign]).trimmingSpaces()
        }
        let numbers = digits.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 5 else { return nil }
        let (year, month, day) = (numbers[0], numbers[1], numbers[2])
        let seconds = numbers.count > 5 ? numbers[5] : 0
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let days = era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
        let local = Int64(days) * 86_400 + Int64(numbers[3] * 3600 + numbers[4] * 60 + seconds)
        return (local - Int64(offset * 60), offset)
    }

    /// `+0100` → 60.
    private static func zone(_ text: String) -> Int? {
        guard text.count == 5, let sign = text.first, sign == "+" || sign == "-", let value = Int(text.dropFirst()) else { return nil }
        return (value / 100 * 60 + value % 100) * (sign == "-" ? -1 : 1)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}

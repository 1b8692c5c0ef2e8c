#if canImport(Glibc)
import Glibc
#endif
internal import CGit2

/// A git repository opened through libgit2. Owns the `git_repository` handle; every other
/// libgit2 object lives only inside the method that needs it.
public final class Repository {
    let pointer: OpaquePointer
    /// The working folder, absolute, without a trailing slash.
    public let workdir: String

    private init(pointer: OpaquePointer, allowingBare: Bool = false) throws(GitError) {
        self.pointer = pointer
        if allowingBare && git_repository_is_bare(pointer) != 0 {
            workdir = Self.trimmed(String(cString: git_repository_path(pointer)))
            return
        }
        guard let path = git_repository_workdir(pointer) else {
            git_repository_free(pointer)
            throw GitError(operation: "use the repository", code: -1, message: "it is bare (it has no working folder)")
        }
        var text = String(cString: path)
        while text.count > 1 && text.hasSuffix("/") { text.removeLast() }
        workdir = text
    }

    deinit {
        git_repository_free(pointer)
    }

    /// The folder holding git's own files of this working folder (`.git`, or
    /// `.git/worktrees/NAME` for a worktree), absolute, without a trailing slash.
    public var gitFolder: String { Self.trimmed(String(cString: git_repository_path(pointer))) }

    /// The folder holding what a repository's worktrees share (hooks, objects, config).
    public var commonFolder: String { Self.trimmed(String(cString: git_repository_commondir(pointer))) }

    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The repository whose working folder holds `path`, or `nil` when no repository does.
    public static func discover(containing path: String) throws(GitError) -> Repository? {
        _ = libgit2
        var handle: OpaquePointer?
        let result = git_repository_open_ext(&handle, path, 0, nil)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "open the git repository holding \(path)")
        return try Repository(pointer: handle!)
    }

    /// The repository at `path`, bare or not, for reading its commits (a server's hook runs in a
    /// bare one; there `workdir` is the repository's own folder and nothing may be checked out).
    public static func open(_ path: String) throws(GitError) -> Repository {
        _ = libgit2
        var handle: OpaquePointer?
        try check(git_repository_open_ext(&handle, path, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil), "open the git repository \(path)")
        return try Repository(pointer: handle!, allowingBare: true)
    }

    /// The repository git's environment names, as a hook sees it (`GIT_DIR`, and a pre-receive
    /// hook's `GIT_OBJECT_DIRECTORY` and `GIT_ALTERNATE_OBJECT_DIRECTORIES`, where the pushed
    /// objects wait in quarantine), else the one at or above the current folder.
    public static func openFromEnvironment() throws(GitError) -> Repository {
        _ = libgit2
        var handle: OpaquePointer?
        try check(git_repository_open_ext(&handle, nil, UInt32(GIT_REPOSITORY_OPEN_FROM_ENV.rawValue), nil), "open the git repository of the hook")
        return try Repository(pointer: handle!, allowingBare: true)
    }

    /// True for a repository without a working folder.
    public var isBare: Bool { git_repository_is_bare(pointer) != 0 }

    /// Creates a repository in `path` (`git init`).
    public static func create(at path: String) throws(GitError) -> Repository {
        _ = libgit2
        var handle: OpaquePointer?
        try check(git_repository_init(&handle, path, 0), "create a git repository in \(path)")
        return try Repository(pointer: handle!)
    }

    /// The commit HEAD points to, or `nil` before the first commit.
    public func head() throws(GitError) -> CommitInfo? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, pointer, "HEAD")
        if result == GIT_ENOTFOUND.rawValue || result == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(result, "read HEAD")
        return try commit(oid)
    }

    /// The commit a revision names: an id or its prefix, a branch, a tag, `HEAD~3`, `@{2026-11-01}`.
    public func resolve(_ revision: String) throws(GitError) -> CommitInfo {
        var object: OpaquePointer?
        try check(git_revparse_single(&object, pointer, revision), "find revision '\(revision)'")
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        try check(git_object_peel(&peeled, object, GIT_OBJECT_COMMIT), "read revision '\(revision)' as a commit")
        defer { git_object_free(peeled) }
        return try commit(git_object_id(peeled)!.pointee)
    }

    /// The commit with this full id.
    public func commit(id: String) throws(GitError) -> CommitInfo {
        var oid = git_oid()
        try check(git_oid_fromstr(&oid, id), "read commit id '\(id)'")
        return try commit(oid)
    }

    func commit(_ oid: git_oid) throws(GitError) -> CommitInfo {
        var oid = oid
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &oid), "read commit \(hex(&oid))")
        defer { git_commit_free(commit) }
        return info(commit!)
    }

    func info(_ commit: OpaquePointer) -> CommitInfo {
        let parents = (0..<git_commit_parentcount(commit)).map { hex(git_commit_parent_id(commit, $0)) }
        return CommitInfo(id: hex(git_commit_id(commit)), author: Signature(git_commit_author(commit)),
                          committer: Signature(git_commit_committer(commit)),
                          message: String(cString: git_commit_message(commit)), parents: parents)
    }

    /// A file's bytes at a commit, or `nil` when the commit does not have it.
    public func file(_ path: String, at commitID: String) throws(GitError) -> [UInt8]? {
        try withTree(of: commitID) { tree throws(GitError) in try blob(at: path, in: tree) }
    }

    /// Calls `body` with the tree of a commit.
    func withTree<T>(of commitID: String, _ body: (OpaquePointer) throws(GitError) -> T) throws(GitError) -> T {
        var oid = git_oid()
        try check(git_oid_fromstr(&oid, commitID), "read commit id '\(commitID)'")
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &oid), "read commit \(commitID)")
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commit), "read the tree of commit \(commitID)")
        defer { git_tree_free(tree) }
        return try body(tree!)
    }

    /// The id of the blob at `path` in `tree`, or `nil` when there is none.
    func blobID(at path: String, in tree: OpaquePointer) throws(GitError) -> git_oid? {
        var entry: OpaquePointer?
        let result = git_tree_entry_bypath(&entry, tree, path)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "find \(path)")
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
        return git_tree_entry_id(entry).pointee
    }

    func blob(at path: String, in tree: OpaquePointer) throws(GitError) -> [UInt8]? {
        guard var oid = try blobID(at: path, in: tree) else { return nil }
        return try blobBytes(&oid)
    }

    func blobBytes(_ oid: inout git_oid) throws(GitError) -> [UInt8] {
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, pointer, &oid), "read blob \(hex(&oid))")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }

    /// Every file below `prefix` (a folder relative to the working folder, `""` for all) at a commit.
    public func files(under prefix: String, at commitID: String) throws(GitError) -> [(path: String, bytes: [UInt8])] {
        try withTree(of: commitID) { root throws(GitError) in
            var start: OpaquePointer? = root
            var subtree: OpaquePointer?
            defer { if let subtree { git_tree_free(subtree) } }
            if !prefix.isEmpty {
                var entry: OpaquePointer?
                let result = git_tree_entry_bypath(&entry, root, prefix)
                if result == GIT_ENOTFOUND.rawValue { return [] }
                try check(result, "find \(prefix)")
                defer { git_tree_entry_free(entry) }
                guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return [] }
                try check(git_tree_lookup(&subtree, pointer, git_tree_entry_id(entry)), "read folder \(prefix)")
                start = subtree
            }
            var files: [(String, [UInt8])] = []
            try collect(start!, path: prefix, into: &files)
            return files
        }
    }

    private func collect(_ tree: OpaquePointer, path: String, into files: inout [(String, [UInt8])]) throws(GitError) {
        for index in 0..<git_tree_entrycount(tree) {
            let entry = git_tree_entry_byindex(tree, index)
            let name = String(cString: git_tree_entry_name(entry))
            let child = path.isEmpty ? name : path + "/" + name
            var oid = git_tree_entry_id(entry).pointee
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_BLOB:
                files.append((child, try blobBytes(&oid)))
            case GIT_OBJECT_TREE:
                var subtree: OpaquePointer?
                try check(git_tree_lookup(&subtree, pointer, &oid), "read folder \(child)")
                defer { git_tree_free(subtree) }
                try collect(subtree!, path: child, into: &files)
            default:
                continue
            }
        }
    }

    /// A setting from git's configuration (repository, global and system), or `nil`.
    public func configValue(_ name: String) throws(GitError) -> String? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, pointer), "read the git configuration")
        defer { git_config_free(config) }
        return try Self.string(name, in: config)
    }

    /// Sets a setting in the repository's own configuration (`.git/config`).
    public func setConfigValue(_ name: String, _ value: String) throws(GitError) {
        var config: OpaquePointer?
        try check(git_repository_config(&config, pointer), "open the git configuration")
        defer { git_config_free(config) }
        var local: OpaquePointer?
        try check(git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "open the repository's git configuration")
        defer { git_config_free(local) }
        try check(git_config_set_string(local, name, value), "set \(name) in the git configuration")
    }

    /// A setting from the global and system git configuration, for a folder outside any repository.
    public static func globalConfigValue(_ name: String) throws(GitError) -> String? {
        _ = libgit2
        var config: OpaquePointer?
        try check(git_config_open_default(&config), "read the git configuration")
        defer { git_config_free(config) }
        var snapshot: OpaquePointer?
        try check(git_config_snapshot(&snapshot, config), "read the git configuration")
        defer { git_config_free(snapshot) }
        return try string(name, in: snapshot)
    }

    private static func string(_ name: String, in config: OpaquePointer?) throws(GitError) -> String? {
        var value: UnsafePointer<CChar>?
        let result = git_config_get_string(&value, config, name)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "read \(name) from the git configuration")
        return value.map { String(cString: $0) }
    }
}

import CRMCheck
import CRMGit
import CRMSyntax
import CRMWorkspace

extension WorkspaceChange {
    /// Refuses a change that would leave a record it writes less valid than its last commit
    /// (or than it is now, outside git or while a merge is in progress, whose conflicts are in
    /// the files): one that does not parse, is too large, does not fit its type, or carries hand
    /// edits that are not valid. Files committed as they are were checked by the caller.
    func validate(_ items: [StagedFiles.Item], git: WorkspaceGit?, head: String?, merging: Bool = false) throws(ChangeError) {
        var changed: [ChangedFile] = []
        var baselines: [ChangedFile] = []
        var edited: Set<String> = []
        for item in items where !(planned[item.path]?.asItIs ?? false) && item.bytes != nil {
            guard case .record = WorkspaceFile(path: item.path, schema: workspace.schema) else { continue }
            let source = planned[item.path]?.continuing ?? item.path
            let committed = committedBytes(of: source, git: git, head: head)
            let fromCommit = git != nil && head != nil && !merging
            let baseline = fromCommit ? committed : (source == item.path ? item.original : try current(source))
            changed.append(ChangedFile(path: item.path, bytes: item.bytes, before: committed))
            if let baseline { baselines.append(ChangedFile(path: item.path, bytes: baseline, before: committed)) }
            if fromCommit && item.original != committed && item.original != nil { edited.insert(item.path) }
        }
        guard !changed.isEmpty else { return }
        let paths = Set(changed.map(\.path))
        let check = WorkspaceCheck(workspace, allowsDuplicates: options.allowsDuplicates)
        let errors = check.changes(changed).filter { $0.severity == .error && paths.contains($0.path) }
        guard !errors.isEmpty else { return }
        let known = Set(check.changes(baselines).filter { $0.severity == .error }.map(Self.key))
        let introduced = errors.filter { !known.contains(Self.key($0)) }
        guard !introduced.isEmpty else { return }
        let byHand = introduced.map(\.path).filter(edited.contains)
        if let first = byHand.first {
            throw ChangeError(.invalid, "\(first) has hand edits that are not valid, so crm will not commit them; nothing was changed",
                              hint: "fix them (crm check shows how), or undo them with `git checkout -- \(first)`", problems: introduced)
        }
        throw ChangeError(.invalid, "the change would leave \(Set(introduced.map(\.path)).sorted().joined(separator: ", ")) not valid; nothing was changed",
                          problems: introduced)
    }

    /// A problem without its place, to tell whether the same problem was there before.
    private static func key(_ problem: Diagnostic) -> String {
        problem.path + "\u{0}" + problem.code + "\u{0}" + problem.message
    }

    /// The file as the commit `head` has it.
    func committedBytes(of path: String, git: WorkspaceGit?, head: String?) -> [UInt8]? {
        guard let git, let head else { return nil }
        return (try? git.repository.file(git.repositoryPath(path), at: head)) ?? nil
    }

    /// The hand edits in the files the change rewrites: what differs between each file now and
    /// its last commit.
    func handEdits(_ items: [StagedFiles.Item], git: WorkspaceGit, head: String?) -> [HandEdit] {
        items.compactMap { item -> HandEdit? in
            guard !(planned[item.path]?.asItIs ?? false), let original = item.original, planned[item.path]?.continuing == nil else { return nil }
            let committed = committedBytes(of: item.path, git: git, head: head)
            guard original != committed else { return nil }
            guard let committed else { return HandEdit(path: item.path, fields: [], isNewFile: true) }
            let before = (try? RecordDocument(parsing: committed))?.values ?? []
            let now = (try? RecordDocument(parsing: original))?.values ?? []
            return HandEdit(path: item.path, fields: RecordChanges.between(before, now), isNewFile: false)
        }
    }

    /// Refuses a change the disk has no room for, before anything is written: the new files, the
    /// journal, and in git the blobs, the rewritten trees, the new index and the commit.
    func checkSpace(_ items: [StagedFiles.Item], git: WorkspaceGit?, head: String?) throws(ChangeError) {
        guard !FaultInjection.skipsSpaceCheck else { return }
        let block = 4096
        func blocks(_ size: Int) -> Int { (size + block - 1) / block * block }
        let written = items.filter { $0.bytes != $0.original }.compactMap(\.bytes)
        let files = written.reduce(0) { $0 + blocks($1.count) } + blocks(items.reduce(512) { $0 + $1.path.utf8.count + 160 })
        var gitBytes = 0
        var gitFolder: String?
        if let git {
            gitFolder = git.repository.gitFolder
            gitBytes += written.reduce(0) { $0 + blocks($1.count + 64) }
            if let head {
                let repositoryPaths = items.map { git.repositoryPath($0.path) }
                gitBytes += blocks((try? git.repository.sizeOfTrees(on: repositoryPaths, in: head)) ?? 0)
            }
            let index = SystemCall.size(of: git.repository.gitFolder + "/index") ?? 0
            gitBytes += 2 * blocks(index + items.count * 128) + 4 * block
        }
        let margin = 64 << 10
        let root = workspace.root
        guard let free = SystemCall.freeBytes(at: root) else { return }
        if let gitFolder, SystemCall.identity(of: gitFolder)?.device != SystemCall.identity(of: root)?.device {
            try require(files + margin, free: free, at: root)
            if let gitFree = SystemCall.freeBytes(at: gitFolder) { try require(gitBytes + margin, free: gitFree, at: gitFolder) }
        } else {
            try require(files + gitBytes + margin, free: free, at: root)
        }
    }

    private func require(_ needed: Int, free: Int, at path: String) throws(ChangeError) {
        guard needed > free else { return }
        throw ChangeError(.noSpace, "not enough free space for this change: it needs about \(Self.kilobytes(needed)) on the disk of \(path), "
                          + "and \(Self.kilobytes(free)) are free; nothing was changed",
                          hint: "free some space on that disk, then try again")
    }

    private static func kilobytes(_ bytes: Int) -> String {
        bytes >= 10 << 20 ? "\(bytes >> 20) MB" : "\((bytes + 1023) / 1024) kB"
    }
}

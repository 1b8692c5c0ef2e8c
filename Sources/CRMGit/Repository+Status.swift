#if canImport(Glibc)
import Glibc
#endif
internal import CGit2

extension Repository {
    /// Files below `prefix` that differ from HEAD, in the index or the working folder,
    /// untracked files included.
    public func status(under prefix: String) throws(GitError) -> [StatusEntry] {
        var options = git_status_options()
        git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION))
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX.rawValue
        var pathspec = strdup(prefix)
        defer { free(pathspec) }
        var list: OpaquePointer?
        try withUnsafeMutablePointer(to: &pathspec) { strings throws(GitError) in
            if !prefix.isEmpty { options.pathspec = git_strarray(strings: strings, count: 1) }
            try check(git_status_list_new(&list, pointer, &options), "read the git status")
        }
        defer { git_status_list_free(list) }
        var entries: [StatusEntry] = []
        for index in 0..<git_status_list_entrycount(list) {
            let entry = git_status_byindex(list, index)!.pointee
            let flags = entry.status.rawValue
            let delta = entry.index_to_workdir ?? entry.head_to_index
            guard let delta else { continue }
            let path = String(cString: delta.pointee.new_file.path ?? delta.pointee.old_file.path)
            let untracked = flags & GIT_STATUS_WT_NEW.rawValue != 0 && flags & GIT_STATUS_INDEX_NEW.rawValue == 0
            let change: StatusEntry.Change
            if flags & (GIT_STATUS_INDEX_DELETED.rawValue | GIT_STATUS_WT_DELETED.rawValue) != 0 {
                change = .deleted
            } else if flags & (GIT_STATUS_INDEX_NEW.rawValue | GIT_STATUS_WT_NEW.rawValue) != 0 {
                change = .added
            } else if flags & GIT_STATUS_INDEX_RENAMED.rawValue != 0 {
                change = .renamed
            } else if flags & (GIT_STATUS_INDEX_MODIFIED.rawValue | GIT_STATUS_WT_MODIFIED.rawValue
                               | GIT_STATUS_INDEX_TYPECHANGE.rawValue | GIT_STATUS_WT_TYPECHANGE.rawValue) != 0 {
                change = .modified
            } else {
                continue
            }
            entries.append(StatusEntry(path: path, change: change, untracked: untracked))
        }
        return entries.sorted { $0.path < $1.path }
    }
}

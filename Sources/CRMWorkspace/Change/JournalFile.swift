#if canImport(Glibc)
import Glibc
#endif

/// The journal of the change the lock holder is making, on disk: written whole and flushed
/// before any file is touched, the commit appended once it exists, removed when the change is
/// complete or completely undone. Owns the descriptor.
public final class JournalFile {
    private let descriptor: Int32
    public let path: String

    /// Writes `journal` to the workspace's journal file and flushes it (and its folder).
    public init(_ journal: ChangeJournal, state: WorkspaceState) throws(FileError) {
        path = state.journalPath
        try state.create()
        descriptor = try SystemCall.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC | O_NOFOLLOW,
                                         operation: "create the change journal")
        do throws(FileError) {
            try FileIO.writeAll(journal.encoded(), to: descriptor, path: path)
            try SystemCall.check("flush", path) { fdatasync(descriptor) }
            try SystemCall.syncFolder(state.folder)
            if FaultInjection.fails(at: .journaled) { throw FileError(path: path, code: ENOSPC, operation: "write") }
        } catch {
            SystemCall.close(descriptor)
            _ = SystemCall.failure { unlink(path) }
            throw error
        }
    }

    deinit {
        SystemCall.close(descriptor)
    }

    /// Records that `commit` holds the change; only then may HEAD move to it.
    public func appendCommit(_ commit: String) throws(FileError) {
        try FileIO.writeAll(ChangeJournal.commitLine(commit), to: descriptor, path: path)
        try SystemCall.check("flush", path) { fdatasync(descriptor) }
    }

    /// Removes the journal: the change is complete, or completely undone.
    public func remove() {
        ChangeJournal.remove(at: path)
    }
}

extension ChangeJournal {
    /// Removes the journal file at `path`, and flushes its folder.
    public static func remove(at path: String) {
        guard SystemCall.failure({ unlink(path) }) == nil else { return }
        try? SystemCall.syncFolder(String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]))
    }
}

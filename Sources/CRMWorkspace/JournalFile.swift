#if canImport(Glibc)
import Glibc
#endif

/// The undo journal being written by the command that holds the workspace lock: each entry
/// is appended and flushed before the file it describes is touched. Owns the descriptor.
public final class JournalFile {
    private let descriptor: Int32
    private let path: String

    /// Starts the journal of a change that began at commit `head` (`nil` outside git).
    public init(workspace: Workspace, head: String?) throws(FileError) {
        path = workspace.absolute(ChangeJournal.path)
        mkdir(workspace.absolute(".crm/cache"), 0o755)
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw FileError(path: ChangeJournal.path, code: errno, operation: "create") }
        try FileIO.writeAll(ChangeJournal.header(head: head), to: descriptor, path: ChangeJournal.path)
    }

    deinit {
        close(descriptor)
    }

    /// Records `entry` durably; only then may its file change.
    public func append(_ entry: ChangeJournal.Entry) throws(FileError) {
        try FileIO.writeAll(ChangeJournal.encode(entry), to: descriptor, path: ChangeJournal.path)
        guard fdatasync(descriptor) == 0 else { throw FileError(path: ChangeJournal.path, code: errno, operation: "flush") }
        if FaultInjection.fails(at: .journaled) { throw FileError(path: ChangeJournal.path, code: ENOSPC, operation: "write") }
    }

    /// Removes the journal: the change is complete (or completely undone).
    public func remove() {
        ChangeJournal.remove(at: path)
    }
}

extension ChangeJournal {
    /// Removes the journal of `workspace`.
    public static func remove(in workspace: Workspace) {
        remove(at: workspace.absolute(path))
    }

    static func remove(at absolute: String) {
        try? AtomicFile.remove(absolute)
    }
}

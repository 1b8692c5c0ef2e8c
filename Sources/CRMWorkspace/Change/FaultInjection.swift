#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A test hook that makes a write fail, or kills the process, at a chosen step, so tests can
/// show that every interruption leaves the workspace and git consistent.
///
/// Set `CRM_FAULT=ACTION:STEP[:N]`: ACTION is `fail` (the step reports "no space left on
/// device", or a git error for the git steps) or `kill` (the process dies by SIGKILL right
/// after the step); N picks the Nth time the step is reached (default 1). Unset, it costs one
/// `getenv` per step.
public enum FaultInjection {
    /// The steps of a change, in the order a command reaches them.
    public enum Step: String, CaseIterable, Sendable {
        /// The journal of the change is written and flushed.
        case journaled
        /// The temporary file exists.
        case created
        /// The new bytes are in the temporary file.
        case written
        /// The temporary file is flushed to disk.
        case synced
        /// The backup (a hard link) of a file the change replaces or deletes exists.
        case linked
        /// The temporary file has replaced the record (or the deleted file is gone).
        case renamed
        /// The new blobs, tree and commit are in git's object store; HEAD has not moved.
        case stored
        /// HEAD points at the new commit; git's index is not in place yet.
        case committed
        /// Git's index is in place; the journal is not removed yet.
        case indexed
    }

    public static let variable = "CRM_FAULT"

    /// True when `CRM_FAULT=skip:space`: the change skips its check of free space, so that a test
    /// can show what a disk that fills up half-way does.
    public static var skipsSpaceCheck: Bool {
        getenv(variable).map { String(cString: $0) } == "skip:space"
    }

    private static let reached = Mutex<[Step: Int]>([:])

    /// Called at `step`: kills the process or returns true (the caller then fails) when
    /// `CRM_FAULT` names this step and this is the chosen time it is reached.
    public static func fails(at step: Step) -> Bool {
        guard let setting = getenv(variable).map({ String(cString: $0) }), !setting.isEmpty else { return false }
        let parts = setting.split(separator: ":").map(String.init)
        guard parts.count >= 2, parts[1] == step.rawValue else { return false }
        let wanted = parts.count > 2 ? Int(parts[2]) ?? 1 : 1
        let count = reached.withLock { counts in
            counts[step, default: 0] += 1
            return counts[step]!
        }
        guard count == wanted else { return false }
        if parts[0] == "kill" {
            kill(getpid(), SIGKILL)
        }
        return parts[0] == "fail"
    }
}

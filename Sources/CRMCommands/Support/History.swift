import CRMGit
import CRMInterchange
import CRMSyntax
import CRMWorkspace

/// Shared by the history commands: the workspace's repository, and how commits and field
/// changes are shown.
enum History {
    /// The repository holding the workspace, or an error that says how to start one.
    static func git(_ workspace: Workspace) throws(CommandError) -> WorkspaceGit {
        guard let git = try run({ () throws(GitError) in try WorkspaceGit(workspace: workspace) }) else {
            throw CommandError("the workspace is not in a git repository, so it has no history",
                               hint: "start one with `crm init --git` in \(workspace.root)")
        }
        return git
    }

    /// The option of `show` and `list` that reads the workspace as it was.
    static let at = Option<String>(["--at"], value: "rev",
                                   help: "Read the workspace as it was at a revision (commit, branch, HEAD~3) or a date (YYYY-MM-DD).")

    /// The exit status of a command that reads records: 2 when some could not be read (they
    /// were named on standard error), else 0 when something was found and 1 when nothing was.
    static func status(found: Bool, problems: [Diagnostic]) -> Int32 {
        if problems.contains(where: { $0.severity == .error }) { return ExitStatus.failed }
        return found ? ExitStatus.success : ExitStatus.nothingFound
    }

    /// The index of the workspace now (only `types`), or as it was at `revision` (read from git's objects).
    static func index(_ workspace: Workspace, types: [RecordType]? = nil, at revision: String?) throws(CommandError) -> WorkspaceIndex {
        guard let revision else { return WorkspaceIndex(workspace: workspace, types: types) }
        let git = try git(workspace)
        let (records, problems) = try run { () throws(GitError) in try git.records(at: try git.commit(at: revision).id) }
        return WorkspaceIndex(schema: workspace.schema, records: records, problems: problems)
    }

    /// Runs a git operation, turning its error into one for people.
    static func run<T>(_ body: () throws(GitError) -> T) throws(CommandError) -> T {
        do {
            return try body()
        } catch {
            throw CommandError(error.description, hint: error.hint)
        }
    }

    /// `2026-11-20 14:30` in the commit's own time zone.
    static func date(_ signature: Signature) -> String {
        let (day, seconds) = local(signature)
        return "\(day) \(twoDigits(seconds / 3600)):\(twoDigits(seconds / 60 % 60))"
    }

    /// `2026-11-20T14:30:05+01:00`, for JSON.
    static func isoDate(_ signature: Signature) -> String {
        let (day, seconds) = local(signature)
        let offset = signature.offset
        return "\(day)T\(twoDigits(seconds / 3600)):\(twoDigits(seconds / 60 % 60)):\(twoDigits(seconds % 60))"
            + (offset < 0 ? "-" : "+") + twoDigits(abs(offset) / 60) + ":" + twoDigits(abs(offset) % 60)
    }

    /// The date and the seconds since midnight where the signature was made.
    private static func local(_ signature: Signature) -> (CivilDate, Int) {
        let local = signature.time + Int64(signature.offset * 60)
        let day = CivilDate(dayNumber: Int(local.floorDivided(by: 86_400)))
        return (day, Int(local - Int64(day.dayNumber) * 86_400))
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func json(_ commit: CommitInfo) -> [(key: String, value: JSON)] {
        [("commit", .string(commit.id)),
         ("author", .object([("name", .string(commit.author.name)), ("email", .string(commit.author.email))])),
         ("date", .string(isoDate(commit.author))), ("message", .string(commit.message.trimmingWhitespace()))]
    }

    static func json(_ change: FieldChange) -> JSON {
        switch change {
        case .added(let key, let value): return .object([("field", .string(key)), ("change", .string("added")), ("value", JSON(value))])
        case .removed(let key, let value): return .object([("field", .string(key)), ("change", .string("removed")), ("value", JSON(value))])
        case .changed(let key, let from, let to):
            return .object([("field", .string(key)), ("change", .string("changed")), ("from", .string(from)), ("to", .string(to))])
        case .itemAdded(let key, let item): return .object([("field", .string(key)), ("change", .string("item-added")), ("value", .string(item))])
        case .itemRemoved(let key, let item): return .object([("field", .string(key)), ("change", .string("item-removed")), ("value", .string(item))])
        }
    }

    static func json(_ change: RecordChange) -> JSON {
        var members: [(key: String, value: JSON)] = [("id", .string(change.id)), ("type", .string(change.type)), ("path", .string(change.path)),
                                         ("change", .string(change.kind.rawValue))]
        if let oldPath = change.oldPath, oldPath != change.path { members.append(("old-path", .string(oldPath))) }
        members.append(("fields", .array(change.fields.map(json))))
        return .object(members)
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return self % divisor < 0 ? quotient - 1 : quotient
    }
}

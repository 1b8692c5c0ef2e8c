import CRMGit
import CRMWorkspace

/// What a change did once it was made.
public struct ChangeOutcome: Sendable {
    /// The commit that holds the change; `nil` when it was not committed (`--no-commit`, no git,
    /// `auto-commit: false`, a merge in progress, or nothing differed from HEAD).
    public var commit: CommitInfo?
    /// True when the change was staged for a merge in progress instead of committed.
    public var stagedForMerge = false
    /// Changes made by hand to files the change rewrote, committed with it and named in its message.
    public var handEdits: [HandEdit] = []
    /// The hooks that ran, with what they printed.
    public var hooks: [Hooks.Run] = []

    public init() {}
}

/// Changes a person made to a file (in an editor, by hand) since its last commit, which a
/// change of that file commits along with its own.
public struct HandEdit: Sendable, Hashable {
    /// Relative to the workspace.
    public var path: String
    /// The fields changed by hand; empty when the file is not in the last commit at all.
    public var fields: [FieldChange]
    /// True when the file is new since the last commit.
    public var isNewFile: Bool
}

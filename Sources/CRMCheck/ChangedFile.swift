/// A file as a change leaves it, for `WorkspaceCheck.changes`.
public struct ChangedFile: Sendable, Hashable {
    /// Relative to the workspace.
    public var path: String
    /// The file's content after the change; `nil` when the change deletes it.
    public var bytes: [UInt8]?
    /// The file as last committed (`nil` when new, or outside git), against which a change of a
    /// record's state is checked.
    public var before: [UInt8]?

    public init(path: String, bytes: [UInt8]?, before: [UInt8]?) {
        self.path = path
        self.bytes = bytes
        self.before = before
    }
}

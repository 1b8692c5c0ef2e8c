internal import CGit2

/// A libgit2 call that failed: what crm was doing, libgit2's code and its message.
public struct GitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What crm was doing (`read HEAD`, `write the index`).
    public var operation: String
    /// libgit2's return code (negative), for example -3 for not found.
    public var code: Int32
    public var message: String
    /// What to do about it, when crm knows.
    public var hint: String?

    public init(operation: String, code: Int32, message: String, hint: String? = nil) {
        self.operation = operation
        self.code = code
        self.message = message
        self.hint = hint
    }

    public var description: String { "cannot \(operation): \(message)" }

    /// True when libgit2 said the object or reference does not exist.
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
}

/// The one entry point for libgit2 return codes: anything negative becomes a `GitError`
/// carrying `git_error_last()`'s message.
@discardableResult
func check(_ result: Int32, _ operation: @autoclosure () -> String) throws(GitError) -> Int32 {
    guard result < 0 else { return result }
    var message = "libgit2 error \(result)"
    if let last = git_error_last(), let text = last.pointee.message {
        message = String(cString: text).trimmingTrailingNewlines()
    }
    throw GitError(operation: operation(), code: result, message: message)
}

/// libgit2 is initialized once per process, before the first call. Trees of folders with
/// thousands of records stay in the object cache, so walking history parses each once; objects
/// read are trusted as git trusts them, not hashed again.
let libgit2: Void = {
    git_libgit2_init()
    _ = crm_git_cache_trees_up_to(64 << 20)
    _ = crm_git_skip_read_verification()
}()

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

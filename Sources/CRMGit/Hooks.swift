#if canImport(Glibc)
import Glibc
#endif
import CRMWorkspace

/// The repository's commit hooks, run as `git commit` runs them: from `core.hooksPath` (relative
/// to the working folder) or else the `hooks` folder of git's own files; a hook is an executable
/// file named after the event, started in the top of the working folder.
public struct Hooks: Sendable {
    /// A hook that ran.
    public struct Run: Sendable {
        public var name: String
        public var result: Subprocess.Result

        /// What it printed, standard output then standard error.
        public var output: String {
            String(decoding: result.output + result.errors, as: UTF8.self)
        }
    }

    /// The folder hooks are found in, absolute.
    public let folder: String
    public let workdir: String

    /// The hooks of `repository`; `environment` gives `HOME` for a `core.hooksPath` of `~/…`.
    public init(repository: Repository, environment: [String: String]) throws(GitError) {
        workdir = repository.workdir
        if let configured = try repository.configValue("core.hooksPath"), !configured.isEmpty {
            let expanded = configured.hasPrefix("~/") ? (environment["HOME"] ?? "") + configured.dropFirst(1) : configured
            folder = FileIO.absolute(expanded, from: repository.workdir)
        } else {
            folder = repository.commonFolder + "/hooks"
        }
    }

    /// The hook of that name, when it exists and may be run.
    public func path(of name: String) -> String? {
        let path = folder + "/" + name
        guard FileIO.kind(of: path) != .directory, access(path, X_OK) == 0 else { return nil }
        return path
    }

    /// Runs the hook `name` with `arguments` when there is one; `nil` when there is none. A hook
    /// without a `#!` line is run by `/bin/sh`, as git runs it.
    public func run(_ name: String, _ arguments: [String] = [], environment: [String: String]) throws(GitError) -> Run? {
        guard let path = path(of: name) else { return nil }
        do {
            do {
                return Run(name: name, result: try Subprocess(path, arguments, environment: environment, folder: workdir).run())
            } catch where error.code == ENOEXEC {
                return Run(name: name, result: try Subprocess("/bin/sh", [path] + arguments, environment: environment, folder: workdir).run())
            }
        } catch {
            throw GitError(operation: "run the \(name) hook", code: -1, message: error.description)
        }
    }
}

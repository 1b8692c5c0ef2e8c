#if canImport(Glibc)
import Glibc
#endif
internal import CSystem

/// A program run to its end with `posix_spawn`: given arguments, environment, working folder
/// and standard input, with its standard output and standard error captured. Used for git's
/// hooks and filter drivers, which crm runs the way git does.
public struct Subprocess: Sendable {
    /// What the program did.
    public struct Result: Sendable {
        /// The exit status; 128 + N when signal N ended it.
        public var status: Int32
        public var output: [UInt8]
        public var errors: [UInt8]

        public var succeeded: Bool { status == 0 }
    }

    public var executable: String
    public var arguments: [String]
    public var environment: [String: String]
    public var folder: String?
    public var input: [UInt8] = []

    public init(_ executable: String, _ arguments: [String], environment: [String: String], folder: String? = nil, input: [UInt8] = []) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.folder = folder
        self.input = input
    }

    /// The full path of `name` on `PATH` (or `name` itself when it holds a slash), or `nil`.
    public static func find(_ name: String, path: String?) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if access(candidate, X_OK) == 0 && FileIO.kind(of: candidate) != .directory { return candidate }
        }
        return nil
    }

    /// How often a program found busy (`ETXTBSY`) is tried again: for about two seconds in all.
    static let busyRetries = 28

    /// A program that exits before reading all its input must not end crm with SIGPIPE; as git
    /// does when it feeds hooks and filters, crm ignores the signal and sees `EPIPE` instead.
    private static let ignoringBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Runs the program and waits for it. Throws only when it cannot be started.
    public func run() throws(FileError) -> Result {
        _ = Self.ignoringBrokenPipes
        var input = [Int32](repeating: -1, count: 2)
        var output = [Int32](repeating: -1, count: 2)
        var errors = [Int32](repeating: -1, count: 2)
        try SystemCall.check("make a pipe for", executable) { crm_pipe_cloexec(&input) }
        try SystemCall.check("make a pipe for", executable) { crm_pipe_cloexec(&output) }
        try SystemCall.check("make a pipe for", executable) { crm_pipe_cloexec(&errors) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        if let folder { crm_spawn_file_actions_addchdir(&actions, folder) }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environ = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environ.forEach { free($0) } }
        // The program starts with no signal blocked and SIGPIPE at its default, whatever the
        // spawning thread blocks and crm ignores: a hook's `yes | head` ends as in a shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigaddset(&signals, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        var spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        // ETXTBSY: the program was just written and a descriptor to it is still open, in a
        // child some thread forked meanwhile; that child execs or exits at once, so try again.
        for attempt in 1...Self.busyRetries where spawned == ETXTBSY {
            usleep(useconds_t(attempt) * 5_000)
            spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        }
        for descriptor in [input[0], output[1], errors[1]] { SystemCall.close(descriptor) }
        guard spawned == 0 else {
            for descriptor in [input[1], output[0], errors[0]] { SystemCall.close(descriptor) }
            throw FileError(path: executable, code: spawned, operation: "run")
        }
        let (out, err) = exchange(input: input[1], output: output[0], errors: errors[0])
        var status: Int32 = 0
        _ = SystemCall.failure { waitpid(pid, &status, 0) }
        let signal = status & 0x7F
        return Result(status: signal != 0 ? 128 + signal : (status >> 8) & 0xFF, output: out, errors: err)
    }

    /// Feeds standard input and drains both outputs at once, so that no pipe fills up and blocks.
    private func exchange(input: Int32, output: Int32, errors: Int32) -> ([UInt8], [UInt8]) {
        var out: [UInt8] = []
        var err: [UInt8] = []
        var written = 0
        var open: [Int32] = [output, errors]
        var writing: Int32? = input
        if self.input.isEmpty { SystemCall.close(input); writing = nil }
        _ = fcntl(input, F_SETFL, O_NONBLOCK)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !open.isEmpty || writing != nil {
            var polls = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if let writing { polls.append(pollfd(fd: writing, events: Int16(POLLOUT), revents: 0)) }
            guard SystemCall.failure({ poll(&polls, nfds_t(polls.count), -1) }) == nil else { break }
            for entry in polls where entry.revents != 0 {
                if entry.fd == writing {
                    let count = self.input.withUnsafeBytes { Glibc.write(entry.fd, $0.baseAddress! + written, self.input.count - written) }
                    if count > 0 { written += count }
                    if count < 0 && errno != EAGAIN && errno != EINTR || written == self.input.count {
                        SystemCall.close(entry.fd)
                        writing = nil
                    }
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { Glibc.read(entry.fd, $0.baseAddress!, $0.count) }
                if count > 0 {
                    if entry.fd == output { out += buffer[..<count] } else { err += buffer[..<count] }
                } else if count == 0 || errno != EINTR && errno != EAGAIN {
                    SystemCall.close(entry.fd)
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        return (out, err)
    }
}

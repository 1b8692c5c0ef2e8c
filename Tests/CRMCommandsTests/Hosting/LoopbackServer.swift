import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A server a test starts on 127.0.0.1 on a free port and stops itself: sshd or nginx, from
/// Debian's packages (`make deps` installs them), in a temporary folder of its own.
final class LoopbackServer {
    let folder: String
    let port: Int
    private let pid: pid_t
    private let removesFolder: Bool

    /// A port nobody listens on now: bound once to port 0, then released.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// True once something accepts connections on the port.
    static func isListening(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// Starts `arguments` (a server in the foreground) with `folder` prepared, and waits up to 20 s
    /// until it listens on `port` (or, for a server on a unix socket, until `ready` says so).
    init(folder: String, port: Int, arguments: [String], ready: (() -> Bool)? = nil, removesFolder: Bool = true) throws {
        let ready = ready ?? { Self.isListening(port) }
        self.removesFolder = removesFolder
        self.folder = folder
        self.port = port
        // posix_spawn rather than Foundation's Process: a Process left running confuses how
        // Foundation waits for the test's other short-lived processes.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, folder + "/\(URL(fileURLWithPath: arguments[0]).lastPathComponent).log",
                                         O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // The test's threads block signals; the server must get SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var child: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let status = posix_spawn(&child, arguments[0], &actions, &attributes, argv, environ)
        guard status == 0 else { throw FixtureError("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        pid = child
        for _ in 0..<400 {
            if ready() { break }
            guard waitpid(child, nil, WNOHANG) == 0 else { break }
            usleep(50_000)
        }
        guard ready() else {
            kill(child, SIGTERM)
            waitpid(child, nil, 0)
            let log = (try? String(contentsOfFile: folder + "/\(URL(fileURLWithPath: arguments[0]).lastPathComponent).log", encoding: .utf8)) ?? ""
            throw FixtureError("\(arguments[0]) did not start on 127.0.0.1:\(port): \(log)")
        }
    }

    deinit {
        kill(pid, SIGTERM)
        var waited = 0
        while waitpid(pid, nil, WNOHANG) == 0 {
            if waited == 100 { kill(pid, SIGKILL) }
            usleep(50_000)
            waited += 1
        }
        if removesFolder { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Runs a program to completion; fails on a non-zero exit.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let result = try GitFixture.shell(arguments, environment: environment)
        guard result.status == 0 else { throw FixtureError("\(arguments.joined(separator: " ")) failed: \(result.errors)") }
        return result.output
    }
}

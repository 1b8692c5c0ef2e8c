#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CRMInterchange
import CRMWorkspace

/// Runs a `LanguageServer` over two file descriptors (standard input and output): messages
/// framed as the protocol says, diagnostics sent once the client has been quiet for
/// `quiet` milliseconds. Ends on `exit`, when the input closes, or when the framing breaks.
public struct ServerConnection {
    public var server: LanguageServer
    let input: Int32
    let output: Int32
    let quiet: Int32

    public init(server: LanguageServer, input: Int32 = 0, output: Int32 = 1, quietMilliseconds: Int32 = 150) {
        self.server = server
        self.input = input
        self.output = output
        quiet = quietMilliseconds
    }

    /// Serves until the end; returns the exit status (0 after `shutdown` and `exit`). What is
    /// waiting is read and handled together, so a request cancelled meanwhile is not carried
    /// out. While the client is quiet, a server whose client reports no changed files looks at
    /// the disk once a second.
    public mutating func run() throws(FileError) -> Int32 {
        var framer = MessageFramer()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while server.exitCode == nil {
            if !waiting(quiet) {
                try send(server.publishDiagnostics())
                while server.pollsDisk && !waiting(1000) {
                    server.checkDisk()
                    try send(server.publishDiagnostics())
                }
            }
            var bodies: [[UInt8]] = []
            var ended = false
            var broken: MessageFramer.FramingError?
            repeat {
                let count = try SystemCall.count("read", "standard input") { chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) } }
                if count == 0 {
                    ended = true
                    break
                }
                framer.append(chunk[..<count])
                do {
                    while let body = try framer.next() { bodies.append(body) }
                } catch {
                    broken = error
                }
            } while broken == nil && bodies.count < 64 && waiting(0)
            try send(server.receive(batch: bodies))
            if let broken, server.exitCode == nil {
                throw FileError(path: "standard input", code: EPROTO, operation: "read a message (\(broken.description)) from")
            }
            if ended { return server.exitCode ?? 1 }
        }
        return server.exitCode ?? 1
    }

    /// True when input is waiting, or arrives within `milliseconds` (-1: however long it takes); the end of input counts.
    private func waiting(_ milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        var ready: Int32 = 0
        guard SystemCall.failure({ ready = poll(&descriptor, 1, milliseconds); return ready }) == nil else { return true }
        return ready > 0
    }

    private func send(_ messages: [JSON]) throws(FileError) {
        for message in messages {
            try FileIO.writeAll(MessageFramer.frame(Array(message.compact.utf8)), to: output, path: "standard output")
        }
    }
}

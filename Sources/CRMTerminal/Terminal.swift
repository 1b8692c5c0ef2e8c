#if canImport(Glibc)
import Glibc
#endif
import CRMWorkspace

/// The terminal crm's full-screen interface runs on: standard input and output in raw mode on
/// the alternate screen, restored on `stop()`, on deinit, and by `TerminalSignals` when the
/// process is interrupted, terminated or crashes. It owns the terminal's saved mode, the one
/// C state behind it.
public final class Terminal {
    /// True when colors may be used: `NO_COLOR` unset and a `TERM` that has them.
    public let colors: Bool
    private var saved = termios()
    private var active = false
    private var decoder = KeyDecoder()
    private var shown: ScreenFrame?

    /// The terminal on standard input and output; an error when either is not a terminal.
    public init(environment: [String: String]) throws(TerminalError) {
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        let term = environment["TERM"] ?? ""
        colors = (environment["NO_COLOR"] ?? "").isEmpty && !term.isEmpty && term != "dumb"
    }

    deinit { stop() }

    /// Raw mode (each key as it is pressed, no echo, no signals from keys), the alternate
    /// screen, the cursor hidden.
    public func start() throws(TerminalError) {
        guard !active else { return }
        do {
            try SystemCall.check("read the mode of", "the terminal") { tcgetattr(0, &saved) }
            var raw = saved
            raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
            raw.c_oflag &= ~tcflag_t(OPOST)
            raw.c_cflag |= tcflag_t(CS8)
            raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
            withUnsafeMutableBytes(of: &raw.c_cc) { cc in
                cc[Int(VMIN)] = 0
                cc[Int(VTIME)] = 0
            }
            TerminalSignals.arm(restoring: saved)
            try SystemCall.check("set the mode of", "the terminal") { tcsetattr(0, TCSAFLUSH, &raw) }
        } catch {
            TerminalSignals.disarm()
            throw TerminalError.system(error)
        }
        active = true
        shown = nil
        try write("\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J")
    }

    /// Puts the terminal back as it was: cursor, normal screen, mode.
    public func stop() {
        guard active else { return }
        active = false
        _ = try? write(TerminalSignals.leave.description)
        _ = SystemCall.failure { tcsetattr(0, TCSAFLUSH, &saved) }
        TerminalSignals.disarm()
    }

    /// Leaves the screen to another program (an editor) while `body` runs, then takes it back.
    public func suspended<T>(_ body: () throws -> T) throws -> T {
        stop()
        defer { try? start() }
        return try body()
    }

    /// The screen's size; 80×24 when the terminal does not say.
    public func size() -> (columns: Int, rows: Int) {
        var size = winsize()
        guard SystemCall.failure({ ioctl(1, UInt(TIOCGWINSZ), &size) }) == nil, size.ws_col > 0, size.ws_row > 0 else { return (80, 24) }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Draws `frame`, sending only what changed since the last one.
    public func draw(_ frame: ScreenFrame) throws(TerminalError) {
        let update = frame.update(from: shown)
        shown = frame
        if !update.isEmpty { try write(update) }
    }

    /// The keys pressed, waiting up to `milliseconds` for the first; none when the time ran out
    /// or a signal (a resize) came.
    public func keys(waiting milliseconds: Int32) throws(TerminalError) -> [Key] {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        var ready: Int32 = 0
        if let code = SystemCall.failure({ ready = poll(&descriptor, 1, milliseconds); return ready }) {
            throw TerminalError.system(FileError(path: "the terminal", code: code, operation: "wait for"))
        }
        guard ready > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count: Int
        do {
            count = try SystemCall.count("read", "the terminal") { buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) } }
        } catch {
            throw TerminalError.system(error)
        }
        guard count > 0 else { throw TerminalError.closed }
        return decoder.decode(Array(buffer[..<count]))
    }

    private func write(_ text: String) throws(TerminalError) {
        var bytes = Array(text.utf8)
        var offset = 0
        do {
            while offset < bytes.count {
                offset += try SystemCall.count("write to", "the terminal") {
                    bytes.withUnsafeMutableBytes { Glibc.write(1, $0.baseAddress! + offset, $0.count - offset) }
                }
            }
        } catch {
            throw TerminalError.system(error)
        }
    }
}

/// Why the terminal cannot be used.
public enum TerminalError: Error, Sendable, CustomStringConvertible {
    case notATerminal
    case closed
    case system(FileError)

    public var description: String {
        switch self {
        case .notATerminal: return "standard input and output are not a terminal"
        case .closed: return "the terminal was closed"
        case .system(let error): return error.description
        }
    }
}

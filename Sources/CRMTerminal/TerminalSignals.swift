#if canImport(Glibc)
import Glibc
#endif

/// What the process does to the terminal when a signal ends it: the saved mode is put back and
/// the screen left before the signal takes its usual course, so that an interrupt, a `kill` or
/// a crash never leaves a shell in raw mode. A resize is noted for the screen to redraw.
public enum TerminalSignals {
    /// Shows the cursor and leaves the alternate screen.
    static let leave: StaticString = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"
    private static let ending = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    private static let crashes = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    /// Installs the handlers, restoring `mode` when they run.
    static func arm(restoring mode: termios) {
        signalState.mode = mode
        signalState.armed = 1
        for signal in ending + crashes { _ = Glibc.signal(signal, restoreThenDie) }
        _ = Glibc.signal(SIGWINCH, noteResize)
    }

    /// Removes the handlers: the terminal is as it was.
    static func disarm() {
        signalState.armed = 0
        for signal in ending + crashes { _ = Glibc.signal(signal, SIG_DFL) }
    }

    /// True once after each resize of the terminal.
    public static func takeResize() -> Bool {
        guard signalState.resized != 0 else { return false }
        signalState.resized = 0
        return true
    }
}

/// What the handlers read: plain values, written before they are installed.
private struct SignalState {
    var mode = termios()
    var armed: sig_atomic_t = 0
    var resized: sig_atomic_t = 0
}

nonisolated(unsafe) private var signalState = SignalState()

/// Only async-signal-safe calls: tcsetattr, write, signal, raise.
private func restoreThenDie(_ signal: Int32) {
    if signalState.armed != 0 {
        signalState.armed = 0
        _ = tcsetattr(0, TCSAFLUSH, &signalState.mode)
        _ = write(1, TerminalSignals.leave.utf8Start, TerminalSignals.leave.utf8CodeUnitCount)
    }
    _ = Glibc.signal(signal, SIG_DFL)
    _ = raise(signal)
}

private func noteResize(_ signal: Int32) {
    signalState.resized = 1
}

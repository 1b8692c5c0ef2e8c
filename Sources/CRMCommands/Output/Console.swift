import CRMWorkspace
#if canImport(Glibc)
import Glibc
#endif

/// Where a command's output goes: the process's standard streams (buffered, flushed as it
/// grows and at the end), or memory for tests. Knows whether output is a terminal, so
/// alignment to the terminal's width and colors happen only there.
public struct Console: Sendable {
    public enum Sink: Sendable {
        case standardStreams
        case memory
    }

    public let sink: Sink
    /// Text written to standard output (kept in memory; for standard streams, not yet flushed).
    public private(set) var output = ""
    public private(set) var errors = ""
    /// What `write(bytes:)` wrote to an in-memory console.
    public private(set) var binaryOutput: [UInt8] = []
    /// True when standard output is a terminal.
    public let isTerminal: Bool
    /// True when colors may be used on standard output (a terminal, and `NO_COLOR` unset).
    public let useColor: Bool
    /// True when colors may be used on standard error.
    public let useErrorColor: Bool
    /// True when standard error is a terminal (for progress lines).
    public private(set) var isErrorTerminal = false
    /// The terminal's width in columns, when output is a terminal.
    public let width: Int?
    /// Lines a memory console answers prompts with.
    private var input: [String] = []

    /// The process's standard streams, configured from the environment.
    public static func standard(environment: [String: String]) -> Console {
        let outputTerminal = isatty(1) == 1
        let errorTerminal = isatty(2) == 1
        let colorAllowed = environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
        var width: Int?
        if outputTerminal {
            var size = winsize()
            if ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { width = Int(size.ws_col) }
            if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { width = columns }
        }
        var console = Console(sink: .standardStreams, isTerminal: outputTerminal, useColor: outputTerminal && colorAllowed,
                              useErrorColor: errorTerminal && colorAllowed, width: width)
        console.isErrorTerminal = errorTerminal
        return console
    }

    /// A console that keeps everything in memory, as a pipe would receive it (or as a terminal
    /// of `width` columns would, for tests of terminal output).
    public static func memory(terminalWidth: Int? = nil, color: Bool = false, input: [String] = []) -> Console {
        var console = Console(sink: .memory, isTerminal: terminalWidth != nil, useColor: color, useErrorColor: color,
                              width: terminalWidth)
        console.input = input
        return console
    }

    /// A line of standard input (for a memory console, the next given line); `nil` at the end.
    public mutating func readLine() -> String? {
        switch sink {
        case .standardStreams:
            flush()
            return Swift.readLine()
        case .memory:
            return input.isEmpty ? nil : input.removeFirst()
        }
    }

    /// All of standard input (for a memory console, the given lines).
    public mutating func readAll() throws(FileError) -> [UInt8] {
        switch sink {
        case .standardStreams:
            flush()
            return try FileIO.readAll(0, path: "standard input")
        case .memory:
            defer { input = [] }
            return input.isEmpty ? [] : Array((input.joined(separator: "\n") + "\n").utf8)
        }
    }

    init(sink: Sink, isTerminal: Bool, useColor: Bool, useErrorColor: Bool, width: Int?) {
        self.sink = sink
        self.isTerminal = isTerminal
        self.useColor = useColor
        self.useErrorColor = useErrorColor
        self.width = width
    }

    /// Styles for standard output.
    public var style: Style { Style(enabled: useColor) }
    /// Styles for standard error.
    public var errorStyle: Style { Style(enabled: useErrorColor) }

    public mutating func write(_ text: String) {
        output += text
        if sink == .standardStreams && output.utf8.count >= 1 << 16 { flush() }
    }

    /// Bytes that are not UTF-8 text (a CSV in Windows-1250), written as they are; an
    /// in-memory console keeps them in `binaryOutput`.
    public mutating func write(bytes: [UInt8]) {
        guard sink == .standardStreams else {
            binaryOutput += bytes
            return
        }
        flush()
        bytes.withUnsafeBufferPointer { buffer in Self.writeAll(UnsafeRawBufferPointer(buffer), to: 1) }
    }

    public mutating func line(_ text: String = "") {
        write(text + "\n")
    }

    public mutating func error(_ text: String) {
        errors += text
        if sink == .standardStreams { flush() }
    }

    /// Writes what is buffered to the standard streams.
    public mutating func flush() {
        guard sink == .standardStreams else { return }
        Self.writeAll(output, to: 1)
        Self.writeAll(errors, to: 2)
        output = ""
        errors = ""
    }

    private static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in writeAll(UnsafeRawBufferPointer(buffer), to: descriptor) }
    }

    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) {
        var offset = 0
        while offset < buffer.count {
            let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            offset += count
        }
    }
}

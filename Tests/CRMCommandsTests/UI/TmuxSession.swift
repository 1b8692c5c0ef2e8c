import CRMWorkspace
import Foundation
import Testing

/// A tmux server of its own (`tmux -L NAME`) running one program in a window of a given size,
/// driven by keys and read with `capture-pane`, as a person at a terminal would see it.
final class TmuxSession {
    static let isInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    let socket = "crm-test-\(UUID().uuidString.prefix(8))"

    /// Starts `command` (run by the shell) in a window `columns`×`rows`.
    init(_ command: String, columns: Int, rows: Int, environment: [String: String]) throws {
        let exports = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }.joined(separator: " ")
        let result = try tmux(["new-session", "-d", "-s", "ui", "-x", String(columns), "-y", String(rows), "env \(exports) \(command)"])
        #expect(result.status == 0, "tmux did not start: \(result.errors)")
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Types `keys`: tmux key names (`Enter`, `Escape`, `Down`) or, with `literally`, text.
    func send(_ keys: String..., literally: Bool = false) throws {
        _ = try tmux(["send-keys", "-t", "ui"] + (literally ? ["-l"] : []) + keys)
    }

    func resize(columns: Int, rows: Int) throws {
        _ = try tmux(["resize-window", "-t", "ui", "-x", String(columns), "-y", String(rows)])
    }

    /// The process id of the window's first program.
    func panePID() throws -> String {
        try tmux(["display-message", "-p", "-t", "ui", "#{pane_pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What the window shows, each line without its trailing blanks.
    func capture() throws -> String {
        let text = try tmux(["capture-pane", "-p", "-t", "ui"]).output
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }

    /// What the window shows with its colors and attributes, as escape sequences.
    func captureStyled() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", "ui"]).output
    }

    /// The screen once it shows `text` and has stopped changing; the last capture when it does
    /// not within `seconds` (the test then fails on it).
    func screen(showing text: String, seconds: Double = 30) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            let now = try capture()
            if now.contains(text) && now == last { return now }
            last = now
            Thread.sleep(forTimeInterval: 0.15)
        }
        Issue.record("the screen did not show '\(text)' within \(seconds) s:\n\(last)")
        return last
    }

    /// Runs tmux with `posix_spawn`. Foundation's `Process` learns that a program ended when a
    /// socket it hands the program closes; the server that `new-session` forks keeps it open,
    /// so `waitUntilExit()` would wait as long as the server lives.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> CLIHarness.Result {
        let result = try Subprocess("/usr/bin/tmux", ["-u", "-L", socket, "-f", "/dev/null"] + arguments,
                                    environment: ProcessInfo.processInfo.environment).run()
        return CLIHarness.Result(status: result.status, output: String(decoding: result.output, as: UTF8.self),
                                 errors: String(decoding: result.errors, as: UTF8.self))
    }

    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

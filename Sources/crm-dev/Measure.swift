import Foundation

/// Timing and process helpers shared by the benchmarks.
enum Measure {
    /// A command's median wall time and its largest peak memory.
    typealias Timing = (seconds: Double, peakBytes: Int)

    /// Seconds taken by `body`.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let elapsed = try clock.measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The median of `runs` timings of `body`.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var timings: [Double] = []
        for _ in 0..<runs { timings.append(try seconds(body)) }
        return timings.sorted()[timings.count / 2]
    }

    /// The peak memory of a program run to completion, as GNU time reports it. (`wait4` cannot
    /// tell: a child spawned from this large process starts its count at this process's size.)
    static func peakBytes(_ arguments: [String]) throws -> Int {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("crm-bench-peak-\(getpid())").path
        defer { unlink(report) }
        let result = try run(["/usr/bin/time", "-f", "%M", "-o", report] + arguments)
        guard result.status == 0, let text = try? String(contentsOfFile: report, encoding: .utf8),
              let kilobytes = Int(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "") else {
            throw BenchError("cannot measure the memory of \(arguments.joined(separator: " ")); is GNU time (/usr/bin/time) installed?")
        }
        return kilobytes * 1024
    }

    /// Runs a program (looked up in PATH) to completion; returns its standard output and exit status.
    @discardableResult
    static func run(_ arguments: [String]) throws -> (output: Data, status: Int32) {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw BenchError("cannot create a pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        var pid = pid_t()
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let status = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        close(pipe[1])
        guard status == 0 else {
            close(pipe[0])
            throw BenchError("cannot run \(arguments[0]): \(String(cString: strerror(status)))")
        }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            output.append(contentsOf: buffer[0..<count])
        }
        close(pipe[0])
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
        return (output, (exitStatus >> 8) & 0xFF)
    }
}

extension Measure {
    /// A program's median wall time over `runs` runs after one warm-up run, and its largest peak memory.
    static func timed(runs: Int, _ arguments: [String]) throws -> (seconds: Double, peakBytes: Int) {
        try timed(runs: runs, arguments: { arguments })
    }

    /// Like `timed(runs:_:)`, for a command whose arguments change each run and that needs
    /// `before` (not timed) to prepare each run.
    static func timed(runs: Int, before: () throws -> Void = {}, _ arguments: [String]) throws -> (seconds: Double, peakBytes: Int) {
        try timed(runs: runs, before: before, arguments: { arguments })
    }

    /// The median of `runs` timed runs after a warm-up run (each prepared by `before`), and the
    /// peak memory of one more run.
    static func timed(runs: Int, before: () throws -> Void = {},
                      arguments: () -> [String]) throws -> (seconds: Double, peakBytes: Int) {
        var timings: [Double] = []
        for round in 0...runs {
            try before()
            let command = arguments()
            var result: (output: Data, status: Int32)?
            let time = try seconds { result = try run(command) }
            guard result?.status == 0 else {
                throw BenchError("\(command.joined(separator: " ")) failed with exit status \(result?.status ?? -1)")
            }
            if round > 0 { timings.append(time) }
        }
        try before()
        return (timings.sorted()[timings.count / 2], try peakBytes(arguments()))
    }
}

/// One line of a benchmark report: what was measured, against what, and whether it met its target.
struct BenchmarkResult {
    var name: String
    var value: String
    var anchor: String
    var ratio: String
    var target: String
    var passed: Bool?

    static func table(_ results: [BenchmarkResult]) -> String {
        let header = ["benchmark", "ours", "anchor", "ratio", "target", "result"]
        let rows = results.map { [$0.name, $0.value, $0.anchor, $0.ratio, $0.target, $0.passed.map { $0 ? "pass" : "FAIL" } ?? "-"] }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n")
    }

    /// The results as a markdown table.
    static func markdown(_ results: [BenchmarkResult]) -> String {
        var text = "| benchmark | ours | anchor | ratio | target | result |\n|---|---:|---:|---:|---|---|\n"
        for result in results {
            let cells = [result.name, result.value, result.anchor, result.ratio, result.target, result.passed.map { $0 ? "pass" : "**FAIL**" } ?? "-"]
            text += "| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        return text
    }
}

func format(_ value: Double, _ digits: Int = 2) -> String {
    String(format: "%.\(digits)f", value)
}

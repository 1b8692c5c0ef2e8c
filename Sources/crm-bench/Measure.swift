import Foundation

/// Timing and process helpers shared by the benchmarks.
enum Measure {
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

    /// Runs a program to completion; returns its standard output, exit status and peak memory.
    @discardableResult
    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String]? = nil,
                    input: Data? = nil) throws -> (output: Data, status: Int32, peakBytes: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        let inputPipe = Pipe()
        if input != nil { process.standardInput = inputPipe }
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(input)
            try inputPipe.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        var status: Int32 = 0
        var usage = rusage()
        wait4(process.processIdentifier, &status, 0, &usage)
        let exit = (status >> 8) & 0xFF
        return (data, exit, usage.ru_maxrss * 1024)
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
}

func format(_ value: Double, _ digits: Int = 2) -> String {
    String(format: "%.\(digits)f", value)
}

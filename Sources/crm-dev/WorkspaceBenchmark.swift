import Foundation

/// `crm list` from a cold process on a generated 100,000-record workspace, against ripgrep
/// finding the open complaints' files in the same folder, measured in the same run.
struct WorkspaceBenchmark {
    var records = 100_000
    var runs = 5

    func run() throws -> [BenchmarkResult] {
        let directory = try BenchData.workspace(records: records)
        let crm = BenchData.crmExecutable
        try Measure.run(["rg", "--version"])
        let rg = try Measure.timed(runs: runs, ["rg", "-l", "status: open", directory])
        let list = try Measure.timed(runs: runs, [crm, "-C", directory, "list", "complaint", "--format", "ids"])
        print("workspace: \(records) records in \(directory)")
        return [
            BenchmarkResult(name: "crm list complaint --format ids", value: "\(format(list.seconds, 3)) s",
                            anchor: "rg \(format(rg.seconds, 3)) s", ratio: "\(format(list.seconds / rg.seconds))x",
                            target: "<= 2x rg", passed: list.seconds <= 2 * rg.seconds),
            BenchmarkResult(name: "crm list complaint: peak memory", value: "\(list.peakBytes / 1_000_000) MB",
                            anchor: "-", ratio: "-", target: "< 250 MB", passed: list.peakBytes < 250_000_000),
        ]
    }
}

/// Where benchmarks keep generated workspaces and find the release `crm`.
enum BenchData {
    static var folder: String {
        FileManager.default.currentDirectoryPath + "/.build/bench"
    }

    /// The `crm` built next to this `crm-dev`.
    static var crmExecutable: String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return here.deletingLastPathComponent().appendingPathComponent("crm").path
    }

    /// The generated workspace of `records` records, made when missing.
    static func workspace(records: Int) throws -> String {
        let path = folder + "/workspace-\(records)"
        if !FileManager.default.fileExists(atPath: path + "/.crm") {
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            print("generating \(records) records in \(path)...")
            try WorkspaceGenerator.generate(at: path, records: records)
        }
        return path
    }
}

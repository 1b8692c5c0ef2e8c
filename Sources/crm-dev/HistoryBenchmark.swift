import Foundation

/// `crm set` with its commit, and `crm log` over 1,000 commits, in a git repository holding the
/// 100,000-record workspace, against the git CLI doing the same in the same run.
struct HistoryBenchmark {
    var records = 100_000
    var runs = 5

    func run() throws -> [BenchmarkResult] {
        let repository = try BenchData.repository(records: records)
        let crm = BenchData.crmExecutable
        let record = "customers/customer-7.yaml"
        var flip = false
        func nextStatus() -> String {
            flip.toggle()
            return flip ? "inactive" : "active"
        }
        let git = try Measure.timed(runs: runs, before: {
            let path = repository + "/" + record
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacing(/status: \w+/, with: "status: " + nextStatus()).write(toFile: path, atomically: true, encoding: .utf8)
        }, ["sh", "-c", "git -C '\(repository)' add '\(record)' && git -C '\(repository)' commit -q -m x"])
        let set = try Measure.timed(runs: runs, arguments: { [crm, "-C", repository, "set", "customer-7", "status=" + nextStatus()] })
        let logID = "customer-3"
        let gitLog = try Measure.timed(runs: runs, ["git", "-C", repository, "log", "--oneline", "--", "customers/customer-3.yaml"])
        let crmLog = try Measure.timed(runs: runs, [crm, "-C", repository, "log", logID])
        let commits = try Measure.run(["git", "-C", repository, "rev-list", "--count", "HEAD"]).output
        print("history: \(String(decoding: commits, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) commits in \(repository)")
        return [
            BenchmarkResult(name: "crm set (with its commit)", value: "\(format(set.seconds, 3)) s",
                            anchor: "git add+commit \(format(git.seconds, 3)) s", ratio: "\(format(set.seconds / git.seconds))x",
                            target: "<= 1.0x git", passed: set.seconds <= git.seconds),
            BenchmarkResult(name: "crm log ID (1,000 commits)", value: "\(format(crmLog.seconds, 3)) s",
                            anchor: "git log \(format(gitLog.seconds, 3)) s", ratio: "\(format(crmLog.seconds / gitLog.seconds))x",
                            target: "<= 2x git", passed: crmLog.seconds <= 2 * gitLog.seconds),
        ]
    }
}

extension BenchData {
    /// The generated workspace in a git repository, with 1,000 more commits that each change one
    /// record (every second one `customer-3`), made with `git fast-import`. Made when missing.
    static func repository(records: Int) throws -> String {
        let path = folder + "/repository-\(records)"
        let ready = path + "/.git/crm-bench-ready"
        if (try? String(contentsOfFile: ready, encoding: .utf8)) == version { return path }
        try? FileManager.default.removeItem(atPath: path)
        let workspace = try workspace(records: records)
        print("making a git repository of \(records) records in \(path)...")
        try Measure.run(["cp", "-r", workspace, path])
        try Measure.run(["git", "-C", path, "init", "-q"])
        try Measure.run(["git", "-C", path, "add", "-A"])
        try Measure.run(["git", "-C", path, "-c", "user.name=Bench", "-c", "user.email=bench@example.cz", "commit", "-q", "-m", "records"])
        var stream = ""
        let base = try String(contentsOfFile: path + "/customers/customer-3.yaml", encoding: .utf8)
        for index in 1...1_000 {
            let file = index % 2 == 0 ? "customers/customer-3.yaml" : "customers/customer-\(10 + index).yaml"
            let text = (index % 2 == 0 ? base : try String(contentsOfFile: path + "/" + file, encoding: .utf8))
                .replacing(/status: \w+/, with: "status: " + (index % 4 < 2 ? "inactive" : "active")) + "# revision \(index)\n"
            let message = "change \(index)\n"
            stream += "commit refs/heads/master\ncommitter Bench <bench@example.cz> \(1_790_000_000 + index * 60) +0100\n"
            stream += "data \(message.utf8.count)\n\(message)"
            if index == 1 { stream += "from refs/heads/master^0\n" }
            stream += "M 100644 inline \(file)\ndata \(text.utf8.count)\n\(text)\n"
        }
        let streamFile = folder + "/fast-import-\(records)"
        try stream.write(toFile: streamFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: streamFile) }
        try Measure.run(["sh", "-c", "git -C '\(path)' fast-import --quiet < '\(streamFile)' && git -C '\(path)' reset -q --hard"])
        try version.write(toFile: ready, atomically: true, encoding: .utf8)
        return path
    }
}

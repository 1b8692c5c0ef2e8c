import Foundation

/// Issue 21's targets in the git repository of the generated workspace: the `pre-commit` hook
/// with three records staged, and a push of one changed record into a bare repository whose
/// `pre-receive` hook is crm's, against the same push into one without the hook.
struct HookBenchmark {
    var records = 100_000
    var runs = 5

    func run() throws -> [BenchmarkResult] {
        let repository = try BenchData.repository(records: records)
        let crm = BenchData.crmExecutable
        let staged = ["customers/customer-7.yaml", "customers/customer-8.yaml", "customers/customer-9.yaml"]
        var flip = false
        func change(_ files: [String]) throws {
            flip.toggle()
            for file in files {
                let path = repository + "/" + file
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try text.replacing(/status: \w+/, with: "status: " + (flip ? "inactive" : "active")).write(toFile: path, atomically: true, encoding: .utf8)
            }
            try Measure.run(["git", "-C", repository, "add", "--"] + files)
        }
        let preCommit = try Measure.timed(runs: runs, before: { try change(staged) }, [crm, "-C", repository, "hook", "pre-commit"])
        try Measure.run(["git", "-C", repository, "-c", "user.name=Bench", "-c", "user.email=bench@example.cz", "commit", "-q", "-m", "staged"])

        let plain = try server("plain", from: repository, hook: nil)
        let hooked = try server("hooked", from: repository, hook: crm)
        func commit() throws {
            try change(["customers/customer-11.yaml"])
            try Measure.run(["git", "-C", repository, "-c", "user.name=Bench", "-c", "user.email=bench@example.cz", "commit", "-q", "-m", "one"])
        }
        func push(to server: String) -> [String] { ["git", "-C", repository, "push", "-q", server, "HEAD:refs/heads/main"] }
        try commit()
        var firstStatus: Int32 = -1
        let first = try Measure.seconds { firstStatus = try Measure.run(push(to: hooked)).status }
        guard firstStatus == 0 else { throw BenchError("the first push into \(hooked) was refused") }
        try Measure.run(push(to: plain))
        let plainPush = try Measure.timed(runs: runs, before: { try commit(); try Measure.run(push(to: hooked)) }, push(to: plain))
        let hookedPush = try Measure.timed(runs: runs, before: { try commit(); try Measure.run(push(to: plain)) }, push(to: hooked))
        print("hooks: \(repository), servers \(plain) and \(hooked)")
        return [
            BenchmarkResult(name: "pre-commit hook, 3 records staged", value: "\(format(preCommit.seconds, 3)) s", anchor: "-", ratio: "-",
                            target: "<= 0.5 s", passed: preCommit.seconds <= 0.5),
            BenchmarkResult(name: "push of 1 record, crm's pre-receive hook", value: "\(format(hookedPush.seconds, 3)) s",
                            anchor: "plain push \(format(plainPush.seconds, 3)) s", ratio: "+\(format(hookedPush.seconds - plainPush.seconds, 3)) s",
                            target: "<= plain + 0.5 s", passed: hookedPush.seconds <= plainPush.seconds + 0.5),
            BenchmarkResult(name: "first push, the whole tip written and checked", value: "\(format(first, 3)) s", anchor: "-",
                            ratio: "-", target: "-", passed: nil),
        ]
    }

    /// A bare copy of `repository` made afresh, with crm's pre-receive hook when `hook` names crm.
    private func server(_ name: String, from repository: String, hook: String?) throws -> String {
        let path = BenchData.folder + "/server-\(name)-\(records).git"
        try? FileManager.default.removeItem(atPath: path)
        try Measure.run(["git", "clone", "-q", "--bare", repository, path])
        if let hook { try Measure.run([hook, "setup-git", "--server", path]) }
        return path
    }
}

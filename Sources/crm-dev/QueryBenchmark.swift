import CRMQuery
import CRMWorkspace
import Foundation

/// `--where` evaluation over records already in memory, and the whole `crm list --where`
/// command from a cold process against ripgrep, on the 100,000-record workspace.
struct QueryBenchmark {
    var records = 100_000
    var runs = 5
    static let expression = "status = open and severity >= high and customer.segment = enterprise"

    func run() throws -> [BenchmarkResult] {
        let directory = try BenchData.workspace(records: records)
        let workspace = Workspace(root: directory)
        let index = WorkspaceIndex(workspace: workspace)
        guard let complaint = workspace.schema.type(named: "complaint") else { throw BenchError("no complaint type") }
        let query = try RecordQuery(Self.expression, type: complaint, schema: workspace.schema, today: CivilDate("2026-11-22")!)
        let candidates = index.positions(ofType: "complaint")
        let rounds = 20
        var matched = 0
        let seconds = Measure.median(runs: runs) {
            for _ in 0..<rounds { matched = query.filter(candidates, in: index).count }
        }
        let rate = Double(candidates.count * rounds) / seconds
        let rg = try Measure.timed(runs: runs, ["rg", "-l", "status: open", directory])
        let list = try Measure.timed(runs: runs, [BenchData.crmExecutable, "-C", directory, "list", "complaint", "--where",
                                                  Self.expression, "--format", "ids"])
        print("query: \(Self.expression) on \(candidates.count) complaints: \(matched) match")
        return [
            BenchmarkResult(name: "--where evaluation in memory (3 terms, 1 join)", value: "\(format(rate / 1e6, 1)) M records/s",
                            anchor: "-", ratio: "-", target: ">= 5 M records/s", passed: rate >= 5e6),
            BenchmarkResult(name: "crm list complaint --where ... --format ids", value: "\(format(list.seconds, 3)) s",
                            anchor: "rg \(format(rg.seconds, 3)) s", ratio: "\(format(list.seconds / rg.seconds))x",
                            target: "<= 2x rg", passed: list.seconds <= 2 * rg.seconds),
        ]
    }
}

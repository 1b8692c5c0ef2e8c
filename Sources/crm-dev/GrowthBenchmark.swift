import CRMWorkspace
import Foundation

/// The same query on workspaces of growing size (10,000, 100,000 and 1,000,000 records by
/// default): through the cache, without it, and rg, with crm's peak memory. Time and memory must
/// grow no worse than linearly.
struct GrowthBenchmark {
    var sizes = [10_000, 100_000, 1_000_000]
    var runs = 3

    struct Point {
        var records: Int
        var rg: Double
        var cached: Measure.Timing
        var uncached: Measure.Timing
    }

    func measure() throws -> [Point] {
        var points: [Point] = []
        for records in sizes {
            let directory = try BenchData.workspace(records: records)
            let crm = BenchData.crmExecutable
            let query = [crm, "-C", directory, "list", "complaint", "--where", SpeedBenchmark.condition, "--format", "ids"]
            try BenchData.settle(directory, warming: query)
            let rg = try Measure.timed(runs: runs, ["rg", "-l", "status: open", directory])
            let cached = try Measure.timed(runs: runs, query)
            let uncached = try Measure.timed(runs: runs, [crm, "-C", directory, "--no-cache"] + query.dropFirst(3))
            points.append(Point(records: records, rg: rg.seconds, cached: cached, uncached: uncached))
            print("growth: \(records) records: rg \(format(rg.seconds, 3)) s, cached \(format(cached.seconds, 3)) s, "
                  + "no cache \(format(uncached.seconds, 3)) s, \(uncached.peakBytes / 1_000_000) MB")
        }
        return points
    }

    /// One result per step up in size: the growth of time and memory against the growth in records.
    static func results(_ points: [Point]) -> [BenchmarkResult] {
        zip(points, points.dropFirst()).flatMap { small, large -> [BenchmarkResult] in
            let factor = Double(large.records) / Double(small.records)
            let step = "\(small.records / 1000)k → \(large.records / 1000)k"
            // 25% above linear is allowed for measurement noise.
            func result(_ name: String, _ before: Double, _ after: Double) -> BenchmarkResult {
                let growth = after / before
                return BenchmarkResult(name: "\(name), \(step)", value: "x\(format(growth))", anchor: "records x\(format(factor))",
                                       ratio: "\(format(growth / factor))x", target: "<= linear", passed: growth <= factor * 1.25)
            }
            return [result("cached query time", small.cached.seconds, large.cached.seconds),
                    result("no-cache query time", small.uncached.seconds, large.uncached.seconds),
                    result("no-cache peak memory", Double(small.uncached.peakBytes), Double(large.uncached.peakBytes))]
        }
    }

    /// The curve as a markdown table.
    static func table(_ points: [Point]) -> String {
        var text = "| records | rg -l | crm, cached | crm, --no-cache | crm peak memory (no cache) |\n|---:|---:|---:|---:|---:|\n"
        for point in points {
            text += "| \(point.records) | \(format(point.rg, 3)) s | \(format(point.cached.seconds, 3)) s | "
                + "\(format(point.uncached.seconds, 3)) s | \(point.uncached.peakBytes / 1_000_000) MB |\n"
        }
        return text
    }
}

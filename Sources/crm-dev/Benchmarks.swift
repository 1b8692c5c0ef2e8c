import Foundation

/// `crm-dev bench [BENCHMARK…]`: runs the named benchmarks (all by default), prints a table
/// of figures, ratios and targets, and fails when a target is missed.
enum Benchmarks {
    static let known = ["syntax", "workspace", "history"]

    static func run(_ names: [String]) throws -> Int32 {
        var results: [BenchmarkResult] = []
        for name in names.isEmpty ? known : names {
            switch name {
            case "syntax": results += try SyntaxBenchmark().run()
            case "workspace": results += try WorkspaceBenchmark().run()
            case "history": results += try HistoryBenchmark().run()
            default: fail("unknown benchmark '\(name)'; known: \(known.joined(separator: ", "))", status: 64)
            }
        }
        print(BenchmarkResult.table(results))
        return results.contains { $0.passed == false } ? 1 : 0
    }
}

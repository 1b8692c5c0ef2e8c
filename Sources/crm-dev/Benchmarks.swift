import Foundation

/// `crm-dev bench [BENCHMARK…] [--records N]`: runs the named benchmarks (all by default) on
/// workspaces of N generated records (100,000 by default), prints a table
/// of figures, ratios and targets, and fails when a target is missed.
enum Benchmarks {
    static let known = ["syntax", "workspace", "query", "history"]

    static func run(_ arguments: [String]) throws -> Int32 {
        var names: [String] = []
        var records = 100_000
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--records", let value = rest.popFirst().flatMap(Int.init) {
                records = value
            } else {
                names.append(argument)
            }
        }
        var results: [BenchmarkResult] = []
        for name in names.isEmpty ? known : names {
            switch name {
            case "syntax": results += try SyntaxBenchmark(records: records).run()
            case "workspace": results += try WorkspaceBenchmark(records: records).run()
            case "query": results += try QueryBenchmark(records: records).run()
            case "history": results += try HistoryBenchmark(records: records).run()
            default: fail("unknown benchmark '\(name)'; known: \(known.joined(separator: ", "))", status: 64)
            }
        }
        print(BenchmarkResult.table(results))
        return results.contains { $0.passed == false } ? 1 : 0
    }
}

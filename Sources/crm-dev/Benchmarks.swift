import Foundation

/// `crm-dev bench [BENCHMARK…] [--records N] [--sizes A,B,C] [--record FILE]`: runs the named
/// benchmarks (all by default) on workspaces of N generated records (100,000 by default), prints
/// a table of figures, ratios and targets, and fails when a target is missed. With `--record`,
/// also writes the results and the machine they were measured on to FILE (docs/performance.md).
enum Benchmarks {
    static let known = ["syntax", "workspace", "query", "history", "speed", "hooks", "editor", "growth"]

    static func run(_ arguments: [String]) throws -> Int32 {
        var names: [String] = []
        var records = 100_000
        var sizes = GrowthBenchmark().sizes
        var record: String?
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--records":
                guard let value = rest.popFirst().flatMap(Int.init) else { fail("--records needs a number", status: 64) }
                records = value
            case "--sizes":
                guard let value = rest.popFirst() else { fail("--sizes needs sizes such as 10000,100000", status: 64) }
                sizes = value.split(separator: ",").compactMap { Int($0) }
            case "--record":
                guard let value = rest.popFirst() else { fail("--record needs a file", status: 64) }
                record = value
            default:
                names.append(argument)
            }
        }
        var results: [BenchmarkResult] = []
        var growth: [GrowthBenchmark.Point] = []
        for name in names.isEmpty ? known : names {
            switch name {
            case "syntax": results += try SyntaxBenchmark(records: records).run()
            case "workspace": results += try WorkspaceBenchmark(records: records).run()
            case "query": results += try QueryBenchmark(records: records).run()
            case "history": results += try HistoryBenchmark(records: records).run()
            case "speed": results += try SpeedBenchmark(records: records).run()
            case "hooks": results += try HookBenchmark(records: records).run()
            case "editor": results += try EditorBenchmark(records: records).run()
            case "growth":
                growth = try GrowthBenchmark(sizes: sizes).measure()
                results += GrowthBenchmark.results(growth)
            default: fail("unknown benchmark '\(name)'; known: \(known.joined(separator: ", "))", status: 64)
            }
        }
        print(BenchmarkResult.table(results))
        if let record { try PerformanceReport(results: results, growth: growth, records: records).write(to: record) }
        return results.contains { $0.passed == false } ? 1 : 0
    }
}

import Foundation

/// `crm-bench [BENCHMARK…]`: runs the benchmarks behind `make bench` and prints a table.
let arguments = Array(CommandLine.arguments.dropFirst())
let known = ["syntax"]
let chosen = arguments.isEmpty ? known : arguments
var results: [BenchmarkResult] = []
do {
    for name in chosen {
        switch name {
        case "syntax": results += try SyntaxBenchmark().run()
        default:
            FileHandle.standardError.write(Data("crm-bench: unknown benchmark '\(name)'; known: \(known.joined(separator: ", "))\n".utf8))
            exit(64)
        }
    }
} catch {
    FileHandle.standardError.write(Data("crm-bench: error: \(error)\n".utf8))
    exit(1)
}
print(BenchmarkResult.table(results))
exit(results.contains { $0.passed == false } ? 1 : 0)

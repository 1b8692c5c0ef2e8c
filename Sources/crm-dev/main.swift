import Foundation

/// `crm-dev`: developer commands behind `make bench` and the sample data.
///
///     crm-dev bench [BENCHMARK…]                 run benchmarks and print a table
///     crm-dev generate DIR [--records N]         write a generated workspace for benchmarks
///     crm-dev sample-workspace DIR [--today D]   write the records of sample-workspace
let usage = """
    usage: crm-dev bench [BENCHMARK…]
           crm-dev generate DIR [--records N] [--seed S]
           crm-dev sample-workspace DIR [--today YYYY-MM-DD]
    """

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("crm-dev: error: \(message)\n".utf8))
    exit(status)
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "bench":
        exit(try Benchmarks.run(Array(arguments.dropFirst())))
    case "generate":
        try WorkspaceGenerator.main(Array(arguments.dropFirst()))
    case "sample-workspace":
        try SampleWorkspace.main(Array(arguments.dropFirst()))
    default:
        fail("expected a command\n\(usage)", status: 64)
    }
} catch {
    fail("\(error)", status: 1)
}

import CRMSyntax
import Foundation

/// The record reader's throughput on 100,000 typical records held in memory, one core,
/// against PyYAML's C loader (`CBaseLoader`) on the same corpus in the same run.
struct SyntaxBenchmark {
    var records = 100_000
    var runs = 5

    func run() throws -> [BenchmarkResult] {
        var corpus = RecordCorpus(seed: 1)
        var texts: [[UInt8]] = []
        texts.reserveCapacity(records)
        for index in 0..<records {
            texts.append(Array(corpus.record(RecordCorpus.kind(of: index), index: index / 10, customers: records / 10).text.utf8))
        }
        let bytes = texts.reduce(0) { $0 + $1.count }
        var fields = 0
        let ours = try Measure.median(runs: runs) {
            var reader = RecordReader()
            for text in texts { fields += try reader.read(text).fields.count }
        }
        let oursRate = Double(bytes) / ours / 1e6
        let pyyaml = try pyyamlSeconds(texts)
        let pyyamlRate = Double(bytes) / pyyaml / 1e6
        print("syntax: \(records) records, \(bytes / records) bytes on average, \(format(Double(bytes) / 1e6, 1)) MB")
        return [
            BenchmarkResult(name: "read records (one core)", value: "\(format(oursRate, 0)) MB/s",
                            anchor: "-", ratio: "-", target: ">= 150 MB/s", passed: oursRate >= 150),
            BenchmarkResult(name: "read records vs PyYAML CBaseLoader", value: "\(format(oursRate, 0)) MB/s",
                            anchor: "\(format(pyyamlRate, 1)) MB/s", ratio: "\(format(oursRate / pyyamlRate, 1))x",
                            target: ">= 10x", passed: oursRate / pyyamlRate >= 10),
        ]
    }

    /// Seconds PyYAML's C loader takes to load every record (median of three runs).
    private func pyyamlSeconds(_ texts: [[UInt8]]) throws -> Double {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("crm-dev-corpus-\(getpid())")
        var data = Data()
        for text in texts {
            data.append(contentsOf: text)
            data.append(0)
        }
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys, time, yaml
            records = open(sys.argv[1], 'rb').read().split(b'\\0')[:-1]
            timings = []
            for _ in range(3):
                start = time.perf_counter()
                for record in records:
                    yaml.load(record, Loader=yaml.CBaseLoader)
                timings.append(time.perf_counter() - start)
            print(sorted(timings)[1])
            """
        let result = try Measure.run(["python3", "-c", script, file.path])
        guard result.status == 0, let seconds = Double(String(decoding: result.output, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("PyYAML with its C loader is needed (python3-yaml); `make bench` installs it")
        }
        return seconds
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

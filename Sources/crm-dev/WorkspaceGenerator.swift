import CRMWorkspace
import Foundation

/// `crm-dev generate DIR --records N`: a workspace of N generated records (10% customers,
/// 70% calls, 20% complaints) laid out as a team keeps them: calls by year and month,
/// complaints by year, a year for every 100,000 records. Deterministic: the same N and seed
/// give the same files.
enum WorkspaceGenerator {
    static func main(_ arguments: [String]) throws {
        var arguments = arguments[...]
        guard let directory = arguments.popFirst() else { throw BenchError("usage: crm-dev generate DIR --records N [--seed S]") }
        var records = 100_000
        var seed: UInt64 = 1
        while let option = arguments.popFirst() {
            switch (option, arguments.popFirst()) {
            case ("--records", let value?): records = Int(value) ?? records
            case ("--seed", let value?): seed = UInt64(value) ?? seed
            default: throw BenchError("unknown option \(option)")
            }
        }
        let bytes = try generate(at: directory, records: records, seed: seed)
        print("generated \(records) records, \(bytes / 1_000_000) MB, in \(directory)")
    }

    /// Writes the workspace (refusing an existing one) and returns the bytes of records written.
    @discardableResult
    static func generate(at directory: String, records: Int, seed: UInt64 = 1) throws -> Int {
        try WorkspaceInitializer.create(at: directory, name: "generated \(records)")
        var corpus = RecordCorpus(seed: seed, years: records / 100_000)
        var folders: Set<String> = []
        var total = 0
        for index in 0..<records {
            let record = corpus.record(RecordCorpus.kind(of: index), index: index / 10, customers: max(1, records / 10))
            let folder = directory + "/" + record.folder
            if folders.insert(folder).inserted {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            let data = Data(record.text.utf8)
            total += data.count
            guard FileManager.default.createFile(atPath: folder + "/" + record.id + ".yaml", contents: data) else {
                throw BenchError("cannot write \(folder)/\(record.id).yaml")
            }
        }
        return total
    }
}

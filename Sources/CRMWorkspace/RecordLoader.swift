#if canImport(Glibc)
import Glibc
#endif
import CRMSyntax
import Dispatch

/// Reads and parses record files on every core. A file that cannot be read or parsed is
/// reported and the others still load.
public enum RecordLoader {
    /// What loading gave: the records in file order, their parsed documents when asked for,
    /// and the problems.
    public struct Result: Sendable {
        public var records: [Record] = []
        public var documents: [RecordDocument] = []
        public var problems: [Diagnostic] = []
    }

    private enum Outcome {
        case record(Record, RecordDocument?)
        case problem(Diagnostic)
    }

    /// Loads `files` of the workspace at `root`; with `keepDocuments`, also keeps each parsed file.
    public static func load(_ files: [RecordFile], root: String, keepDocuments: Bool = false,
                            workers: Int = ProcessInfoCores.count) -> Result {
        let outcomes = UnsafeMutableBufferPointer<Outcome?>.allocate(capacity: files.count)
        outcomes.initialize(repeating: nil)
        defer { outcomes.deallocate() }
        let chunk = 64
        let chunks = (files.count + chunk - 1) / chunk
        let lock = DispatchQueue(label: "crm.loader.counter")
        nonisolated(unsafe) var nextChunk = 0
        nonisolated(unsafe) let slots = outcomes
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, chunks))) { _ in
            var reader = RecordReader()
            while true {
                let claimed: Int = lock.sync {
                    defer { nextChunk += 1 }
                    return nextChunk
                }
                guard claimed < chunks else { return }
                for index in (claimed * chunk)..<min(files.count, (claimed + 1) * chunk) {
                    slots[index] = load(files[index], root: root, reader: &reader, keepDocument: keepDocuments)
                }
            }
        }
        var result = Result()
        result.records.reserveCapacity(files.count)
        for outcome in outcomes {
            switch outcome {
            case .record(let record, let document)?:
                result.records.append(record)
                if let document { result.documents.append(document) }
            case .problem(let problem)?:
                result.problems.append(problem)
            case nil:
                break
            }
        }
        return result
    }

    private static func load(_ file: RecordFile, root: String, reader: inout RecordReader, keepDocument: Bool) -> Outcome {
        do {
            let bytes = try FileIO.read(root + "/" + file.path)
            let document = try reader.read(bytes, path: file.path)
            let record = Record(id: file.id, type: file.type, path: file.path, fields: document.values)
            return .record(record, keepDocument ? document : nil)
        } catch let error as Diagnostic {
            return .problem(error)
        } catch {
            return .problem(Diagnostic(code: "unreadable", path: file.path, location: nil, message: "\(error)",
                                       hint: "check the file's permissions"))
        }
    }
}

/// The number of cores to parse on.
public enum ProcessInfoCores {
    public static var count: Int {
        max(1, sysconfCount)
    }

    private static var sysconfCount: Int {
        #if canImport(Glibc)
        return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        return 2
        #endif
    }
}

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

    /// What became of one file.
    enum Outcome {
        case record(Record, RecordDocument?)
        case problem(Diagnostic)
    }

    /// Loads `files` of the workspace at `root`; with `keepDocuments`, also keeps each parsed file.
    public static func load(_ files: [RecordFile], root: String, keepDocuments: Bool = false,
                            workers: Int = ProcessInfoCores.readers) -> Result {
        var result = Result()
        result.records.reserveCapacity(files.count)
        for outcome in outcomes(files, root: root, keepDocuments: keepDocuments, workers: workers) {
            switch outcome {
            case .record(let record, let document):
                result.records.append(record)
                if let document { result.documents.append(document) }
            case .problem(let problem):
                result.problems.append(problem)
            case nil:
                continue
            }
        }
        return result
    }

    /// What became of each of `files`, in their order; `nil` for a file deleted since it was
    /// listed (another process removed the record meanwhile).
    static func outcomes(_ files: [RecordFile], root: String, keepDocuments: Bool = false,
                         workers: Int = ProcessInfoCores.readers) -> [Outcome?] {
        ParallelMap.map(files.count, workers: workers, state: { RecordReader() }) { index, reader in
            load(files[index], root: root, reader: &reader, keepDocument: keepDocuments)
        }
    }

    private static func load(_ file: RecordFile, root: String, reader: inout RecordReader, keepDocument: Bool) -> Outcome? {
        let bytes: [UInt8]
        do {
            bytes = try RecordFile.read(file.path, root: root)
        } catch where error.code == ENOENT {
            return nil
        } catch {
            return .problem(RecordFile.unreadable(file.path, error))
        }
        do {
            let document = try reader.read(bytes, path: file.path)
            let record = Record(id: file.id, type: file.type, path: file.path, fields: document.values)
            return .record(record, keepDocument ? document : nil)
        } catch {
            return .problem(error)
        }
    }
}

/// How many threads to use.
public enum ProcessInfoCores {
    /// The cores there are.
    public static var count: Int {
        max(1, sysconfCount)
    }

    /// Threads that read files: more than the cores, so that many reads are in flight when the
    /// files are not in the page cache; a thread waiting for the disk costs nothing.
    public static var readers: Int {
        max(16, count)
    }

    private static var sysconfCount: Int {
        #if canImport(Glibc)
        return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        return 2
        #endif
    }
}

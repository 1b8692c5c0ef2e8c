#if canImport(Glibc)
import Glibc
#endif
import CRMSyntax

/// The persisted index: each type's parsed records in `.crm/cache/TYPE.records`, with the
/// stamp (size, times, inode) each file had when it was read. Loading compares every file's
/// stamp with the cache, as git compares the working tree with its index, and parses only the
/// files that are new or changed; a cache that is missing, damaged or made for another schema
/// is rebuilt, never trusted. The cache is written to a temporary file and renamed into place,
/// so two `crm` processes never see half of one.
public enum RecordCache {
    public static let folder = ".crm/cache"
    /// A file changed this close to the time its cache was written may have changed again
    /// within the same tick of the file system's clock; such files are read again.
    static let racyWindow: Int64 = 2_000_000_000

    /// What a load did, for tests and benchmarks.
    public struct Statistics: Sendable, Equatable {
        /// Records taken from the cache.
        public var reused = 0
        /// Files parsed because they were new, changed or not trusted.
        public var parsed = 0
        /// Type caches written.
        public var written = 0
    }

    /// The cache file of a type.
    public static func path(of type: RecordType) -> String {
        "\(folder)/\(type.name).records"
    }

    /// Loads `files` (sorted by path) of the workspace, taking unchanged records from the cache
    /// and refreshing the caches of the types that changed.
    public static func load(_ files: [RecordFile], workspace: Workspace) -> (result: RecordLoader.Result, statistics: Statistics) {
        var statistics = Statistics()
        let root = (try? SystemCall.open(workspace.root, O_RDONLY | O_DIRECTORY | O_CLOEXEC, operation: "open folder")) ?? -1
        defer { if root >= 0 { SystemCall.close(root) } }
        let stamps = ParallelMap.map(files.count, workers: ProcessInfoCores.readers, chunk: 256, state: { () }) { index, _ in
            FileStamp(files[index].path, relativeTo: root)
        }
        var plans: [TypePlan] = []
        var start = 0
        while start < files.count {
            var end = start + 1
            while end < files.count && files[end].type == files[start].type { end += 1 }
            if let type = workspace.schema.type(named: files[start].type) {
                var plan = TypePlan(type: type, range: start..<end, workspace: workspace)
                plan.match(files: files, stamps: stamps)
                plans.append(plan)
            }
            start = end
        }
        var outcomes = [RecordLoader.Outcome?](repeating: nil, count: files.count)
        let trusted = plans.indices.flatMap { plan in plans[plan].trusted.map { (plan, $0) } }
        let caches = plans.map(\.cache)
        let decoded = caches.withUnsafeBufferPointer { caches in
            ParallelMap.map(trusted.count, workers: ProcessInfoCores.count, chunk: 512, state: { () }) { index, _ in
                let (plan, match) = trusted[index]
                return caches[plan].flatMap { TypePlan.record(match, in: $0, file: files[match.file]) }
            }
        }
        var toParse: [Int] = plans.flatMap { $0.unmatched + $0.suspects.map(\.file) }
        for ((plan, match), record) in zip(trusted, decoded) {
            if let record {
                outcomes[match.file] = .record(record, nil)
                statistics.reused += 1
            } else {
                plans[plan].changed = true
                toParse.append(match.file)
            }
        }
        toParse.sort()
        for (file, outcome) in zip(toParse, RecordLoader.outcomes(toParse.map { files[$0] }, root: workspace.root)) {
            outcomes[file] = outcome
        }
        statistics.parsed = toParse.count
        let now = FileStamp.now()
        let reparsed = Set(toParse)
        for plan in plans where plan.isStale(outcomes: outcomes) {
            if plan.write(files: files, stamps: stamps, outcomes: outcomes, reparsed: reparsed, now: now) { statistics.written += 1 }
        }
        var result = RecordLoader.Result()
        result.records.reserveCapacity(files.count)
        for outcome in outcomes {
            switch outcome {
            case .record(let record, _)?: result.records.append(record)
            case .problem(let problem)?: result.problems.append(problem)
            case nil: break
            }
        }
        return (result, statistics)
    }

    /// Removes every cache file of the workspace.
    public static func clear(_ workspace: Workspace) {
        for name in DirectoryWalker.names(in: workspace.absolute(folder)) ?? [] where name.hasSuffix(".records") {
            _ = SystemCall.failure { unlink(workspace.absolute("\(folder)/\(name)")) }
        }
    }
}

/// One type's files set against its cache file.
private struct TypePlan {
    struct Match {
        var file: Int
        var entry: Int
    }

    let type: RecordType
    let range: Range<Int>
    let path: String
    let key: UInt64
    let cache: RecordCacheFile?
    /// When the cache file was written, in nanoseconds since 1970.
    let cacheWritten: Int64
    /// Files whose entry has the same stamp, written well before the cache.
    private(set) var trusted: [Match] = []
    /// Files whose entry has the same stamp but that changed close to when the cache was
    /// written: read again, and compared with the entry.
    private(set) var suspects: [Match] = []
    /// Files without an entry, or whose stamp differs.
    private(set) var unmatched: [Int] = []
    /// True when the cache is missing, a file was added, changed or removed, or an entry is damaged.
    var changed = false

    init(type: RecordType, range: Range<Int>, workspace: Workspace) {
        self.type = type
        self.range = range
        path = workspace.absolute(RecordCache.path(of: type))
        key = RecordCacheFile.key(for: type)
        cache = RecordCacheFile(path: path, key: key)
        cacheWritten = FileStamp(path: path)?.modified ?? 0
    }

    /// Pairs each file with the cache entry of the same path (paths are sorted byte by byte in both).
    mutating func match(files: [RecordFile], stamps: [FileStamp?]) {
        guard let cache else {
            unmatched = Array(range)
            changed = true
            return
        }
        var entry = 0
        var used = 0
        cache.body.withUnsafeBytes { body in
            for file in range {
                var path = files[file].path
                let order: Int32 = path.withUTF8 { name in
                    while entry < cache.entries.count {
                        let stored = cache.entries[entry].path
                        var order = memcmp(body.baseAddress! + stored.lowerBound, name.baseAddress!, min(stored.count, name.count))
                        if order == 0 { order = stored.count < name.count ? -1 : stored.count > name.count ? 1 : 0 }
                        guard order < 0 else { return order }
                        entry += 1
                    }
                    return 1
                }
                guard order == 0 else {
                    unmatched.append(file)
                    continue
                }
                used += 1
                let stored = cache.entries[entry].stamp
                if let stamp = stamps[file], stamp == stored {
                    let match = Match(file: file, entry: entry)
                    if stamp.modified < cacheWritten - RecordCache.racyWindow { trusted.append(match) } else { suspects.append(match) }
                } else {
                    unmatched.append(file)
                }
                entry += 1
            }
        }
        if !unmatched.isEmpty || used < cache.entries.count { changed = true }
    }

    /// The record of a trusted file, from the cache; `nil` when its entry is damaged.
    static func record(_ match: Match, in cache: RecordCacheFile, file: RecordFile) -> Record? {
        let data = cache.entries[match.entry].data
        let storage = cache.body[data]
        guard storage.withUnsafeBytes(RecordCodec.isValid) else { return nil }
        return Record(id: file.id, type: file.type, path: file.path, storage: storage)
    }

    /// True when the cache no longer says what the files hold.
    func isStale(outcomes: [RecordLoader.Outcome?]) -> Bool {
        guard !changed, let cache else { return true }
        return suspects.contains { match in
            guard case .record(let record, _)? = outcomes[match.file] else { return true }
            return record.storage != cache.body[cache.entries[match.entry].data]
        }
    }

    /// Writes the type's cache from the loaded records: unchanged entries copied, the others
    /// encoded. Files changed within the racy window of now are left out, to be read again.
    func write(files: [RecordFile], stamps: [FileStamp?], outcomes: [RecordLoader.Outcome?], reparsed: Set<Int>,
               now: Int64) -> Bool {
        var capacity = 0
        for file in range {
            if case .record(let record, _)? = outcomes[file] { capacity += 48 + record.path.utf8.count + record.storage.count }
        }
        var builder = RecordCacheFile.Builder(capacity: capacity)
        var entries: [Int: Int] = [:]
        for match in trusted { entries[match.file] = match.entry }
        for file in range {
            guard let stamp = stamps[file], stamp.modified < now - RecordCache.racyWindow else { continue }
            if !reparsed.contains(file), let entry = entries[file], let cache {
                builder.append(entry: cache.body[cache.entries[entry].bytes])
            } else if case .record(let record, _)? = outcomes[file] {
                builder.append(path: files[file].path, stamp: stamp, data: record.storage)
            }
        }
        do {
            try AtomicFile.makeFolders(for: path)
            try AtomicFile.write(builder.finish(key: key), to: path, durable: false)
            return true
        } catch {
            return false
        }
    }
}

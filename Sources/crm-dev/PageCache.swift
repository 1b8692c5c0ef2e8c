import Foundation

/// Empties the page cache before a cold measurement: all of it through
/// `/proc/sys/vm/drop_caches` when allowed (root), else every file under a folder with
/// `posix_fadvise(POSIX_FADV_DONTNEED)`, which any user may do for files they can read.
enum PageCache {
    /// How the last drop was done, for the report.
    nonisolated(unsafe) static var method = "-"

    static func drop(under folder: String) throws {
        sync()
        if let handle = FileHandle(forWritingAtPath: "/proc/sys/vm/drop_caches") {
            defer { try? handle.close() }
            if (try? handle.write(contentsOf: Data("3\n".utf8))) != nil {
                method = "drop_caches"
                return
            }
        }
        method = "fadvise"
        guard let walker = FileManager.default.enumerator(atPath: folder) else { throw BenchError("cannot list \(folder)") }
        for case let path as String in walker {
            let descriptor = open(folder + "/" + path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED))
            close(descriptor)
        }
    }
}

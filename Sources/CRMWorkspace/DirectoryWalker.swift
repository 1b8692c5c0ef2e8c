#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An entry found under a folder, with its path relative to the workspace root.
public struct DirectoryEntry: Sendable, Hashable {
    public var path: String
    public var kind: EntryKind
}

/// Lists folders with `readdir`, using the entry type it reports so that most entries need no `stat`.
/// Symbolic links are reported, never followed.
public enum DirectoryWalker {
    /// Every entry under `root/folder` (recursively), skipping names that start with a dot.
    /// Folders that cannot be opened are returned as errors; the walk goes on.
    public static func walk(root: String, folder: String) -> (entries: [DirectoryEntry], errors: [FileError]) {
        var entries: [DirectoryEntry] = []
        var errors: [FileError] = []
        var pending = [folder]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? root : root + "/" + relative
            guard let directory = opendir(absolute) else {
                errors.append(FileError(path: relative, code: errno, operation: "open folder"))
                continue
            }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                if name.hasPrefix(".") { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var kind: EntryKind
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_REG): kind = .file
                case Int32(DT_DIR): kind = .directory
                case Int32(DT_LNK): kind = .symbolicLink
                case Int32(DT_UNKNOWN): kind = FileIO.kind(of: root + "/" + path) ?? .special
                default: kind = .special
                }
                if kind == .directory { pending.append(path) }
                entries.append(DirectoryEntry(path: path, kind: kind))
            }
            closedir(directory)
        }
        return (entries, errors)
    }

    /// The names directly inside `path` (dot names excepted), or `nil` when it cannot be listed.
    public static func names(in path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }
}

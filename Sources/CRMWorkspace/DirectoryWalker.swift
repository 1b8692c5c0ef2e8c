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
    /// False when the name's bytes are not UTF-8: `path` then shows them as U+FFFD, and names no file.
    public var hasValidName = true
    /// True for a name that starts with a dot.
    public var isHidden = false
}

/// Lists folders with `readdir`, using the entry type it reports so that most entries need no `stat`.
/// Symbolic links are reported, never followed.
public enum DirectoryWalker {
    /// Every entry under `root/folder` (recursively). Hidden files are listed (`isHidden`), hidden
    /// folders are neither listed nor entered. Folders that cannot be opened are returned as
    /// errors; the walk goes on.
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
                let (name, valid) = Self.name(of: entry)
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var kind: EntryKind
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_REG): kind = .file
                case Int32(DT_DIR): kind = .directory
                case Int32(DT_LNK): kind = .symbolicLink
                case Int32(DT_UNKNOWN): kind = valid ? FileIO.kind(of: root + "/" + path) ?? .special : .special
                default: kind = .special
                }
                let hidden = name.hasPrefix(".")
                if hidden && kind == .directory { continue }
                if kind == .directory && valid { pending.append(path) }
                entries.append(DirectoryEntry(path: path, kind: kind, hasValidName: valid, isHidden: hidden))
            }
            closedir(directory)
        }
        return (entries, errors)
    }

    /// The names directly inside `path` (dot names excepted unless `includingHidden`, names that
    /// are not UTF-8 always), or `nil` when it cannot be listed.
    public static func names(in path: String, includingHidden: Bool = false) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let (name, valid) = Self.name(of: entry)
            guard valid, name != ".", name != "..", includingHidden || !name.hasPrefix(".") else { continue }
            names.append(name)
        }
        return names.sorted()
    }

    /// An entry's name, and whether its bytes are UTF-8.
    private static func name(of entry: UnsafeMutablePointer<dirent>) -> (String, Bool) {
        withUnsafeBytes(of: entry.pointee.d_name) { raw in
            let bytes = raw.prefix { $0 != 0 }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            return (String(decoding: bytes, as: UTF8.self), valid)
        }
    }
}

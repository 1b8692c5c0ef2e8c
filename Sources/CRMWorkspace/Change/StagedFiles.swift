#if canImport(Glibc)
import Glibc
#endif

/// The files of one change, switched in two phases so that it can be undone at any point
/// without needing a byte of free space:
///
/// 1. `prepare`: each new content goes to a temporary file beside its target (written and
///    flushed), and each file that will be replaced or deleted gets a backup, a hard link to it
///    under another name. A full disk fails here, before any file has changed.
/// 2. `switchOver`: each temporary file is renamed over its target, each deleted file unlinked.
///    Renames and unlinks need no space; `undo` renames the backups back.
///
/// `finish` removes the backups once the change is kept.
public struct StagedFiles {
    public struct Item: Sendable {
        /// Relative to the workspace.
        public var path: String
        /// The new content; `nil` to delete the file.
        public var bytes: [UInt8]?
        /// What the file holds now; `nil` when it does not exist.
        public var original: [UInt8]?
        public var temporary: String?
        public var backup: String?

        public init(path: String, bytes: [UInt8]?, original: [UInt8]?) {
            self.path = path
            self.bytes = bytes
            self.original = original
        }

        /// False for a file committed as it is: nothing is written or deleted.
        public var touchesFile: Bool { bytes != original }

        public var journalEntry: ChangeJournal.Entry {
            ChangeJournal.Entry(path: path, before: original.map(ChangeJournal.digest), after: bytes.map(ChangeJournal.digest),
                                backup: backup, temporary: temporary)
        }
    }

    public let root: String
    public private(set) var items: [Item]
    /// Folders made for new files, deepest last, removed again by `undo`.
    private var madeFolders: [String] = []
    private var prepared = 0
    private var switched = 0

    /// The files to change; each path at most once. Names the temporary files and backups.
    public init(root: String, items: [Item]) {
        self.root = root
        let suffix = "\(getpid())"
        self.items = items.map { item in
            var item = item
            guard item.touchesFile else { return item }
            let name = Self.name(of: item.path)
            if item.bytes != nil { item.temporary = ".\(name).\(suffix).tmp" }
            if item.original != nil { item.backup = ".\(name).\(suffix).bak" }
            return item
        }
    }

    /// What the journal records of these files.
    public var journalEntries: [ChangeJournal.Entry] { items.map(\.journalEntry) }

    /// Writes every temporary file and makes every backup. On failure everything made so far is
    /// removed again, and no file of the workspace has changed.
    public mutating func prepare() throws(FileError) {
        do throws(FileError) {
            for index in items.indices {
                let item = items[index]
                guard item.touchesFile else {
                    prepared = index + 1
                    continue
                }
                let folder = Self.folder(of: absolute(item.path))
                if item.bytes != nil { try makeFolders(folder) }
                if let bytes = item.bytes, let temporary = item.temporary {
                    try Self.writeFlushed(bytes, to: folder + "/" + temporary, shown: item.path, modeFrom: item.original == nil ? nil : absolute(item.path))
                }
                if let backup = item.backup {
                    try Self.backUp(absolute(item.path), to: folder + "/" + backup, shown: item.path)
                    if FaultInjection.fails(at: .linked) { throw FileError(path: item.path, code: ENOSPC, operation: "back up") }
                }
                prepared = index + 1
            }
        } catch {
            discardPrepared()
            throw error
        }
    }

    /// Puts every new content in place and deletes what is deleted. On failure what was switched
    /// is switched back, and the error is thrown.
    public mutating func switchOver() throws(FileError) {
        do throws(FileError) {
            for index in items.indices {
                let item = items[index]
                guard item.touchesFile else {
                    switched = index + 1
                    continue
                }
                let target = absolute(item.path)
                let folder = Self.folder(of: target)
                if let temporary = item.temporary {
                    try SystemCall.check("replace", item.path) { rename(folder + "/" + temporary, target) }
                } else {
                    try SystemCall.check("remove", item.path) { unlink(target) }
                }
                switched = index + 1
                if FaultInjection.fails(at: .renamed) { throw FileError(path: item.path, code: EIO, operation: "replace") }
            }
            try syncFolders()
        } catch {
            undo()
            throw error
        }
    }

    /// Undoes `switchOver` (as far as it went) and `prepare`: every file holds what it held.
    public mutating func undo() {
        for item in items[..<switched].reversed() where item.touchesFile {
            let target = absolute(item.path)
            let folder = Self.folder(of: target)
            if let backup = item.backup {
                _ = SystemCall.failure { rename(folder + "/" + backup, target) }
            } else {
                _ = SystemCall.failure { unlink(target) }
            }
        }
        switched = 0
        discardPrepared()
        for folder in madeFolders.reversed() { _ = SystemCall.failure { rmdir(folder) } }
        madeFolders = []
        try? syncFolders()
    }

    /// Keeps the change: removes the backups.
    public mutating func finish() {
        for item in items {
            if let backup = item.backup { _ = SystemCall.failure { unlink(Self.folder(of: absolute(item.path)) + "/" + backup) } }
        }
        try? syncFolders()
        prepared = 0
        switched = 0
        madeFolders = []
    }

    private mutating func discardPrepared() {
        for item in items[..<min(prepared + 1, items.count)] {
            let folder = Self.folder(of: absolute(item.path))
            for name in [item.temporary, item.backup].compactMap({ $0 }) { _ = SystemCall.failure { unlink(folder + "/" + name) } }
        }
        prepared = 0
    }

    private func absolute(_ path: String) -> String { root + "/" + path }

    private func syncFolders() throws(FileError) {
        var seen: Set<String> = []
        for item in items where item.touchesFile {
            let folder = Self.folder(of: absolute(item.path))
            if seen.insert(folder).inserted { try SystemCall.syncFolder(folder) }
        }
    }

    private mutating func makeFolders(_ folder: String) throws(FileError) {
        var missing: [String] = []
        var current = folder
        while current.count > root.count, FileIO.kind(of: current) == nil {
            missing.append(current)
            current = Self.folder(of: current)
        }
        for path in missing.reversed() {
            if let code = SystemCall.failure({ mkdir(path, 0o755) }), code != EEXIST {
                throw FileError(path: path, code: code, operation: "create folder")
            }
            madeFolders.append(path)
        }
    }

    /// Writes `bytes` to a new file at `path` and flushes it; with `modeFrom`, the new file gets
    /// that file's permissions.
    static func writeFlushed(_ bytes: [UInt8], to path: String, shown: String, modeFrom original: String?) throws(FileError) {
        let descriptor = try SystemCall.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                                             operation: "create a temporary file for")
        defer { SystemCall.close(descriptor) }
        if FaultInjection.fails(at: .created) { throw FileError(path: shown, code: ENOSPC, operation: "write") }
        if let original {
            var info = stat()
            if SystemCall.failure({ lstat(original, &info) }) == nil {
                _ = SystemCall.failure { fchmod(descriptor, info.st_mode & 0o7777) }
            }
        }
        try FileIO.writeAll(bytes, to: descriptor, path: shown)
        if FaultInjection.fails(at: .written) { throw FileError(path: shown, code: ENOSPC, operation: "write") }
        try SystemCall.sync(descriptor, path: shown)
        if FaultInjection.fails(at: .synced) { throw FileError(path: shown, code: ENOSPC, operation: "flush") }
    }

    /// A second name for the file at `path`: a hard link, or a flushed copy where the file
    /// system has no hard links.
    static func backUp(_ path: String, to backup: String, shown: String) throws(FileError) {
        guard let code = SystemCall.failure({ link(path, backup) }) else { return }
        guard [EPERM, EOPNOTSUPP, EMLINK, EXDEV].contains(code) else {
            throw FileError(path: shown, code: code, operation: "back up")
        }
        try writeFlushed(try FileIO.read(path), to: backup, shown: shown, modeFrom: path)
    }

    /// The last part of a path.
    public static func name(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// A path without its last part.
    public static func folder(of path: String) -> String {
        String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// The undo journal of a change in progress, `.crm/cache/journal`: what each file held before
/// the change and a digest of what the change wrote, flushed before the file is touched.
/// A journal left behind means a command stopped half-way (it was killed, or failed before it
/// could put things back); the next command finishes the change when its commit was made,
/// else puts back every file that still holds what the change wrote.
public struct ChangeJournal: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// Relative to the workspace.
        public var path: String
        /// What the file held before; `nil` when it did not exist.
        public var original: [UInt8]?
        /// The digest of what was written; `nil` when the file was deleted.
        public var intended: UInt64?

        public init(path: String, original: [UInt8]?, intended: UInt64?) {
            self.path = path
            self.original = original
            self.intended = intended
        }
    }

    public static let path = ".crm/cache/journal"
    static let magic = "crm-journal 1\n"

    /// The commit HEAD pointed to when the change began; `nil` outside git.
    public var head: String?
    public var entries: [Entry]

    /// The journal left in `workspace`, or `nil` when there is none. A torn last entry (the
    /// process died while appending it, before touching its file) is left out.
    public static func read(in workspace: Workspace) -> ChangeJournal? {
        guard let bytes = try? FileIO.read(workspace.absolute(path)) else { return nil }
        return parse(bytes)
    }

    /// The header's `head` line, then per entry `entry PATHLEN ORIGLEN|- DIGEST|-`, a newline,
    /// the path's bytes and the original's bytes.
    public static func header(head: String?) -> [UInt8] {
        Array((magic + "head \(head ?? "-")\n").utf8)
    }

    public static func encode(_ entry: Entry) -> [UInt8] {
        let path = Array(entry.path.utf8)
        let original = entry.original.map { String($0.count) } ?? "-"
        let digest = entry.intended.map { String($0, radix: 16) } ?? "-"
        return Array("entry \(path.count) \(original) \(digest)\n".utf8) + path + (entry.original ?? [])
    }

    static func parse(_ bytes: [UInt8]) -> ChangeJournal {
        var journal = ChangeJournal(head: nil, entries: [])
        var offset = 0
        func line() -> [Substring]? {
            guard let end = bytes[offset...].firstIndex(of: 0x0A) else { return nil }
            defer { offset = end + 1 }
            return String(decoding: bytes[offset..<end], as: UTF8.self).split(separator: " ")
        }
        guard bytes.starts(with: Array(magic.utf8)) else { return journal }
        offset = magic.utf8.count
        guard let head = line(), head.count == 2, head[0] == "head" else { return journal }
        journal.head = head[1] == "-" ? nil : String(head[1])
        while let fields = line(), fields.count == 4, fields[0] == "entry", let pathCount = Int(fields[1]) {
            let originalCount = fields[2] == "-" ? nil : Int(fields[2])
            let intended = fields[3] == "-" ? nil : UInt64(fields[3], radix: 16)
            guard fields[2] == "-" || originalCount != nil, fields[3] == "-" || intended != nil,
                  offset + pathCount + (originalCount ?? 0) <= bytes.count else { break }
            let path = String(decoding: bytes[offset..<offset + pathCount], as: UTF8.self)
            offset += pathCount
            let original = originalCount.map { Array(bytes[offset..<offset + $0]) }
            offset += originalCount ?? 0
            journal.entries.append(Entry(path: path, original: original, intended: intended))
        }
        return journal
    }

    /// FNV-1a, 64 bits: tells whether a file still holds what the change wrote.
    public static func digest(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The files the change touched, each once, in the order first touched.
    public var paths: [String] {
        var seen: Set<String> = []
        return entries.map(\.path).filter { seen.insert($0).inserted }
    }

    /// Puts back every file that still holds what the change wrote (or is still deleted) and
    /// removes the change's temporary files. Returns the files put back and those left as
    /// they are because something else changed them since.
    public func undo(in workspace: Workspace) -> (restored: [String], kept: [String]) {
        var restored: [String] = []
        var kept: [String] = []
        let byPath = Dictionary(grouping: entries, by: \.path)
        for path in paths.reversed() {
            guard let forPath = byPath[path], let first = forPath.first else { continue }
            let original = first.original
            let absolute = workspace.absolute(path)
            AtomicFile.removeTemporaryFiles(of: absolute)
            let current: [UInt8]?
            do {
                current = try FileIO.read(absolute)
            } catch where error.code == ENOENT {
                current = nil
            } catch {
                kept.append(path)
                continue
            }
            if current == original { continue }
            let written = forPath.contains { entry in current.map { entry.intended == Self.digest($0) } ?? (entry.intended == nil) }
            guard written else {
                kept.append(path)
                continue
            }
            do {
                if let original {
                    try AtomicFile.makeFolders(for: absolute)
                    try AtomicFile.write(original, to: absolute)
                } else {
                    try AtomicFile.remove(absolute)
                }
                restored.append(path)
            } catch {
                kept.append(path)
            }
        }
        return (restored.reversed(), kept.reversed())
    }
}

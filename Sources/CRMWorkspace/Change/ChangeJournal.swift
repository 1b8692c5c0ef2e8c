/// The journal of a change in progress (`WorkspaceState.journalPath`): every file the change
/// will touch, with a digest of what it holds before and of what the change writes, and the
/// names of the temporary file holding the new bytes and of the backup (a hard link to the old
/// file) beside it. It is written whole and flushed before the first file is touched, and
/// once the change's commit object exists, its id is appended.
///
/// A journal left behind means a command stopped half-way (killed, out of power); the next
/// command reads it and finishes the change when a commit holds it, or else puts back every
/// file that still holds what the change wrote (`ChangeRecovery`).
public struct ChangeJournal: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// Relative to the workspace.
        public var path: String
        /// The digest of what the file held; `nil` when it did not exist.
        public var before: UInt64?
        /// The digest of what the change writes; `nil` when it deletes the file.
        public var after: UInt64?
        /// The name (in the file's folder) of the backup of the old file, when there was one.
        public var backup: String?
        /// The name (in the file's folder) of the temporary file with the new bytes.
        public var temporary: String?

        public init(path: String, before: UInt64?, after: UInt64?, backup: String?, temporary: String?) {
            self.path = path
            self.before = before
            self.after = after
            self.backup = backup
            self.temporary = temporary
        }
    }

    /// What the change does in git.
    public enum Mode: String, Sendable {
        /// Only the files change (`--no-commit`, or no git).
        case files
        /// The files are staged for a merge in progress.
        case stage
        /// The files are committed.
        case commit
    }

    static let magic = "crm-journal 2\n"

    /// The workspace the change is in, absolute.
    public var root: String
    public var mode: Mode
    /// The commit HEAD pointed to when the change began; `nil` outside git or before the first commit.
    public var head: String?
    /// The git index lock the change holds, when it commits: removed by whoever finishes the change.
    public var indexLock: FileIdentity?
    /// The commit message.
    public var message: String
    public var entries: [Entry]
    /// The commit that holds the change, once made (HEAD may not point to it yet).
    public var commit: String?

    public init(root: String, mode: Mode, head: String?, indexLock: FileIdentity?, message: String, entries: [Entry],
                commit: String? = nil) {
        self.root = root
        self.mode = mode
        self.head = head
        self.indexLock = indexLock
        self.message = message
        self.entries = entries
        self.commit = commit
    }

    /// The journal at `path`: `nil` when there is none, or when it is torn (the command died while
    /// writing it, before it touched any file).
    public static func read(at path: String) -> ChangeJournal? {
        guard let bytes = try? FileIO.read(path, limit: 64 << 20) else { return nil }
        return parse(bytes)
    }

    /// The journal's bytes, up to and including its `end` line.
    public func encoded() -> [UInt8] {
        var bytes = Array(Self.magic.utf8)
        func field(_ name: String, _ text: String) {
            let utf8 = Array(text.utf8)
            bytes += Array("\(name) \(utf8.count)\n".utf8) + utf8 + [0x0A]
        }
        field("root", root)
        bytes += Array("mode \(mode.rawValue)\nhead \(head ?? "-")\nindex-lock \(indexLock?.description ?? "-")\n".utf8)
        field("message", message)
        for entry in entries {
            let path = Array(entry.path.utf8)
            let backup = entry.backup.map { Array($0.utf8) }
            let temporary = entry.temporary.map { Array($0.utf8) }
            let line = ["entry", String(path.count), Self.hex(entry.before), Self.hex(entry.after),
                        backup.map { String($0.count) } ?? "-", temporary.map { String($0.count) } ?? "-"]
            bytes += Array((line.joined(separator: " ") + "\n").utf8) + path + (backup ?? []) + (temporary ?? []) + [0x0A]
        }
        bytes += Array("end\n".utf8)
        return bytes
    }

    /// The line appended once the commit object exists.
    public static func commitLine(_ id: String) -> [UInt8] {
        Array("commit \(id)\n".utf8)
    }

    static func parse(_ bytes: [UInt8]) -> ChangeJournal? {
        var reader = JournalReader(bytes: bytes)
        guard reader.take(Array(magic.utf8)), let root = reader.sized("root"), let modeWords = reader.words("mode"),
              modeWords.count == 1, let mode = Mode(rawValue: modeWords[0]), let head = reader.words("head"),
              head.count == 1, let lock = reader.words("index-lock"), lock.count == 1, let message = reader.sized("message") else { return nil }
        var journal = ChangeJournal(root: root, mode: mode, head: head[0] == "-" ? nil : head[0],
                                    indexLock: lock[0] == "-" ? nil : FileIdentity(lock[0]), message: message, entries: [])
        while let words = reader.words(nil) {
            if words == ["end"] {
                if let commit = reader.words("commit"), commit.count == 1 { journal.commit = commit[0] }
                return journal
            }
            guard words.count == 6, words[0] == "entry", let pathCount = Int(words[1]),
                  let before = digest(words[2]), let after = digest(words[3]),
                  let path = reader.text(pathCount), let backup = reader.optionalText(words[4]),
                  let temporary = reader.optionalText(words[5]), reader.take([0x0A]) else { return nil }
            journal.entries.append(Entry(path: path, before: before, after: after, backup: backup, temporary: temporary))
        }
        return nil
    }

    /// FNV-1a, 64 bits: tells whether a file still holds what the change wrote.
    public static func digest(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    private static func hex(_ value: UInt64?) -> String {
        value.map { String($0, radix: 16) } ?? "-"
    }

    /// `-` (none) or a hexadecimal digest; `nil` when it is neither.
    private static func digest(_ word: String) -> UInt64?? {
        if word == "-" { return .some(nil) }
        return UInt64(word, radix: 16).map { .some($0) }
    }
}

/// A cursor over a journal's bytes.
private struct JournalReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func take(_ expected: [UInt8]) -> Bool {
        guard bytes.count - offset >= expected.count, Array(bytes[offset..<offset + expected.count]) == expected else { return false }
        offset += expected.count
        return true
    }

    /// The words of the next line, which must start with `name` when one is given.
    mutating func words(_ name: String?) -> [String]? {
        guard let end = bytes[offset...].firstIndex(of: 0x0A) else { return nil }
        let words = String(decoding: bytes[offset..<end], as: UTF8.self).split(separator: " ").map(String.init)
        guard let name else {
            offset = end + 1
            return words
        }
        guard words.first == name else { return nil }
        offset = end + 1
        return Array(words.dropFirst())
    }

    mutating func text(_ count: Int) -> String? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    /// `-`, or the length of a text that follows; `nil` when it is neither.
    mutating func optionalText(_ word: String) -> String?? {
        if word == "-" { return .some(nil) }
        guard let count = Int(word), let text = text(count) else { return nil }
        return .some(text)
    }

    /// `NAME LENGTH`, a line break, the text and a line break.
    mutating func sized(_ name: String) -> String? {
        guard let words = words(name), words.count == 1, let count = Int(words[0]), let text = text(count), take([0x0A]) else { return nil }
        return text
    }
}

import CRMWorkspace

/// Where messages come from, told apart by content: a single message (a mail client's pipe,
/// a saved `.eml`), an mbox file (messages after `From ` lines, `>From` unquoted), a Maildir
/// folder (`cur/` and `new/`), or a folder of any of these.
public enum MailSource {
    /// One message's bytes and where they are, for messages and errors.
    public struct Item: Sendable {
        /// The file as named for people (`-` for standard input).
        public var path: String
        /// The message's first line in that file.
        public var line: Int
        /// Its place among the file's messages (1-based), when the file is an mbox.
        public var number: Int?
        public var bytes: ArraySlice<UInt8>

        /// `path`, or `path (message 3)` for an mbox's.
        public var label: String { number.map { "\(path) (message \($0))" } ?? path }
    }

    /// The messages of one file's bytes: an mbox's, or the one message.
    public static func messages(in bytes: [UInt8], path: String) -> [Item] {
        guard bytes.starts(with: Array("From ".utf8)) else { return [Item(path: path, line: 1, number: nil, bytes: bytes[...])] }
        var items: [Item] = []
        var current: [UInt8] = []
        var start = 0
        var line = 0
        var index = 0
        var previousBlank = true
        func finish() {
            guard start > 0 else { return }
            while current.last == 0x0A || current.last == 0x0D { current.removeLast() }
            // A `From ` line with nothing after it is no message.
            guard !current.isEmpty else { return }
            current.append(0x0A)
            items.append(Item(path: path, line: start, number: items.count + 1, bytes: current[...]))
            current = []
        }
        while index < bytes.count {
            let end = bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
            let content = bytes[index..<end]
            line += 1
            if previousBlank && content.starts(with: Array("From ".utf8)) {
                finish()
                start = line + 1
            } else {
                var text = content
                // mboxrd: one `>` is taken off `>From `, `>>From ` and so on.
                let quotes = text.prefix { $0 == UInt8(ascii: ">") }.count
                if quotes > 0 && text.dropFirst(quotes).starts(with: Array("From ".utf8)) { text = text.dropFirst() }
                current += text
                current.append(0x0A)
            }
            previousBlank = content.isEmpty || content == [0x0D]
            index = end + 1
        }
        finish()
        return items
    }

    /// The messages at `path`: a file's (see `messages(in:path:)`), a Maildir's `cur/` and `new/`,
    /// or every file of a folder, in name order. A file that cannot be read is an error of its own,
    /// and the rest is still read.
    public static func messages(at path: String, shown: String) -> (items: [Item], errors: [(path: String, error: FileError)]) {
        guard FileIO.isDirectory(path) else {
            do {
                return (messages(in: try FileIO.read(path), path: shown), [])
            } catch {
                return ([], [(shown, error)])
            }
        }
        var items: [Item] = []
        var errors: [(path: String, error: FileError)] = []
        let names = DirectoryWalker.names(in: path) ?? []
        let isMaildir = names.contains("cur") || names.contains("new")
        for name in (isMaildir ? names.filter { $0 == "cur" || $0 == "new" } : names).sorted() where name != "tmp" || !isMaildir {
            let found = messages(at: path + "/" + name, shown: shown == "." ? name : shown + "/" + name)
            items += found.items
            errors += found.errors
        }
        return (items, errors)
    }
}

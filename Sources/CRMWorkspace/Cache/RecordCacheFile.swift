#if canImport(Glibc)
import Glibc
#endif

/// One type's records in `.crm/cache/TYPE.records`: for each file, its path, the stamp it had
/// when it was read, and its fields in `RecordCodec`'s form, sorted by path.
///
///     header := "CRMCACHE" version:u32 key:u64 count:u32 bodyLength:u64 bodyChecksum:u64
///     body   := (pathLength:u16 path size:u64 modified:i64 changed:i64 inode:u64 dataLength:u32 data)*
///
/// `key` names what the entries mean (the type and its folder); a file with another key, a
/// wrong checksum or any length that does not fit is not used.
struct RecordCacheFile {
    /// An entry's parts, as ranges of `body`.
    struct Entry {
        var path: Range<Int>
        var stamp: FileStamp
        /// The entry's whole bytes, to copy it into a new file unchanged.
        var bytes: Range<Int>
        var data: Range<Int>
    }

    static let magic = Array("CRMCACHE".utf8)
    static let version: UInt32 = 1
    static let headerLength = 8 + 4 + 8 + 4 + 8 + 8

    let body: [UInt8]
    let entries: [Entry]

    /// The key of a type's cache: its name and folder, and the cache format.
    static func key(for type: RecordType) -> UInt64 {
        Checksum.hash(Array("\(version)\u{0}\(type.name)\u{0}\(type.folder)".utf8))
    }

    /// Reads the cache at `path` made for `key`; `nil` when it is missing, for another key, or damaged.
    init?(path: String, key: UInt64) {
        guard let descriptor = try? SystemCall.open(path, O_RDONLY | O_CLOEXEC) else { return nil }
        defer { SystemCall.close(descriptor) }
        var header = [UInt8](repeating: 0, count: Self.headerLength)
        guard Self.read(descriptor, into: &header, at: 0) else { return nil }
        let fields: (key: UInt64, count: UInt32, length: UInt64, checksum: UInt64)? = header.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            guard let magic = reader.slice(8), Array(magic) == Self.magic, reader.integer(UInt32.self) == Self.version,
                  let key = reader.integer(UInt64.self), let count = reader.integer(UInt32.self),
                  let length = reader.integer(UInt64.self), let checksum = reader.integer(UInt64.self) else { return nil }
            return (key, count, length, checksum)
        }
        guard let fields, fields.key == key, fields.length < 1 << 40 else { return nil }
        var body = [UInt8](repeating: 0, count: Int(fields.length))
        guard Self.read(descriptor, into: &body, at: Self.headerLength), Checksum.hash(body) == fields.checksum,
              let entries = Self.entries(in: body, count: Int(fields.count)) else { return nil }
        self.body = body
        self.entries = entries
    }

    private static func entries(in body: [UInt8], count: Int) -> [Entry]? {
        body.withUnsafeBytes { raw -> [Entry]? in
            var reader = BinaryReader(raw)
            var entries: [Entry] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let start = reader.offset
                guard let pathLength = reader.integer(UInt16.self) else { return nil }
                let pathStart = reader.offset
                guard reader.slice(Int(pathLength)) != nil, let size = reader.integer(UInt64.self),
                      let modified = reader.integer(Int64.self), let changed = reader.integer(Int64.self),
                      let inode = reader.integer(UInt64.self), let dataLength = reader.integer(UInt32.self) else { return nil }
                let dataStart = reader.offset
                guard reader.slice(Int(dataLength)) != nil else { return nil }
                entries.append(Entry(path: pathStart..<(pathStart + Int(pathLength)),
                                     stamp: FileStamp(size: size, modified: modified, changed: changed, inode: inode),
                                     bytes: start..<reader.offset, data: dataStart..<reader.offset))
            }
            return reader.isAtEnd ? entries : nil
        }
    }

    private static func read(_ descriptor: Int32, into buffer: inout [UInt8], at offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            let count = (try? SystemCall.count("read", "a cache file") {
                buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, $0.count - done, off_t(offset + done)) }
            }) ?? 0
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    /// A cache file being written: the header's place kept at the start, entries appended after
    /// it, the header filled in last, so the file is built in one buffer of about its size.
    struct Builder {
        private(set) var bytes: [UInt8]
        private(set) var count = 0

        init(capacity: Int) {
            bytes = [UInt8](repeating: 0, count: RecordCacheFile.headerLength)
            bytes.reserveCapacity(RecordCacheFile.headerLength + capacity)
        }

        /// Appends an entry from another cache file unchanged.
        mutating func append(entry: ArraySlice<UInt8>) {
            bytes.append(contentsOf: entry)
            count += 1
        }

        mutating func append(path: String, stamp: FileStamp, data: ArraySlice<UInt8>) {
            let utf8 = path.utf8
            RecordCodec.append(UInt16(utf8.count), to: &bytes)
            bytes.append(contentsOf: utf8)
            RecordCodec.append(stamp.size, to: &bytes)
            RecordCodec.append(stamp.modified, to: &bytes)
            RecordCodec.append(stamp.changed, to: &bytes)
            RecordCodec.append(stamp.inode, to: &bytes)
            RecordCodec.append(UInt32(data.count), to: &bytes)
            bytes.append(contentsOf: data)
            count += 1
        }

        /// The whole file, its header filled in for `key`.
        mutating func finish(key: UInt64) -> [UInt8] {
            let bodyLength = bytes.count - RecordCacheFile.headerLength
            let checksum = bytes.withUnsafeBytes { Checksum.hash(UnsafeRawBufferPointer(rebasing: $0[RecordCacheFile.headerLength...])) }
            var header = RecordCacheFile.magic
            RecordCodec.append(RecordCacheFile.version, to: &header)
            RecordCodec.append(key, to: &header)
            RecordCodec.append(UInt32(count), to: &header)
            RecordCodec.append(UInt64(bodyLength), to: &header)
            RecordCodec.append(checksum, to: &header)
            bytes.replaceSubrange(0..<RecordCacheFile.headerLength, with: header)
            return bytes
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
import CRMSyntax

/// A record's fields in one compact run of bytes: how records are held in memory and kept in
/// the cache, one allocation per record instead of one per value.
///
///     fields := count:u32 field*
///     field  := key value
///     key    := length:u16 bytes
///     value  := 0 string | 1 count:u32 string* | 2 count:u32 (key value)*   (a map's values are no maps)
///     string := length:u32 bytes
///
/// Numbers are little-endian. Readers check every length against the bytes there are, so damaged
/// bytes give `nil` or `false`, never a crash.
enum RecordCodec {
    static func encode(_ fields: [Field]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16 * fields.count + fields.reduce(0) { $0 + $1.key.utf8.count + size(of: $1.value) })
        append(UInt32(fields.count), to: &bytes)
        for field in fields {
            key(field.key, into: &bytes)
            encode(field.value, into: &bytes)
        }
        return bytes
    }

    private static func size(of value: Value) -> Int {
        switch value {
        case .string(let text): return text.utf8.count
        case .list(let items): return items.reduce(0) { $0 + $1.utf8.count + 4 }
        case .map(let entries): return entries.reduce(0) { $0 + $1.key.utf8.count + 8 + size(of: $1.value) }
        }
    }

    private static func key(_ key: String, into bytes: inout [UInt8]) {
        let utf8 = key.utf8.prefix(Int(UInt16.max))
        append(UInt16(utf8.count), to: &bytes)
        bytes.append(contentsOf: utf8)
    }

    private static func encode(_ value: Value, into bytes: inout [UInt8]) {
        switch value {
        case .string(let text):
            bytes.append(0)
            string(text, into: &bytes)
        case .list(let items):
            bytes.append(1)
            append(UInt32(items.count), to: &bytes)
            for item in items { string(item, into: &bytes) }
        case .map(let entries):
            bytes.append(2)
            append(UInt32(entries.count), to: &bytes)
            for entry in entries {
                key(entry.key, into: &bytes)
                encode(entry.value, into: &bytes)
            }
        }
    }

    private static func string(_ text: String, into bytes: inout [UInt8]) {
        let utf8 = text.utf8
        append(UInt32(utf8.count), to: &bytes)
        bytes.append(contentsOf: utf8)
    }

    static func append<T: FixedWidthInteger>(_ number: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The fields in `bytes`, or `nil` when they are damaged.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [Field]? {
        var reader = BinaryReader(bytes)
        guard let count = reader.integer(UInt32.self), Int(count) <= reader.remaining / 3 else { return nil }
        var fields: [Field] = []
        fields.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let key = reader.string(lengthOf: UInt16.self), let value = decodeValue(&reader, inMap: false) else { return nil }
            fields.append(Field(key: key, value: value))
        }
        return reader.isAtEnd ? fields : nil
    }

    private static func decodeValue(_ reader: inout BinaryReader, inMap: Bool) -> Value? {
        switch reader.integer(UInt8.self) {
        case 0:
            return reader.string(lengthOf: UInt32.self).map(Value.string)
        case 1:
            guard let count = reader.integer(UInt32.self), Int(count) <= reader.remaining / 4 else { return nil }
            var items: [String] = []
            items.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let item = reader.string(lengthOf: UInt32.self) else { return nil }
                items.append(item)
            }
            return .list(items)
        case 2 where !inMap:
            guard let count = reader.integer(UInt32.self), Int(count) <= reader.remaining / 7 else { return nil }
            var entries: [MapEntry] = []
            for _ in 0..<count {
                guard let key = reader.string(lengthOf: UInt16.self), let value = decodeValue(&reader, inMap: true) else { return nil }
                entries.append(MapEntry(key: key, value: value))
            }
            return .map(entries)
        default:
            return nil
        }
    }

    /// True when `bytes` hold well-formed fields; checked without making any string.
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var reader = BinaryReader(bytes)
        guard let count = reader.integer(UInt32.self) else { return false }
        for _ in 0..<count {
            guard reader.skip(lengthOf: UInt16.self), skipValue(&reader, inMap: false) else { return false }
        }
        return reader.isAtEnd
    }

    private static func skipValue(_ reader: inout BinaryReader, inMap: Bool) -> Bool {
        switch reader.integer(UInt8.self) {
        case 0:
            return reader.skip(lengthOf: UInt32.self)
        case 1:
            guard let count = reader.integer(UInt32.self) else { return false }
            for _ in 0..<count where !reader.skip(lengthOf: UInt32.self) { return false }
            return true
        case 2 where !inMap:
            guard let count = reader.integer(UInt32.self) else { return false }
            for _ in 0..<count where !(reader.skip(lengthOf: UInt16.self) && skipValue(&reader, inMap: true)) { return false }
            return true
        default:
            return false
        }
    }

    /// The value of field `key`, decoding nothing else; `nil` when there is no such field.
    static func value(of key: String, in bytes: UnsafeRawBufferPointer) -> Value? {
        var key = key
        return key.withUTF8 { name in
            var reader = BinaryReader(bytes)
            guard find(UnsafeRawBufferPointer(name), in: &reader) else { return nil }
            return decodeValue(&reader, inMap: false)
        }
    }

    /// Calls `body` with the bytes of each string of field `key` (its text, its list items, or
    /// its map's values) until it returns true; says whether it did.
    static func anyString(of key: UnsafeRawBufferPointer, in bytes: UnsafeRawBufferPointer,
                          _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        var reader = BinaryReader(bytes)
        guard find(key, in: &reader) else { return false }
        return anyString(&reader, inMap: false, body)
    }

    private static func anyString(_ reader: inout BinaryReader, inMap: Bool, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        switch reader.integer(UInt8.self) {
        case 0:
            return reader.bytes(lengthOf: UInt32.self).map(body) ?? false
        case 1:
            guard let count = reader.integer(UInt32.self) else { return false }
            for _ in 0..<count {
                guard let item = reader.bytes(lengthOf: UInt32.self) else { return false }
                if body(item) { return true }
            }
            return false
        case 2 where !inMap:
            guard let count = reader.integer(UInt32.self) else { return false }
            for _ in 0..<count {
                guard reader.skip(lengthOf: UInt16.self) else { return false }
                if anyString(&reader, inMap: true, body) { return true }
            }
            return false
        default:
            return false
        }
    }

    /// Moves `reader` to the value of the field named `key`; false when there is none.
    private static func find(_ key: UnsafeRawBufferPointer, in reader: inout BinaryReader) -> Bool {
        guard let count = reader.integer(UInt32.self) else { return false }
        for _ in 0..<count {
            guard let name = reader.bytes(lengthOf: UInt16.self) else { return false }
            if name.count == key.count && (key.isEmpty || memcmp(name.baseAddress!, key.baseAddress!, key.count) == 0) { return true }
            guard skipValue(&reader, inMap: false) else { return false }
        }
        return false
    }
}

/// Reads little-endian numbers and length-prefixed strings from bytes, refusing to read past
/// their end.
struct BinaryReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    @inline(__always) init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    @inline(__always) var remaining: Int { bytes.count - offset }
    @inline(__always) var isAtEnd: Bool { offset == bytes.count }

    @inline(__always) mutating func integer<T: FixedWidthInteger>(_ type: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { return nil }
        defer { offset += size }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// `length` bytes, as a slice of the buffer.
    @inline(__always) mutating func slice(_ length: Int) -> UnsafeRawBufferPointer? {
        guard length >= 0, remaining >= length else { return nil }
        defer { offset += length }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
    }

    /// Bytes preceded by their length.
    @inline(__always) mutating func bytes<Length: FixedWidthInteger>(lengthOf type: Length.Type) -> UnsafeRawBufferPointer? {
        guard let length = integer(type) else { return nil }
        return slice(Int(length))
    }

    @inline(__always) mutating func skip<Length: FixedWidthInteger>(lengthOf type: Length.Type) -> Bool {
        bytes(lengthOf: type) != nil
    }

    @inline(__always) mutating func string<Length: FixedWidthInteger>(lengthOf type: Length.Type) -> String? {
        bytes(lengthOf: type).map { String(decoding: $0, as: UTF8.self) }
    }
}

import CRMSyntax

/// A record's fields in the cache's compact binary form, and back:
///
///     fields := count:u16 field*
///     field  := keyLength:u8 key value
///     value  := 0 length:u32 bytes              a string
///             | 1 count:u32 (length:u32 bytes)*  a list
///             | 2 count:u16 (keyLength:u8 key value)*  a map
///
/// Numbers are little-endian. Decoding checks every length against the bytes it has, so a
/// damaged cache gives `nil`, never a crash or a wrong record.
enum RecordCodec {
    static func encode(_ fields: [Field], into bytes: inout [UInt8]) -> Bool {
        guard fields.count <= Int(UInt16.max) else { return false }
        append(UInt16(fields.count), to: &bytes)
        for field in fields {
            guard encode(key: field.key, into: &bytes), encode(field.value, into: &bytes) else { return false }
        }
        return true
    }

    private static func encode(key: String, into bytes: inout [UInt8]) -> Bool {
        let utf8 = key.utf8
        guard utf8.count <= Int(UInt8.max) else { return false }
        bytes.append(UInt8(utf8.count))
        bytes.append(contentsOf: utf8)
        return true
    }

    private static func encode(_ value: Value, into bytes: inout [UInt8]) -> Bool {
        switch value {
        case .string(let text):
            bytes.append(0)
            string(text, into: &bytes)
        case .list(let items):
            bytes.append(1)
            append(UInt32(items.count), to: &bytes)
            for item in items { string(item, into: &bytes) }
        case .map(let entries):
            guard entries.count <= Int(UInt16.max) else { return false }
            bytes.append(2)
            append(UInt16(entries.count), to: &bytes)
            for entry in entries {
                guard encode(key: entry.key, into: &bytes), encode(entry.value, into: &bytes) else { return false }
            }
        }
        return true
    }

    private static func string(_ text: String, into bytes: inout [UInt8]) {
        let utf8 = text.utf8
        append(UInt32(utf8.count), to: &bytes)
        bytes.append(contentsOf: utf8)
    }

    static func append<T: FixedWidthInteger>(_ number: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The fields encoded in `bytes`, or `nil` when they are damaged.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [Field]? {
        var reader = BinaryReader(bytes)
        guard let count = reader.integer(UInt16.self) else { return nil }
        var fields: [Field] = []
        fields.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let key = reader.string(lengthOf: UInt8.self), let value = decodeValue(&reader, depth: 0) else { return nil }
            fields.append(Field(key: key, value: value))
        }
        return reader.isAtEnd ? fields : nil
    }

    private static func decodeValue(_ reader: inout BinaryReader, depth: Int) -> Value? {
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
        case 2 where depth == 0:
            guard let count = reader.integer(UInt16.self) else { return nil }
            var entries: [MapEntry] = []
            for _ in 0..<count {
                guard let key = reader.string(lengthOf: UInt8.self), let value = decodeValue(&reader, depth: 1) else { return nil }
                entries.append(MapEntry(key: key, value: value))
            }
            return .map(entries)
        default:
            return nil
        }
    }
}

/// Reads little-endian numbers and length-prefixed strings from bytes, refusing to read past
/// their end.
struct BinaryReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - offset }
    var isAtEnd: Bool { offset == bytes.count }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { return nil }
        defer { offset += size }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// `length` bytes, as a slice of the buffer.
    mutating func slice(_ length: Int) -> UnsafeRawBufferPointer? {
        guard length >= 0, remaining >= length else { return nil }
        defer { offset += length }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
    }

    mutating func string<Length: FixedWidthInteger>(lengthOf type: Length.Type) -> String? {
        guard let length = integer(type), let slice = slice(Int(length)) else { return nil }
        return String(decoding: slice, as: UTF8.self)
    }
}

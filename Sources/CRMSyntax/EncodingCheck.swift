/// A byte sequence that may not appear in a record file.
struct EncodingProblem: Error {
    enum Kind {
        case invalidUTF8
        case utf16
        case nul
        case loneCarriageReturn
        /// A character YAML does not allow in a stream, or treats as a line break.
        case forbiddenScalar(UInt32)
        case byteOrderMarkInside
    }

    var offset: Int
    var kind: Kind

    var code: String {
        switch kind {
        case .invalidUTF8, .utf16, .nul: return "encoding"
        case .loneCarriageReturn, .forbiddenScalar, .byteOrderMarkInside: return "forbidden-character"
        }
    }

    var message: String {
        switch kind {
        case .invalidUTF8: return "invalid UTF-8 byte sequence"
        case .utf16: return "the file is UTF-16 encoded; records must be UTF-8"
        case .nul: return "NUL byte in the file; this looks like a binary file, not a record"
        case .loneCarriageReturn: return "carriage return (CR) without a line feed"
        case .forbiddenScalar(let scalar):
            let name = "U+" + String(String(scalar, radix: 16, uppercase: true).paddedLeft(to: 4))
            switch scalar {
            case 0x85, 0x2028, 0x2029:
                return "character \(name) is a line break in YAML and is not allowed in records"
            default:
                return "control character \(name) is not allowed in records"
            }
        case .byteOrderMarkInside: return "byte order mark (U+FEFF) in the middle of the file"
        }
    }

    var hint: String {
        switch kind {
        case .invalidUTF8: return "save the file as UTF-8"
        case .utf16: return "convert it, for example with `iconv -f UTF-16 -t UTF-8`"
        case .nul: return "records are UTF-8 text files"
        case .loneCarriageReturn: return "use LF or CRLF line endings"
        case .forbiddenScalar: return "write it as an escape inside double quotes, for example \"\\x07\""
        case .byteOrderMarkInside: return "remove it; a byte order mark may only start the file"
        }
    }
}

extension String {
    func paddedLeft(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// Checks that `bytes[start...]` is UTF-8 holding only characters a record may contain:
/// no NUL or other control characters but tab, LF and CR-before-LF, no C1 controls,
/// no Unicode line or paragraph separators, no byte order mark past the start, no U+FFFE/U+FFFF.
/// Counts the line feeds on the way.
func checkEncoding(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, lineFeeds: inout Int) -> EncodingProblem? {
    let count = bytes.count
    if count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
        return EncodingProblem(offset: 0, kind: .utf16)
    }
    var index = start
    while index < count {
        if index + 8 <= count {
            let special = specialBytes(bytes, at: index)
            if special == 0 {
                index += 8
                continue
            }
            index += special.trailingZeroBitCount / 8
        }
        let byte = bytes[index]
        if byte < 0x80 {
            if byte >= 0x20 && byte != 0x7F || byte == 0x09 {
                index += 1
                continue
            }
            if byte == 0x0A {
                lineFeeds += 1
                index += 1
                continue
            }
            if byte == 0x0D {
                if index + 1 < count && bytes[index + 1] == 0x0A {
                    lineFeeds += 1
                    index += 2
                    continue
                }
                return EncodingProblem(offset: index, kind: .loneCarriageReturn)
            }
            if byte == 0 { return EncodingProblem(offset: index, kind: looksLikeUTF16(bytes) ? .utf16 : .nul) }
            return EncodingProblem(offset: index, kind: .forbiddenScalar(UInt32(byte)))
        }
        guard let (scalar, length) = decodeScalar(bytes, at: index) else {
            return EncodingProblem(offset: index, kind: .invalidUTF8)
        }
        switch scalar {
        case 0x80...0x9F, 0x2028, 0x2029, 0xFFFE, 0xFFFF:
            return EncodingProblem(offset: index, kind: .forbiddenScalar(scalar))
        case 0xFEFF:
            return EncodingProblem(offset: index, kind: .byteOrderMarkInside)
        default:
            index += length
        }
    }
    return nil
}

/// True when most of the first 64 bytes pair a zero with an ASCII byte, always on the same
/// side: UTF-16 text without a byte order mark.
private func looksLikeUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = min(bytes.count, 64) & ~1
    guard count >= 4 else { return false }
    var zeroFirst = 0
    var zeroSecond = 0
    for pair in stride(from: 0, to: count, by: 2) {
        let (first, second) = (bytes[pair], bytes[pair + 1])
        if first == 0 && second != 0 && second < 0x80 { zeroFirst += 1 }
        if second == 0 && first != 0 && first < 0x80 { zeroSecond += 1 }
    }
    return max(zeroFirst, zeroSecond) * 4 >= count / 2 * 3
}

/// A mask with the high bit set in the first of the 8 bytes at `index` that is not ASCII from
/// space to `~` (a control byte, DEL or a byte of a multi-byte sequence); zero when there is none.
/// Bits above the first marked byte may be spurious; the lowest one is exact.
@inline(__always)
private func specialBytes(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
    let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    let high: UInt64 = 0x8080_8080_8080_8080
    let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & high
    let delete = word ^ 0x7F7F_7F7F_7F7F_7F7F
    let isDelete = (delete &- 0x0101_0101_0101_0101) & ~delete & high
    return (word & high) | belowSpace | isDelete
}

/// Decodes the multi-byte UTF-8 sequence at `index`, rejecting overlong forms and surrogates.
private func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
    let lead = bytes[index]
    let count = bytes.count
    func continuation(_ offset: Int) -> UInt32? {
        guard index + offset < count else { return nil }
        let byte = bytes[index + offset]
        return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
    }
    switch lead {
    case 0xC2...0xDF:
        guard let b1 = continuation(1) else { return nil }
        return (UInt32(lead & 0x1F) << 6 | b1, 2)
    case 0xE0...0xEF:
        guard let b1 = continuation(1), let b2 = continuation(2) else { return nil }
        let scalar = UInt32(lead & 0x0F) << 12 | b1 << 6 | b2
        guard scalar >= 0x800, !(0xD800...0xDFFF).contains(scalar) else { return nil }
        return (scalar, 3)
    case 0xF0...0xF4:
        guard let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) else { return nil }
        let scalar = UInt32(lead & 0x07) << 18 | b1 << 12 | b2 << 6 | b3
        guard scalar >= 0x10000, scalar <= 0x10FFFF else { return nil }
        return (scalar, 4)
    default:
        return nil
    }
}

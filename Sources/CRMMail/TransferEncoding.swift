/// A part's `Content-Transfer-Encoding` (RFC 2045 section 6), and the decoders for base64 and
/// quoted-printable that encoded words share. Decoding is lenient, as mail readers are: bytes
/// outside the alphabet are skipped, missing padding is supplied, a stray `=` is kept.
public enum TransferEncoding: Sendable, Equatable {
    case identity
    case base64
    case quotedPrintable

    /// The encoding a header value names; 7bit, 8bit, binary and anything unknown pass bytes through.
    public init(header: String?) {
        switch header.map(MailHeaders.trimmed)?.lowercased() {
        case "base64": self = .base64
        case "quoted-printable": self = .quotedPrintable
        default: self = .identity
        }
    }

    public func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        switch self {
        case .identity: return Array(bytes)
        case .base64: return Self.base64(bytes)
        case .quotedPrintable: return Self.quotedPrintable(bytes, header: false)
        }
    }

    /// Base64 (RFC 4648) without line-length rules: whitespace and other bytes are skipped.
    public static func base64(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var count = 0
        for byte in bytes {
            if byte == UInt8(ascii: "=") { break }
            guard let value = sextet(byte) else { continue }
            accumulator = accumulator << 6 | UInt32(value)
            count += 1
            if count == 4 {
                output.append(UInt8(accumulator >> 16 & 0xFF))
                output.append(UInt8(accumulator >> 8 & 0xFF))
                output.append(UInt8(accumulator & 0xFF))
                accumulator = 0
                count = 0
            }
        }
        if count == 2 { output.append(UInt8(accumulator >> 4 & 0xFF)) }
        if count == 3 {
            output.append(UInt8(accumulator >> 10 & 0xFF))
            output.append(UInt8(accumulator >> 2 & 0xFF))
        }
        return output
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): return 63
        default: return nil
        }
    }

    /// Quoted-printable (RFC 2045 section 6.7): `=XX` is a byte, `=` at a line's end joins lines.
    /// In a header's encoded word (`header`), `_` is a space.
    public static func quotedPrintable(_ bytes: some Collection<UInt8>, header: Bool) -> [UInt8] {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "_") && header {
                output.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "=") {
                if index + 2 < input.count, let high = hex(input[index + 1]), let low = hex(input[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
                // A soft line break: `=`, optional trailing blanks, then the line ending.
                var next = index + 1
                while next < input.count && (input[next] == 0x20 || input[next] == 0x09) { next += 1 }
                if next < input.count && input[next] == 0x0D { next += 1 }
                if next < input.count && input[next] == 0x0A {
                    index = next + 1
                    continue
                }
                output.append(byte)
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}

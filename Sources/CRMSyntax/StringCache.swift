#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Remembers short strings (keys, enum values, names) by their bytes, so that reading
/// many records makes each distinct short string once instead of once per occurrence.
/// A direct-mapped cache: a miss simply replaces the slot.
struct StringCache: Sendable {
    private struct Slot: Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var length = -1
        var string = ""
    }

    /// Only strings of at most this many bytes are cached (Swift keeps them inline).
    static let maximumLength = 15
    private static let slotBits = 10
    private var slots = [Slot](repeating: Slot(), count: 1 << slotBits)

    /// The string for `bytes[range]`, which must be valid UTF-8 of at most `maximumLength` bytes.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { _ = memcpy($0.baseAddress!, bytes.baseAddress! + range.lowerBound, range.count) }
        let hash = (words.0 &* 0x9E37_79B9_7F4A_7C15 ^ words.1 &* 0xC2B2_AE3D_27D4_EB4F ^ UInt64(range.count))
        let index = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - Self.slotBits))
        return slots.withUnsafeMutableBufferPointer { slots in
            if slots[index].length == range.count && slots[index].low == words.0 && slots[index].high == words.1 {
                return slots[index].string
            }
            let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            slots[index] = Slot(low: words.0, high: words.1, length: range.count, string: string)
            return string
        }
    }
}

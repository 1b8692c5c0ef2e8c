/// Turns the bytes a terminal sends into keys, as xterm and its kin encode them (ECMA-48 CSI
/// and SS3 sequences for arrows, Home/End and PgUp/PgDn, UTF-8 for text). A lone ESC at the
/// end of what was read is the Escape key: terminals send a sequence in one write.
public struct KeyDecoder: Sendable {
    /// The bytes of a character cut off at the end of the last read.
    private var pending: [UInt8] = []

    public init() {}

    /// The keys in `bytes`, following what earlier calls left incomplete.
    public mutating func decode(_ bytes: [UInt8]) -> [Key] {
        let input = pending + bytes
        pending = []
        var keys: [Key] = []
        var position = 0
        while position < input.count {
            let byte = input[position]
            switch byte {
            case 0x1B:
                let (key, length) = Self.escape(input, from: position)
                keys.append(key)
                position += length
            case 0x0D, 0x0A:
                keys.append(.enter)
                position += 1
            case 0x09:
                keys.append(.tab)
                position += 1
            case 0x7F, 0x08:
                keys.append(.backspace)
                position += 1
            case 0x01...0x1A:
                keys.append(.control(Character(Unicode.Scalar(byte + 0x60))))
                position += 1
            case 0x00, 0x1C...0x1F:
                keys.append(.unknown([byte]))
                position += 1
            default:
                let length = Self.utf8Length(byte)
                guard position + length <= input.count else {
                    pending = Array(input[position...])
                    return keys
                }
                let text = String(decoding: input[position..<position + length], as: UTF8.self)
                keys.append(text.first.map(Key.character) ?? .unknown(Array(input[position..<position + length])))
                position += length
            }
        }
        return keys
    }

    private static func utf8Length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }

    /// The key an ESC at `start` begins, and how many bytes it takes.
    private static func escape(_ input: [UInt8], from start: Int) -> (Key, Int) {
        guard start + 1 < input.count else { return (.escape, 1) }
        let introducer = input[start + 1]
        if introducer == 0x4F, start + 2 < input.count {
            // SS3: ESC O A (application cursor keys).
            return (final(input[start + 2], parameter: nil) ?? .unknown(Array(input[start...start + 2])), 3)
        }
        guard introducer == 0x5B else {
            // Alt with a key, or Escape typed before another key: Escape, and the key after it.
            return (.escape, 1)
        }
        // CSI: ESC [ parameters (0x30-0x3F) intermediates (0x20-0x2F) final (0x40-0x7E).
        var end = start + 2
        while end < input.count, (0x20...0x3F).contains(input[end]) { end += 1 }
        guard end < input.count else { return (.unknown(Array(input[start...])), input.count - start) }
        let parameters = String(decoding: input[(start + 2)..<end], as: UTF8.self)
        let number = Int(parameters.split(separator: ";").first ?? "")
        let key = final(input[end], parameter: number) ?? .unknown(Array(input[start...end]))
        return (key, end - start + 1)
    }

    private static func final(_ byte: UInt8, parameter: Int?) -> Key? {
        switch byte {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home
        case 0x46: return .end
        case 0x5A: return .backTab
        case 0x7E:
            switch parameter {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            default: return nil
            }
        default: return nil
        }
    }
}

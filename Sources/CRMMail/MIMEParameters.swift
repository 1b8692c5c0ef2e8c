/// A `Content-Type` or `Content-Disposition` value: the leading token (`text/plain`,
/// `attachment`) and its parameters (RFC 2045 section 5.1), with RFC 2231's continuations
/// (`name*0=`, `name*1=`) and charset-tagged values (`filename*=utf-8''objedn%C3%A1vka.pdf`)
/// joined and decoded, and encoded words inside quoted values (as Outlook writes file names)
/// decoded too. Parameter names compare without case.
public struct MIMEParameters: Sendable, Equatable {
    /// The lowercased value before the first `;`.
    public var value: String
    public var parameters: [String: String]

    public init(parsing raw: [UInt8]) {
        var index = 0
        func skipBlanks() {
            while index < raw.count {
                if [0x20, 0x09, 0x0D, 0x0A].contains(raw[index]) {
                    index += 1
                } else if raw[index] == UInt8(ascii: "(") {
                    var depth = 0
                    while index < raw.count {
                        if raw[index] == UInt8(ascii: "\\") { index += 1 } else if raw[index] == UInt8(ascii: "(") { depth += 1 }
                        else if raw[index] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { index += 1; break } }
                        index += 1
                    }
                } else {
                    return
                }
            }
        }
        func token(until stops: [UInt8]) -> [UInt8] {
            let start = index
            while index < raw.count && !stops.contains(raw[index]) && ![0x20, 0x09, 0x0D, 0x0A].contains(raw[index]) { index += 1 }
            return Array(raw[start..<index])
        }
        skipBlanks()
        value = String(decoding: token(until: [UInt8(ascii: ";")]), as: UTF8.self).lowercased()
        // Parts of each parameter: (section or nil, whether *-encoded, bytes).
        var pieces: [String: [(section: Int?, encoded: Bool, bytes: [UInt8], quoted: Bool)]] = [:]
        var order: [String] = []
        while index < raw.count {
            while index < raw.count && raw[index] != UInt8(ascii: ";") { index += 1 }
            guard index < raw.count else { break }
            index += 1
            skipBlanks()
            let name = String(decoding: token(until: [UInt8(ascii: "="), UInt8(ascii: ";")]), as: UTF8.self).lowercased()
            skipBlanks()
            guard index < raw.count, raw[index] == UInt8(ascii: "="), !name.isEmpty else { continue }
            index += 1
            skipBlanks()
            var bytes: [UInt8] = []
            var quoted = false
            if index < raw.count && raw[index] == UInt8(ascii: "\"") {
                quoted = true
                index += 1
                while index < raw.count && raw[index] != UInt8(ascii: "\"") {
                    if raw[index] == UInt8(ascii: "\\") && index + 1 < raw.count { index += 1 }
                    bytes.append(raw[index])
                    index += 1
                }
                index += 1
            } else {
                bytes = token(until: [UInt8(ascii: ";")])
            }
            var base = name
            var encoded = false
            if base.hasSuffix("*") { encoded = true; base.removeLast() }
            var section: Int?
            if let star = base.lastIndex(of: "*"), let number = Int(base[base.index(after: star)...]) {
                section = number
                base = String(base[..<star])
            }
            if pieces[base] == nil { order.append(base) }
            pieces[base, default: []].append((section, encoded, bytes, quoted))
        }
        parameters = [:]
        for name in order {
            let parts = pieces[name]!
            let sorted = parts.contains { $0.section != nil } ? parts.filter { $0.section != nil }.sorted { $0.section! < $1.section! } : parts
            guard let first = sorted.first else { continue }
            if sorted.count == 1 && first.section == nil && !first.encoded {
                parameters[name] = first.quoted ? EncodedWords.decode(first.bytes) : MailCharset.guess(first.bytes)
                continue
            }
            var charset: MailCharset?
            var bytes: [UInt8] = []
            for (position, part) in sorted.enumerated() {
                guard part.encoded else { bytes += part.bytes; continue }
                var data = part.bytes[...]
                if position == 0, let quote = data.firstIndex(of: UInt8(ascii: "'")),
                   let second = data[(quote + 1)...].firstIndex(of: UInt8(ascii: "'")) {
                    charset = MailCharset(named: String(decoding: data[..<quote], as: UTF8.self))
                    data = data[(second + 1)...]
                }
                bytes += Self.percentDecoded(data)
            }
            parameters[name] = charset?.decode(bytes) ?? MailCharset.guess(bytes)
        }
    }

    /// `%XX` as a byte, other bytes as they are.
    static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
               let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                output.append(value)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    public subscript(_ name: String) -> String? { parameters[name.lowercased()] }
}

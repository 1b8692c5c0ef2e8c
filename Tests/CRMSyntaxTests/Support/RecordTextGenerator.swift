import CRMTestSupport
@testable import CRMSyntax

/// Writes random record files by hand, the way people type them: every quoting style,
/// comments and blank lines anywhere, CRLF, a byte order mark, block scalars with blank
/// lines and trailing newlines, Czech diacritics, colons and hashes. Some of what it writes
/// is not valid YAML; the differential test expects both readers to refuse those.
struct RecordTextGenerator {
    var random: SeededRandom

    private static let words = [
        "Plzeň", "Škoda", "Žluťoučký", "kůň", "úpěl", "ďábelské", "ódy", "Brno", "Praha", "Ústí nad Labem",
        "s.r.o.", "a.s.", "faktura", "reklamace", "vip", "key account", "no", "yes", "~", "null", "012",
        "2026-11-20", "10:30", "http://example.cz:80/a?b=c", "x#y", "a:b", "-5", "+420 601 234 567",
        "jan.novak@example.cz", "100 %", "50,5", "[x]", "{y}", "ČSOB", "Ř", "ß", "😀", "„uvozovky“", "…",
    ]
    private static let pieces = [" ", "  ", ":", ": ", " #", "#", "'", "\"", "-", "- ", ",", "[", "]", "{", "}",
                                 "?", "!", "&", "*", "@", "%", "|", ">", "\\", "`", "\t", "\u{A0}", "..."]
    private static let keys = ["name", "status", "kind", "segment", "owner", "email", "phone", "website", "address",
                               "reg-no", "vat-id", "tags", "created", "opt-outs", "notes", "customer", "contact",
                               "at", "channel", "summary", "follow-up", "subject", "x_1", "A-b"]

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    mutating func text() -> String {
        var words: [String] = []
        for _ in 0..<random.int(0...4) {
            words.append(random.chance(0.75) ? random.pick(Self.words) : random.pick(Self.pieces))
        }
        var text = words.joined(separator: random.chance(0.8) ? " " : "")
        if random.chance(0.05) { text = " " + text }
        if random.chance(0.05) { text += " " }
        return text
    }

    /// A one-line token for `text` in some style: plain, single- or double-quoted.
    mutating func token(_ text: String, inFlow: Bool = false) -> String {
        var style = random.int(0...9)
        if style <= 4 && !ScalarWriter.isPlainSafe(text, inFlow: inFlow) && random.chance(0.85) {
            style = random.int(5...9)
        }
        switch style {
        case 0...4:
            return text
        case 5...6:
            return "'" + text.replacingAll("'", with: "''") + "'"
        default:
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case "\t": result += random.chance(0.5) ? "\\t" : "\t"
                default:
                    if random.chance(0.05) {
                        result += "\\u" + String(String(scalar.value, radix: 16).paddedLeft(to: 4).suffix(4))
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
            if random.chance(0.1) { result += random.pick(["\\n", "\\x41", "\\U0001F600", "\\/", "\\ ", "\\0"]) }
            return result + "\""
        }
    }

    mutating func comment() -> String {
        random.chance(0.15) ? " # " + text() : ""
    }

    mutating func triviaLines() -> [String] {
        var lines: [String] = []
        while random.chance(0.15) {
            lines.append(random.chance(0.5) ? "" : String(repeating: " ", count: random.int(0...3)) + "# " + text())
        }
        return lines
    }

    mutating func record() -> String {
        var lines: [String] = []
        if random.chance(0.1) { lines.append(random.chance(0.7) ? "---" : "--- # start") }
        var usedKeys: Set<String> = []
        for _ in 0..<random.int(1...10) {
            var key = random.pick(Self.keys)
            if usedKeys.contains(key) { key += "-\(usedKeys.count)" }
            usedKeys.insert(key)
            lines += triviaLines()
            lines += field(key)
        }
        lines += triviaLines()
        if random.chance(0.1) { mutate(&lines) }
        let ending = random.chance(0.2) ? "\r\n" : "\n"
        var file = lines.joined(separator: ending)
        if random.chance(0.9) { file += ending }
        if random.chance(0.1) { file = "\u{FEFF}" + file }
        return file
    }

    /// Damages one line the way a careless edit would: indentation, a stray character, a lost line.
    private mutating func mutate(_ lines: inout [String]) {
        guard !lines.isEmpty else { return }
        let index = random.int(0...(lines.count - 1))
        switch random.int(0...3) {
        case 0: lines[index] = " " + lines[index]
        case 1: lines[index] = String(lines[index].dropFirst())
        case 2: lines[index] += random.pick(Self.pieces)
        default: lines.remove(at: index)
        }
    }

    private mutating func field(_ key: String) -> [String] {
        switch random.int(0...19) {
        case 0...10:
            let text = text()
            return [text.isEmpty && random.chance(0.5) ? "\(key):" + comment() : "\(key): \(token(text))" + comment()]
        case 11...12:
            return ["\(key): " + flowList() + comment()]
        case 13...14:
            let indent = String(repeating: " ", count: random.int(0...4))
            var lines = ["\(key):" + comment()]
            for _ in 0..<random.int(1...5) {
                lines += triviaLines().filter { !$0.isEmpty }
                let item = text()
                lines.append(indent + (item.isEmpty && random.chance(0.3) ? "-" : "- " + token(item)) + comment())
            }
            return lines
        case 15:
            let indent = String(repeating: " ", count: random.int(1...4))
            var lines = ["\(key):" + comment()]
            for index in 0..<random.int(1...4) {
                lines += triviaLines()
                let value = random.chance(0.2) ? flowList() : token(text())
                lines.append(indent + random.pick(["city", "street", "zip", "country"]) + "\(index): " + value + comment())
            }
            return lines
        default:
            return blockScalar(key)
        }
    }

    private mutating func flowList() -> String {
        let items = (0..<random.int(0...4)).map { _ in token(text(), inFlow: true) }
        let separator = random.pick([", ", ",", " , "])
        return random.chance(0.2) ? "[ " + items.joined(separator: separator) + " ]" : "[" + items.joined(separator: separator) + "]"
    }

    private mutating func blockScalar(_ key: String) -> [String] {
        let indent = random.int(1...4)
        let chomping = random.pick(["", "-", "+"])
        let explicit = random.chance(0.2)
        let header = random.pick(["|", "|", ">"]) + (explicit ? String(indent) : "") + chomping
        var lines = ["\(key): \(header)" + comment()]
        let padding = String(repeating: " ", count: indent)
        for _ in 0..<random.int(0...6) {
            switch random.int(0...9) {
            case 0: lines.append("")
            case 1: lines.append(padding + String(repeating: " ", count: random.int(0...3)))
            case 2 where explicit: lines.append(padding + "  " + text())
            case 3: lines.append(padding + "# " + text())
            default:
                let line = text()
                lines.append(line.isEmpty ? "" : padding + line)
            }
        }
        for _ in 0..<random.int(0...2) { lines.append("") }
        return lines
    }
}

import CRMTestSupport
import Testing
@testable import CRMSyntax

/// Random values of every shape the format holds, from any Unicode scalars.
struct ValueGenerator {
    var random: SeededRandom

    private static let significant: [String] = [
        ": ", " #", "#", "'", "\"", "\\", "-", "- ", "[", "]", "{", "}", ",", "|", ">", "&", "*", "!", "%", "@",
        "`", "?", ":", " ", "  ", "\t", "\n", "\r\n", "\r", "---", "...", "~", "null", "no", "012",
    ]
    private static let ranges: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0x20...0x7E, 0x20...0x7E, 0x00...0x1F, 0x7F...0x9F, 0xA0...0x17F, 0x300...0x36F,
        0x2000...0x206F, 0x4E00...0x4E80, 0xE000...0xE010, 0xFEFF...0xFEFF, 0xFFF0...0xFFFF, 0x1F600...0x1F64F,
        0x10FFF0...0x10FFFF,
    ]

    mutating func string() -> String {
        var text = ""
        for _ in 0..<random.int(0...12) {
            if random.chance(0.3) {
                text += random.pick(Self.significant)
            } else {
                let range = random.pick(Self.ranges)
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text
    }

    mutating func key() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let tail = Array("abcdefghijklmnopqrstuvwxyz0123456789-_")
        return String(random.pick(letters)) + String((0..<random.int(0...8)).map { _ in random.pick(tail) })
    }

    mutating func list() -> [String] {
        (0..<random.int(0...5)).map { _ in string() }
    }

    mutating func value(nested: Bool = false) -> Value {
        switch random.int(0...9) {
        case 0...5: return .string(string())
        case 6...7: return .list(list())
        default:
            if nested { return .string(string()) }
            var entries: [MapEntry] = []
            var keys: Set<String> = []
            for _ in 0..<random.int(1...4) {
                let key = key()
                if keys.insert(key).inserted { entries.append(MapEntry(key: key, value: value(nested: true))) }
            }
            return .map(entries)
        }
    }

    mutating func fields() -> [Field] {
        var fields: [Field] = []
        var keys: Set<String> = []
        for _ in 0..<random.int(1...6) {
            let key = key()
            if keys.insert(key).inserted { fields.append(Field(key: key, value: value())) }
        }
        return fields
    }
}

@Suite("Properties")
struct PropertyTests {
    @Test("Write then read gives the same values (10,000 seeded cases)")
    func writeThenRead() throws {
        var generator = ValueGenerator(random: SeededRandom(seed: 42))
        var reader = RecordReader()
        for _ in 0..<10_000 {
            let fields = generator.fields()
            let lineEnding: LineEnding = generator.random.chance(0.2) ? .crlf : .lf
            let document = try RecordDocument(fields: fields, lineEnding: lineEnding)
            let reread = try reader.read(document.bytes)
            #expect(reread.values == fields)
            if reread.values != fields { return }
        }
    }

    @Test("Edits of random records read back as intended (2,000 seeded cases)")
    func editsReadBack() throws {
        var generator = ValueGenerator(random: SeededRandom(seed: 7))
        for _ in 0..<2_000 {
            var fields = generator.fields()
            var document = try RecordDocument(fields: fields)
            let index = generator.random.int(0...(fields.count - 1))
            switch generator.random.int(0...3) {
            case 0:
                let value = generator.value()
                try document.set(fields[index].key, to: value)
                fields[index].value = value
            case 1:
                try document.remove(fields[index].key)
                fields.remove(at: index)
            case 2:
                let item = generator.string()
                if case .list(let items) = fields[index].value {
                    try document.append(item, to: fields[index].key)
                    fields[index].value = .list(items + [item])
                }
            default:
                let key = generator.key()
                if !fields.contains(where: { $0.key == key }) {
                    try document.rename(fields[index].key, to: key)
                    fields[index].key = key
                }
            }
            #expect(try RecordDocument(parsing: document.bytes).values == fields)
        }
    }
}

@Suite("Writer quoting")
struct WriterQuotingTests {
    @Test("Tricky strings read back the same", arguments: [
        "", " ", "  lead", "trail ", "a: b", "a:", "a #b", "#x", "- x", "-", "-5", "[x", "{x}", "'", "''", "\"", "\\",
        "it's", "'\u{364}x", " \u{301}x\ny", "x\ny", "x\n", "x\n\n", "\n", "\n\n", "\nx", "  x\n y", "a\r\nb", "\r",
        "tab\there", "\t", "\u{7}", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{FFFE}", "\u{A0}", "ž\u{0}", "a\n  \n",
        "x\n   ", "---", "...", "~", "no", "? x", ": x", "@x", "`x", "%x", "!x", "&x", "*x", "|", ">", "a, b", "a]",
    ])
    func trickyStrings(_ text: String) throws {
        for value in [Value.string(text), .list([text, "x"]), .map([MapEntry(key: "k", value: .string(text))])] {
            let document = try RecordDocument(fields: [Field(key: "v", value: value)])
            #expect(try RecordDocument(parsing: document.bytes).values == [Field(key: "v", value: value)])
        }
    }

    @Test("Plain where YAML reads it unchanged", arguments: [
        ("Plzeň", "Plzeň"), ("a: b", "'a: b'"), ("it's: x", "\"it's: x\""), ("", "\"\""), ("x\ty", "\"x\\ty\""),
        ("2026-11-20", "2026-11-20"), ("-5", "-5"), ("- x", "'- x'"), ("a#b", "a#b"), ("a #b", "'a #b'"),
    ])
    func inlineForm(_ text: String, _ written: String) {
        #expect(ScalarWriter.inline(text, inFlow: false) == written)
    }
}

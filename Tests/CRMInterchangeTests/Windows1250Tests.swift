import Testing
import CRMInterchange

@Suite("Windows-1250")
struct Windows1250Tests {
    @Test("Decodes the Czech letters and the euro sign", arguments: [
        (0x8A, "Š"), (0x9A, "š"), (0x8E, "Ž"), (0x9E, "ž"), (0xC8, "Č"), (0xE8, "č"),
        (0xD8, "Ř"), (0xF8, "ř"), (0xEC, "ě"), (0xF9, "ů"), (0xE1, "á"), (0xED, "í"),
        (0xE9, "é"), (0xFD, "ý"), (0x80, "€"), (0x8D, "Ť"), (0x9D, "ť"), (0xCF, "Ď"),
        (0xEF, "ď"), (0xD2, "Ň"), (0xF2, "ň"), (0xDA, "Ú"), (0xFA, "ú"), (0xF3, "ó"),
        (0xA0, "\u{A0}"), (0x84, "„"), (0x93, "“"), (0x41, "A"), (0x00, "\u{0}"),
    ] as [(UInt8, String)])
    func decodes(byte: UInt8, text: String) {
        #expect(Windows1250.decode([byte]) == text)
        #expect(Windows1250.encode(text) == [byte])
    }

    @Test("Decodes the undefined bytes to U+FFFD", arguments: [0x81, 0x83, 0x88, 0x90, 0x98] as [UInt8])
    func undefined(byte: UInt8) {
        #expect(Windows1250.decode([byte]) == "\u{FFFD}")
    }

    @Test("Round-trips Czech text", arguments: [
        "Žluťoučký kůň úpěl ďábelské ódy",
        "ŽLUŤOUČKÝ KŮŇ ÚPĚL ĎÁBELSKÉ ÓDY",
        "Příliš",
        "Cena: 120 € – „zlevněno“",
    ])
    func roundTrips(text: String) throws {
        let bytes = try #require(Windows1250.encode(text))
        #expect(bytes.count == text.count)
        #expect(Windows1250.decode(bytes) == text)
    }

    @Test("Encodes Příliš byte by byte")
    func encodesBytes() {
        #expect(Windows1250.encode("Příliš") == [0x50, 0xF8, 0xED, 0x6C, 0x69, 0x9A])
    }

    @Test("Every defined byte round-trips")
    func everyByte() {
        let undefined: Set<UInt8> = [0x81, 0x83, 0x88, 0x90, 0x98]
        for byte in UInt8.min...UInt8.max where !undefined.contains(byte) {
            #expect(Windows1250.encode(Windows1250.decode([byte])) == [byte])
        }
    }

    @Test("Composes accents before encoding")
    func composes() {
        #expect(Windows1250.encode("e\u{301}") == [0xE9])
        #expect(Windows1250.encode("c\u{30C}") == [0xE8])
    }

    @Test("Cannot encode what the code page lacks", arguments: ["日本", "😀", "ñ", "\u{FFFD}"])
    func unencodable(text: String) {
        #expect(Windows1250.encode(text) == nil)
    }
}

import Testing
import CRMTerminal

@Suite struct KeyDecoderTests {
    static let cases: [(String, [UInt8], [Key])] = [
        ("letters", Array("jk".utf8), [.character("j"), .character("k")]),
        ("Czech letters", Array("čŘ".utf8), [.character("č"), .character("Ř")]),
        ("a wide character", Array("中".utf8), [.character("中")]),
        ("Enter as CR and LF", [0x0D, 0x0A], [.enter, .enter]),
        ("Backspace as DEL and BS", [0x7F, 0x08], [.backspace, .backspace]),
        ("Tab", [0x09], [.tab]),
        ("Ctrl-C", [0x03], [.control("c")]),
        ("a lone Escape", [0x1B], [.escape]),
        ("arrows", [0x1B, 0x5B, 0x41, 0x1B, 0x5B, 0x42, 0x1B, 0x5B, 0x43, 0x1B, 0x5B, 0x44], [.up, .down, .right, .left]),
        ("application arrows", [0x1B, 0x4F, 0x41, 0x1B, 0x4F, 0x42], [.up, .down]),
        ("Home and End", [0x1B, 0x5B, 0x48, 0x1B, 0x5B, 0x46, 0x1B, 0x5B, 0x31, 0x7E, 0x1B, 0x5B, 0x34, 0x7E], [.home, .end, .home, .end]),
        ("rxvt Home and End", [0x1B, 0x5B, 0x37, 0x7E, 0x1B, 0x5B, 0x38, 0x7E], [.home, .end]),
        ("PgUp and PgDn", [0x1B, 0x5B, 0x35, 0x7E, 0x1B, 0x5B, 0x36, 0x7E], [.pageUp, .pageDown]),
        ("Delete", [0x1B, 0x5B, 0x33, 0x7E], [.delete]),
        ("Shift-Tab", [0x1B, 0x5B, 0x5A], [.backTab]),
        ("modified arrow", [0x1B, 0x5B, 0x31, 0x3B, 0x35, 0x41], [.up]),
        ("unknown CSI", [0x1B, 0x5B, 0x32, 0x30, 0x30, 0x7E], [.unknown([0x1B, 0x5B, 0x32, 0x30, 0x30, 0x7E])]),
        ("Escape, then a key", [0x1B, 0x71], [.escape, .character("q")]),
        ("keys around a sequence", [0x61, 0x1B, 0x5B, 0x41, 0x62], [.character("a"), .up, .character("b")]),
    ]

    @Test(arguments: cases)
    func decodes(name: String, bytes: [UInt8], keys: [Key]) {
        var decoder = KeyDecoder()
        #expect(decoder.decode(bytes) == keys, "\(name)")
    }

    @Test func aCharacterCutBetweenReadsIsKeptForTheNext() {
        var decoder = KeyDecoder()
        let bytes = Array("ž".utf8)
        #expect(decoder.decode([bytes[0]]).isEmpty)
        #expect(decoder.decode([bytes[1], 0x61]) == [.character("ž"), .character("a")])
    }

    @Test(arguments: [(Key.character("č"), "č"), (.control("c"), "Ctrl-C"), (.enter, "Enter"), (.backTab, "Shift-Tab"),
                      (.pageDown, "PgDn"), (.unknown([0x1B, 0x5B]), "unknown([27, 91])")])
    func describesAKeyAsPeopleNameIt(key: Key, name: String) {
        #expect(key.description == name)
    }
}

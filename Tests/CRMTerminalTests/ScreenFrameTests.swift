import Testing
import CRMTerminal

@Suite struct ScreenFrameTests {
    static let widths: [(String, Int, String)] = [
        ("plain", 5, "plain"),
        ("Příliš žluťoučký", 16, "Příliš žluťoučký"),
        ("\u{1B}[1mbold\u{1B}[0m", 4, "bold"),
        ("中文", 4, "中文"),
        ("e\u{301}", 1, "e\u{301}"),
    ]

    @Test(arguments: widths)
    func widthsCountWhatShows(text: String, width: Int, plain: String) {
        #expect(StyledText.width(text) == width)
        #expect(StyledText.plain(text) == plain)
    }

    static let fits: [(String, Int, String)] = [
        ("abc", 5, "abc  "),
        ("abcdef", 3, "abc"),
        ("Žluťoučký", 4, "Žluť"),
        ("中文字", 5, "中文 "),
        ("\u{1B}[1mbold text\u{1B}[0m", 4, "\u{1B}[1mbold\u{1B}[0m"),
        ("\u{1B}[7mab\u{1B}[0mcd", 6, "\u{1B}[7mab\u{1B}[0mcd  "),
    ]

    @Test(arguments: fits)
    func linesAreFittedToTheScreen(text: String, columns: Int, fitted: String) {
        #expect(StyledText.fitted(text, to: columns) == fitted)
        #expect(StyledText.width(StyledText.fitted(text, to: columns)) == columns)
    }

    @Test func theFirstFrameDrawsEverythingAndTheNextOnlyWhatChanged() {
        let first = ScreenFrame(lines: ["one", "two"], columns: 4, rows: 3)
        #expect(first.lines == ["one ", "two ", "    "])
        let all = first.update(from: nil)
        #expect(all.hasPrefix("\u{1B}[0m\u{1B}[2J"))
        #expect(all.contains("\u{1B}[1;1Hone ") && all.contains("\u{1B}[2;1Htwo ") && all.contains("\u{1B}[3;1H    "))
        let second = ScreenFrame(lines: ["one", "too"], columns: 4, rows: 3)
        #expect(second.update(from: first) == "\u{1B}[2;1Htoo \u{1B}[0m")
        #expect(second.update(from: second).isEmpty)
        let resized = ScreenFrame(lines: ["one"], columns: 6, rows: 3)
        #expect(resized.update(from: second).hasPrefix("\u{1B}[0m\u{1B}[2J"))
    }
}

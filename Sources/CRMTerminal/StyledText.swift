/// Lines that may hold the SGR sequences `Style` writes (`ESC [ … m`): measured and cut by
/// what shows, so that a colored line fits the screen as a plain one does.
public enum StyledText {
    /// The columns `text` takes on a terminal, escape sequences not counted.
    public static func width(_ text: String) -> Int {
        var columns = 0
        forEachVisible(text) { scalar in columns += TerminalText.width(of: scalar) }
        return columns
    }

    /// `text` without its escape sequences.
    public static func plain(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        forEachVisible(text) { result.append($0) }
        return String(result)
    }

    /// The first `columns` columns of `text`, padded with spaces to exactly `columns`; escape
    /// sequences are kept, and a style still open at the cut is closed.
    public static func fitted(_ text: String, to columns: Int) -> String {
        var result = String.UnicodeScalarView()
        var used = 0
        var styled = false
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                var sequence = String.UnicodeScalarView([scalar])
                while let next = scalars.next() {
                    sequence.append(next)
                    if (0x40...0x7E).contains(next.value) && next != "[" { break }
                }
                result.append(contentsOf: sequence)
                styled = String(sequence) != "\u{1B}[0m"
                continue
            }
            let width = TerminalText.width(of: scalar)
            if used + width > columns { break }
            result.append(scalar)
            used += width
        }
        var line = String(result)
        if styled { line += "\u{1B}[0m" }
        return line + String(repeating: " ", count: max(0, columns - used))
    }

    private static func forEachVisible(_ text: String, _ body: (Unicode.Scalar) -> Void) {
        var inSequence = false
        var sawBracket = false
        for scalar in text.unicodeScalars {
            if inSequence {
                if scalar == "[" && !sawBracket {
                    sawBracket = true
                } else if (0x40...0x7E).contains(scalar.value) {
                    inSequence = false
                }
                continue
            }
            if scalar == "\u{1B}" {
                inSequence = true
                sawBracket = false
                continue
            }
            body(scalar)
        }
    }
}

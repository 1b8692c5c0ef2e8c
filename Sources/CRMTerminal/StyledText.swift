/// Lines that may hold the SGR sequences `Style` writes (`ESC [ … m`): measured and cut by
/// what shows, so that a colored line fits the screen as a plain one does.
public enum StyledText {
    /// The columns `text` takes on a terminal, escape sequences not counted.
    public static func width(_ text: String) -> Int {
        pieces(text).reduce(0) { columns, piece in
            guard case .shown(let scalar) = piece else { return columns }
            return columns + TerminalText.width(of: scalar)
        }
    }

    /// `text` without its escape sequences.
    public static func plain(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for case .shown(let scalar) in pieces(text) { result.append(scalar) }
        return String(result)
    }

    /// The first `columns` columns of `text`, padded with spaces to exactly `columns`; escape
    /// sequences are kept, and a style still open at the cut is closed.
    public static func fitted(_ text: String, to columns: Int) -> String {
        var result = ""
        var used = 0
        var styled = false
        for piece in pieces(text) {
            switch piece {
            case .sequence(let sequence):
                result += sequence
                styled = sequence != "\u{1B}[0m"
            case .shown(let scalar):
                let width = TerminalText.width(of: scalar)
                if used + width > columns { return closed(result, styled) + String(repeating: " ", count: columns - used) }
                result.unicodeScalars.append(scalar)
                used += width
            }
        }
        return closed(result, styled) + String(repeating: " ", count: columns - used)
    }

    private static func closed(_ line: String, _ styled: Bool) -> String {
        styled ? line + "\u{1B}[0m" : line
    }

    /// What `text` is made of: escape sequences (`ESC`, an optional `[`, up to a final byte
    /// from `@` to `~`) and the characters that show.
    private enum Piece {
        case sequence(String)
        case shown(Unicode.Scalar)
    }

    private static func pieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                pieces.append(.shown(scalar))
                continue
            }
            var sequence = String.UnicodeScalarView([scalar])
            while let next = scalars.next() {
                sequence.append(next)
                let opensParameters = next == "[" && sequence.count == 2
                if (0x40...0x7E).contains(next.value) && !opensParameters { break }
            }
            pieces.append(.sequence(String(sequence)))
        }
        return pieces
    }
}

/// Text made safe and measurable for a terminal: control characters and escape sequences in
/// values are shown escaped, never sent raw; widths count East Asian wide characters as two
/// columns and combining marks as none.
public enum TerminalText {
    /// `text` with control characters written as visible escapes (`\e`, `\u{7}`), line breaks
    /// and tabs as `\n` and `\t` unless `keepLineBreaks`.
    public static func escaped(_ text: String, keepLineBreaks: Bool = false) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isControl(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n" where keepLineBreaks: result += "\n"
            case "\n": result += "\\n"
            case "\t": result += keepLineBreaks ? "    " : "\\t"
            case "\r": result += "\\r"
            case "\u{1B}": result += "\\e"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Columns `text` takes on a terminal (after escaping).
    public static func width(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += self.width(of: scalar) }
        return width
    }

    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// `text` cut to at most `columns` columns, ending in `…` when cut.
    /// With `atWord`, the cut falls after the last whole word when that keeps at least half.
    public static func truncated(_ text: String, to columns: Int, atWord: Bool = false) -> String {
        guard width(text) > columns else { return text }
        guard columns > 1 else { return columns == 1 ? "…" : "" }
        var result = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let next = width(of: scalar)
            if used + next > columns - 1 { break }
            result.unicodeScalars.append(scalar)
            used += next
        }
        let atBoundary = text.unicodeScalars.dropFirst(result.unicodeScalars.count).first == " "
        if atWord, !atBoundary, let space = result.lastIndex(of: " "), width(String(result[..<space])) * 2 >= columns {
            result = String(result[..<space])
        }
        while result.hasSuffix(" ") { result.removeLast() }
        return result + "…"
    }

    /// `text` broken into lines of at most `columns` columns, at spaces where it has them.
    public static func wrapped(_ text: String, to columns: Int) -> [String] {
        guard columns > 0, width(text) > columns else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if width(candidate) <= columns {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            var rest = word
            while width(rest) > columns {
                let piece = truncated(rest, to: columns + 1).dropLast()
                lines.append(String(piece))
                rest = String(rest.dropFirst(piece.count))
            }
            line = rest
        }
        lines.append(line)
        return lines
    }

    /// `text` padded with spaces to `columns` columns.
    public static func padded(_ text: String, to columns: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, columns - width(text)))
        return right ? padding + text : text + padding
    }
}

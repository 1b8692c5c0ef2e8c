import CRMSyntax
import CRMTerminal

/// Renders diagnostics for people, as compilers and hledger do:
///
///     customers/acme.yaml:7:8: error: anchors (&) are not supported in records
///      7 | owner: &me Jan
///        |        ^
///     hint: write the value out in full
public struct DiagnosticRenderer: Sendable {
    public let style: Style

    public init(style: Style) {
        self.style = style
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let severity = diagnostic.severity == .error
            ? style.boldRed("error:") : style.boldYellow("warning:")
        var location = TerminalText.escaped(diagnostic.path)
        if let position = diagnostic.location { location += ":\(position.line):\(position.column)" }
        var text = style.bold(location + ":") + " " + severity + " " + TerminalText.escaped(diagnostic.message) + "\n"
        if let position = diagnostic.location, let source = diagnostic.sourceLine {
            let number = String(position.line)
            let gutter = String(repeating: " ", count: number.count + 2)
            let (excerpt, column) = Self.window(Array(source.unicodeScalars), around: position.column)
            var shown = ""
            var caretOffset = 0
            var current = 1
            for scalar in excerpt {
                let piece = scalar == "\t" ? " " : TerminalText.escaped(String(scalar))
                if current < column { caretOffset += TerminalText.width(piece) }
                shown += piece
                current += 1
            }
            text += style.dim(" \(number) |") + " " + shown + "\n"
            if column <= current {
                text += style.dim(gutter + "|") + " " + String(repeating: " ", count: caretOffset) + style.green("^") + "\n"
            }
        }
        if let hint = diagnostic.hint {
            text += style.cyan("hint:") + " " + TerminalText.escaped(hint) + "\n"
        }
        return text
    }

    /// At most `Self.excerptWidth` characters of a long line around `column`, with `…` where it
    /// is cut, and the column within the excerpt.
    static let excerptWidth = 100

    static func window(_ scalars: [Unicode.Scalar], around column: Int) -> ([Unicode.Scalar], Int) {
        guard scalars.count > excerptWidth else { return (scalars, column) }
        let start = max(0, min(column - 1 - excerptWidth * 2 / 3, scalars.count - excerptWidth))
        let end = min(scalars.count, start + excerptWidth)
        var excerpt = Array(scalars[start..<end])
        var shifted = column - start
        if start > 0 {
            excerpt.insert("…", at: 0)
            shifted += 1
        }
        if end < scalars.count { excerpt.append("…") }
        return (excerpt, shifted)
    }

    /// `3 errors and 1 warning in 2 files`, or `no problems found`.
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        guard !diagnostics.isEmpty else { return "no problems found" }
        let files = Set(diagnostics.map(\.path)).count
        var parts: [String] = []
        if errors > 0 { parts.append(plural(errors, "error")) }
        if warnings > 0 { parts.append(plural(warnings, "warning")) }
        return parts.joined(separator: " and ") + " in " + plural(files, "file")
    }
}

/// `1 file`, `2 files`.
func plural(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
}

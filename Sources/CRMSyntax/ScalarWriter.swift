/// Chooses how a string is written so that it reads back as the same string:
/// plain when YAML would read it unchanged, otherwise quoted, or a `|` block for multi-line text.
enum ScalarWriter {
    /// The one-line form of `text`: plain, single-quoted or double-quoted.
    static func inline(_ text: String, inFlow: Bool) -> String {
        if isPlainSafe(text, inFlow: inFlow) { return text }
        var needsEscapes = false
        var hasSingleQuote = false
        var hasDoubleQuoteOrBackslash = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": hasSingleQuote = true
            case "\"", "\\": hasDoubleQuoteOrBackslash = true
            default: if !isPrintable(scalar) { needsEscapes = true }
            }
        }
        if needsEscapes || (hasSingleQuote && !hasDoubleQuoteOrBackslash) || text.isEmpty {
            return doubleQuoted(text)
        }
        return "'" + text.replacingAll("'", with: "''") + "'"
    }

    /// True when `scalar` may appear unescaped in a record (tab and line feed excluded).
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return true
        case 0...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    private static let flowIndicators: Set<Unicode.Scalar> = [",", "[", "]", "{", "}", ":", "?"]

    /// True when `text` reads back unchanged as a plain scalar.
    static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, first != " ", last != " ", last != ":" else {
            return false
        }
        switch first {
        case "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`":
            return false
        case "-":
            guard !inFlow, scalars.count > 1, scalars.dropFirst().first != " " else { return false }
        default:
            break
        }
        var previous: Unicode.Scalar = first
        for scalar in scalars {
            if !isPrintable(scalar) { return false }
            if scalar == "#" && previous == " " || scalar == " " && previous == ":" { return false }
            if inFlow && flowIndicators.contains(scalar) { return false }
            previous = scalar
        }
        return true
    }

    /// `"..."` with YAML escapes for everything that is not printable.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x00: result += "\\0"
            case 0x07: result += "\\a"
            case 0x08: result += "\\b"
            case 0x09: result += "\\t"
            case 0x0A: result += "\\n"
            case 0x0B: result += "\\v"
            case 0x0C: result += "\\f"
            case 0x0D: result += "\\r"
            case 0x1B: result += "\\e"
            case 0x85: result += "\\N"
            case 0x2028: result += "\\L"
            case 0x2029: result += "\\P"
            default:
                if isPrintable(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value < 0x100 {
                    result += "\\x" + String(String(scalar.value, radix: 16, uppercase: true).paddedLeft(to: 2))
                } else {
                    result += "\\u" + String(String(scalar.value, radix: 16, uppercase: true).paddedLeft(to: 4))
                }
            }
        }
        return result + "\""
    }

    /// The `|` block form of multi-line `text`: the header (`|`, `|-`, `|+`, with an indentation
    /// digit when the text starts with a space) and the indented lines; `nil` when the text
    /// holds characters a block cannot (carriage returns, control characters).
    static func literalBlock(_ text: String, indent: Int = 2) -> (header: String, lines: [String])? {
        guard text.utf8.contains(0x0A) else { return nil }
        for scalar in text.unicodeScalars where scalar != "\n" && scalar != "\t" && !isPrintable(scalar) {
            return nil
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let chomping: String
        if text.hasSuffix("\n") {
            lines.removeLast()
            let trailing = text.reversed().prefix { $0 == "\n" }.count
            chomping = trailing == 1 && lines.contains(where: { !$0.isEmpty }) ? "" : "+"
        } else {
            chomping = "-"
        }
        let firstText = lines.first { !$0.isEmpty }
        let indicator = firstText?.unicodeScalars.first == " " ? String(indent) : ""
        let padding = String(repeating: " ", count: indent)
        return ("|" + indicator + chomping, lines.map { $0.isEmpty ? "" : padding + $0 })
    }
}

extension String {
    /// Replaces a scalar everywhere, also where it combines with the marks after it.
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        var result = ""
        for scalar in unicodeScalars {
            if scalar == target { result += replacement } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}

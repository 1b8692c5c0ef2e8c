/// The text a person reads in an HTML mail body: tags dropped, blocks and `<br>` as line
/// breaks, list items as `- `, entities decoded, `<style>`, `<script>`, `<head>`, comments and
/// quoted replies (`<blockquote>`) left out, blanks collapsed as a browser does.
public enum HTMLText {
    private static let skipped: Set<String> = ["style", "script", "head", "title", "blockquote"]
    private static let blocks: Set<String> = ["p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
                                              "hr", "pre", "section", "article", "header", "footer"]

    public static func text(_ html: String) -> String {
        var lines: [String] = [""]
        var skipping: [String] = []
        var scalars = Array(html.unicodeScalars)[...]
        func append(_ text: String) {
            for scalar in text.unicodeScalars {
                if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{A0}" {
                    if !(lines[lines.count - 1].last.map { $0 == " " } ?? true) { lines[lines.count - 1].append(" ") }
                } else {
                    lines[lines.count - 1].unicodeScalars.append(scalar)
                }
            }
        }
        func breakLine(paragraph: Bool) {
            while lines[lines.count - 1].hasSuffix(" ") { lines[lines.count - 1].removeLast() }
            if !lines[lines.count - 1].isEmpty { lines.append("") }
            if paragraph && lines.count >= 2 && !lines[lines.count - 2].isEmpty { lines.append("") }
        }
        while let first = scalars.first {
            if first == "<" {
                if scalars.starts(with: "<!--".unicodeScalars) {
                    let rest = String(String.UnicodeScalarView(scalars))
                    guard let end = rest.range(of: "-->") else { break }
                    scalars = Array(rest[end.upperBound...].unicodeScalars)[...]
                    continue
                }
                guard let close = scalars.firstIndex(of: ">") else { break }
                let tag = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
                scalars = scalars[scalars.index(after: close)...]
                let closing = tag.hasPrefix("/")
                let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
                if skipped.contains(name) && !tag.hasSuffix("/") {
                    if closing { if let index = skipping.lastIndex(of: name) { skipping.removeSubrange(index...) } } else { skipping.append(name) }
                    continue
                }
                guard skipping.isEmpty else { continue }
                if blocks.contains(name) { breakLine(paragraph: name == "p" || name == "table" || name.first == "h" && name.count == 2) }
                if name == "li" && !closing { append("- ") }
                continue
            }
            let end = scalars.firstIndex(of: "<") ?? scalars.endIndex
            if skipping.isEmpty { append(decodeEntities(String(String.UnicodeScalarView(scalars[..<end])))) }
            scalars = scalars[end...]
        }
        var result: [String] = []
        for line in lines.map({ $0.trimmingBlanks() }) where !(line.isEmpty && (result.last?.isEmpty ?? true)) { result.append(line) }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n")
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ndash": "–", "mdash": "—",
        "hellip": "…", "bdquo": "„", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "euro": "€", "copy": "©",
    ]

    /// `&amp;`, `&#269;`, `&#x10D;` and the common named entities.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";") {
                let name = after[..<semicolon]
                var scalar: Unicode.Scalar?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
                }
                if let replacement = scalar.map({ String($0) }) ?? named[String(name)] {
                    output += replacement
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            output += "&"
            rest = after
        }
        return output + rest
    }
}

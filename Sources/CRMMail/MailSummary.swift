/// What a message says, for a call's summary: its own words, without the quoted earlier
/// messages, the signature and the footers mail programs and companies add; cut at a word
/// near `limit` characters with the rest noted.
public enum MailSummary {
    public static let limit = 1500

    /// Lines that start a quoted earlier message (Outlook, Thunderbird, Gmail, Apple Mail; Czech, Slovak, English).
    private static let separators = ["-----original message-----", "----- original message -----", "-----původní zpráva-----",
                                     "----- původní zpráva -----", "-----pôvodná správa-----", "________________________________"]
    /// Line starts of the footers phones and companies add.
    private static let footers = ["sent from my ", "odesláno z ", "odoslané z ", "get outlook for ", "this e-mail and any attachments",
                                  "this email and any attachments", "this message is confidential", "tento e-mail a jeho přílohy",
                                  "tato zpráva je důvěrná", "tento e-mail je důvěrný", "upozornění: tento e-mail", "disclaimer:"]

    /// The summary of a body's text (`text/plain`, or HTML already turned into text).
    public static func summary(of text: String, limit: Int = limit) -> String {
        let lines = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [String] = []
        for (index, raw) in lines.enumerated() {
            let line = String(raw)
            let folded = line.trimmingBlanks().lowercased()
            if line == "-- " || line == "--" { break }
            if separators.contains(where: { folded.hasPrefix($0) }) { break }
            if footers.contains(where: { folded.hasPrefix($0) }) { break }
            if isAttribution(folded, next: lines.dropFirst(index + 1).map(String.init).first { !$0.trimmingBlanks().isEmpty }) { break }
            if isOutlookHeader(lines, at: index) { break }
            if line.hasPrefix(">") { continue }
            kept.append(line.replacing("\t", with: "    "))
        }
        var result: [String] = []
        for line in kept {
            let trimmed = String(line.reversed().drop { $0 == " " }.reversed())
            if trimmed.isEmpty && (result.last?.isEmpty ?? true) { continue }
            result.append(trimmed)
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return cut(result.joined(separator: "\n"), limit: limit)
    }

    /// `On Thu, … wrote:` / `Dne … napsal(a):` / `Am … schrieb …:`, alone or before quoted lines.
    private static func isAttribution(_ folded: String, next: String?) -> Bool {
        guard folded.hasSuffix(":") else { return false }
        let starts = ["on ", "dne ", "am ", "le ", "v ", "w dniu "]
        let verbs = ["wrote", "napsal", "napísal", "schrieb", "a écrit", "píše", "napisał"]
        return starts.contains { folded.hasPrefix($0) } && verbs.contains { folded.contains($0) }
            || next?.hasPrefix(">") == true && verbs.contains { folded.contains($0) }
    }

    /// A quoted message's header block as Outlook writes it: `From:` then `Sent:`/`Date:` within a few lines.
    private static func isOutlookHeader(_ lines: [Substring], at index: Int) -> Bool {
        let starts = ["from:", "od:"]
        let seconds = ["sent:", "date:", "odesláno:", "datum:", "odoslané:", "to:", "komu:"]
        guard starts.contains(where: { bare(lines[index]).hasPrefix($0) }) else { return false }
        return lines[(index + 1)..<min(lines.count, index + 4)].contains { line in
            seconds.contains { bare(line).hasPrefix($0) }
        }
    }

    /// A line lowercased without blanks and Outlook's bold stars around it.
    private static func bare(_ line: Substring) -> String {
        String(String(line).trimmingBlanks().lowercased().drop { $0 == "*" })
    }

    /// `text` cut at a word near `limit` characters, with how much was left out.
    public static func cut(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        var head = String(text.prefix(limit))
        if let space = head.lastIndex(where: { $0 == " " || $0 == "\n" }), head.distance(from: head.startIndex, to: space) > limit * 3 / 4 {
            head = String(head[..<space])
        }
        return head + " […]\n[\(text.count - head.count) more characters in the message]"
    }
}

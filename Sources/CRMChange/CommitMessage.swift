import CRMWorkspace

/// The message of a commit crm makes: a subject of at most `subjectLimit` characters (a longer
/// one is cut, so that a 100 kB value never becomes a commit subject), and a body naming hand
/// edits the commit takes along.
public enum CommitMessage {
    public static let subjectLimit = 100

    /// `subject` (cut), then a paragraph per hand edit.
    public static func make(_ subject: String, handEdits: [HandEdit] = []) -> String {
        var line = subject.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        if line.count > subjectLimit { line = String(line.prefix(subjectLimit - 1)) + "…" }
        let body = handEdits.map(describe)
        return ([line] + (body.isEmpty ? [] : [""] + body)).joined(separator: "\n") + "\n"
    }

    /// One line on a file's hand edits.
    public static func describe(_ edit: HandEdit) -> String {
        if edit.isNewFile { return "Also commits \(edit.path), which was not committed before." }
        let fields = edit.fields.map(\.key).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return "Also commits hand edits of \(edit.path)" + (fields.isEmpty ? "." : ": " + fields.joined(separator: ", ") + ".")
    }
}

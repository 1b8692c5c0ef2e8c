/// How a command writes what it found: for people (`table`, `text`) or for scripts (`json`,
/// `jsonl`, `csv`, `ids`, `paths`), and for other programs (`yaml`, `vcard`, `ics`). The names
/// are the same in every command, and what each writes for scripts is stable: it never changes
/// with the terminal or the language.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// An aligned table fitted to the terminal.
    case table
    /// Text for people that is not a table.
    case text
    /// One JSON document: an array or an object, indented.
    case json
    /// One JSON object per line.
    case jsonl
    /// RFC 4180 CSV with a header row.
    case csv
    /// One record id per line.
    case ids
    /// One record file path per line.
    case paths
    /// The record file as it is.
    case yaml
    case vcard
    case ics
    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.
    case github
    /// GitLab's Code Quality report (JSON).
    case gitlab
    /// A record type as a JSON Schema (draft-07), for editors' YAML plug-ins.
    case jsonSchema = "json-schema"

    /// True for the formats written for scripts.
    public var isForScripts: Bool { ![.table, .text].contains(self) }
}

/// A `--format` option: the formats a kind of output offers, and the one written when none is
/// asked for. One is declared per set of formats and shared by every command that prints that
/// kind of output; read it with `invocation.format(...)`.
public struct FormatOption: Sendable {
    public let option: Option<OutputFormat>
    public let fallback: OutputFormat
    public var spec: OptionSpec { option.spec }

    init(_ formats: [OutputFormat]) {
        fallback = formats[0]
        option = Self.option(formats, help: " (default: \(formats[0].rawValue))")
    }

    /// Rows of records: `search`, `agenda`, `complaints`, `campaign`, `status`, `duplicates`.
    public static let rows = FormatOption([.table, .json, .jsonl, .csv, .ids])
    /// `crm list`: rows of records, and their paths.
    public static let records = FormatOption([.table, .json, .jsonl, .csv, .ids, .paths])
    /// Tables that are not of records: reports, saved queries, history.
    public static let tables = FormatOption([.table, .json, .jsonl, .csv])
    /// `crm types`: a table, or the types as JSON Schemas.
    public static let types = FormatOption([.table, .json, .jsonl, .csv, .jsonSchema])
    /// Output that is not a table: problems found, one record shown, differences.
    public static let text = FormatOption([.text, .json, .jsonl])
    /// `crm check`: problems for people, for scripts, and for CI hosts' annotations.
    public static let problems = FormatOption([.text, .json, .jsonl, .github, .gitlab])
    /// `crm show`: a record for people, for scripts, or its file as it is.
    public static let record = FormatOption([.text, .json, .jsonl, .yaml])
    /// `crm export`, which has no default: the format is the point.
    public static let export = option([.csv, .json, .jsonl, .vcard, .ics], help: "")

    static func option(_ formats: [OutputFormat], help: String) -> Option<OutputFormat> {
        let list = formats.dropLast().map(\.rawValue).joined(separator: ", ") + " or " + formats.last!.rawValue
        return Option.choice(["--format"], value: "format", help: list + "." + help, choices: formats)
    }
}

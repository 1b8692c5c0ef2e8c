/// RFC 4180 CSV: fields with the separator, quotes, line breaks or edge spaces are quoted,
/// quotes doubled, rows end with CRLF. Values a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR) get a leading `'` so they stay text.
public struct CSVWriter: Sendable {
    public var separator: Character = ","
    public var neutralizeFormulas = true

    public init(separator: Character = ",", neutralizeFormulas: Bool = true) {
        self.separator = separator
        self.neutralizeFormulas = neutralizeFormulas
    }

    /// A header row and the rows, with the default settings.
    public static func document(headers: [String], rows: [[String]]) -> String {
        let writer = CSVWriter()
        return ([headers] + rows).map(writer.row).joined()
    }

    public func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: String(separator)) + "\r\n"
    }

    public func field(_ value: String) -> String {
        var value = value
        if neutralizeFormulas, let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
           !(first == "-" && Double(value) != nil), !(first == "+" && value.dropFirst().allSatisfy { $0.isNumber || $0 == " " }) {
            value = "'" + value
        }
        let separatorByte = separator.asciiValue ?? 0x2C
        let needsQuotes = value.utf8.contains { $0 == separatorByte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}

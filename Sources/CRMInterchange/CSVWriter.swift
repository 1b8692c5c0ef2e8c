/// Writes CSV as RFC 4180 describes it: UTF-8, CRLF after every record, and a field in quotes
/// when it holds the separator, a quote, CR or LF, starts or ends with a space, or starts with
/// U+FEFF (which would read as a byte order mark), with each quote inside doubled. A record of
/// one empty field is written `""`, as an empty line would read as a blank line.
///
/// **Formulas.** A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some
/// start with tab or CR too) as a formula, which a hostile value can abuse. With
/// `neutralizesFormulas`, as OWASP advises, such a value gets a leading apostrophe: `=1+1`
/// is written `'=1+1`, and so is `-2+3+cmd|' /C calc'!A0`. Only values that cannot hold a
/// formula stay as they are: a whole number such as `-5` or `-12.5`, and a phone number of
/// `+`, digits and spaces (`+420 601 111 222`). To keep this reversible, a value that already
/// starts with apostrophes before one of those characters gets one more (`'=x` is written
/// `''=x`). `CSVReader` does not strip the apostrophe; an importer that wants the values back
/// calls `CSVReader.restoringFormula(_:)`.
public struct CSVWriter: Sendable {
    /// `,` or `;` (what Excel expects where the decimal separator is a comma).
    public var separator: Character = ","
    /// Starts the file with a UTF-8 byte order mark, by which Excel knows the text is UTF-8.
    public var byteOrderMark = false
    /// Prefixes values that a spreadsheet would run as formulas with `'`.
    public var neutralizesFormulas = true

    public init(separator: Character = ",", byteOrderMark: Bool = false, neutralizesFormulas: Bool = true) {
        precondition(
            separator.unicodeScalars.count == 1 && !["\"", "\r", "\n"].contains(separator.unicodeScalars.first),
            "a CSV separator is one character other than a quote or a line break")
        self.separator = separator
        self.byteOrderMark = byteOrderMark
        self.neutralizesFormulas = neutralizesFormulas
    }

    /// CSV text with the default settings, as `crm list --format csv` prints it.
    public static func text(header: [String], rows: [[String]]) -> String {
        String(decoding: CSVWriter().write(header: header, rows: rows), as: UTF8.self)
    }

    /// The file's bytes: the header record, then one record per row, each as given.
    public func write(header: [String], rows: [[String]]) -> [UInt8] {
        var text = ""
        append(header, to: &text)
        for row in rows { append(row, to: &text) }
        return (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }

    /// Whether the first character after any leading apostrophes is one a spreadsheet
    /// starts a formula with.
    static func startsLikeFormula(_ field: String) -> Bool {
        guard let first = field.unicodeScalars.first(where: { $0 != "'" }) else { return false }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first)
    }

    /// A number (`-5`, `-12.5`) or a phone number (`+420 601 111 222`): it starts like a formula
    /// but a spreadsheet cannot run anything in it.
    static func isHarmless(_ field: String) -> Bool {
        let scalars = field.unicodeScalars
        switch scalars.first {
        case "-": return Double(field) != nil
        case "+": return scalars.count > 1 && scalars.dropFirst().allSatisfy { ("0"..."9").contains($0) || $0 == " " }
        default: return false
        }
    }

    private func append(_ fields: [String], to text: inout String) {
        if fields == [""] {
            text += "\"\"\r\n"
            return
        }
        for (index, field) in fields.enumerated() {
            if index > 0 { text.append(separator) }
            text += encoded(field)
        }
        text += "\r\n"
    }

    /// A field as written: guarded against formulas, then quoted when it must be.
    private func encoded(_ field: String) -> String {
        let value = neutralizesFormulas && Self.startsLikeFormula(field) && !Self.isHarmless(field) ? "'" + field : field
        let scalars = value.unicodeScalars
        let special: [Unicode.Scalar] = ["\"", "\r", "\n"] + separator.unicodeScalars
        let isPadded = scalars.first == " " || scalars.last == " "
        // A reader drops U+FEFF at the start of a file as a byte order mark; quoted, it stays.
        let startsLikeByteOrderMark = scalars.first == "\u{FEFF}"
        guard isPadded || startsLikeByteOrderMark || scalars.contains(where: special.contains) else { return value }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in scalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }
}

/// Splits decoded CSV text into records: a cursor over Unicode scalars that knows its line
/// and column, for errors.
struct CSVParser {
    let text: [Unicode.Scalar]
    let separator: Unicode.Scalar
    private var index = 0
    private var line = 1
    private var column = 1

    init(text: [Unicode.Scalar], separator: Unicode.Scalar) {
        self.text = text
        self.separator = separator
    }

    /// Every record, the header first, numbered as a spreadsheet numbers rows; blank lines
    /// are counted but left out.
    mutating func records() throws(CSVError) -> [CSVRow] {
        var records: [CSVRow] = []
        var number = 0
        while let scalar = current {
            number += 1
            if isLineBreak(scalar) {
                skipLineBreak()
                continue
            }
            let start = line
            records.append(CSVRow(number: number, line: start, fields: try record()))
        }
        return records
    }

    private var current: Unicode.Scalar? {
        index < text.count ? text[index] : nil
    }

    private func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r"
    }

    /// The fields up to the end of the record, and past its line break.
    private mutating func record() throws(CSVError) -> [String] {
        var fields: [String] = []
        while true {
            fields.append(try field())
            guard let scalar = current else { return fields }
            if scalar == separator {
                advance()
            } else {
                skipLineBreak()
                return fields
            }
        }
    }

    /// One field, leaving the cursor at the separator, the line break or the end after it.
    private mutating func field() throws(CSVError) -> String {
        var value = String.UnicodeScalarView()
        guard current == "\"" else {
            while let scalar = current, scalar != separator, !isLineBreak(scalar) {
                value.append(scalar)
                advance()
            }
            return String(value)
        }
        let (openingLine, openingColumn) = (line, column)
        advance()
        while true {
            guard let scalar = current else {
                throw .unterminatedQuote(line: openingLine, column: openingColumn)
            }
            advance()
            if scalar == "\"" {
                guard current == "\"" else { break }
                advance()
            }
            value.append(scalar)
        }
        if let scalar = current, scalar != separator, !isLineBreak(scalar) {
            throw .textAfterQuote(line: line, column: column)
        }
        return String(value)
    }

    /// Steps over CRLF, LF or CR.
    private mutating func skipLineBreak() {
        let scalar = current
        advance()
        if scalar == "\r", current == "\n" { advance() }
    }

    /// Steps over one scalar, counting a line at LF and at a CR that no LF follows.
    private mutating func advance() {
        let scalar = text[index]
        index += 1
        if scalar == "\n" || (scalar == "\r" && current != "\n") {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }
}

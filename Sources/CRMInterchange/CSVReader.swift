/// How the bytes of a CSV file encode its text.
public enum CSVEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    /// What Excel on a Czech Windows writes when asked for "CSV".
    case windows1250 = "windows-1250"
}

/// Reads CSV files as RFC 4180 describes them, and as spreadsheets write them in practice.
///
/// Fields may be quoted, and a quoted field may hold separators, line breaks and doubled
/// quotes (`""`). Lines end in CRLF, LF or CR. A UTF-8 byte order mark is dropped (also from a
/// file read as Windows-1250), blank lines
/// are skipped, and a quote inside an unquoted field is kept as text.
public enum CSVReader {
    /// Reads a CSV file: the first record is the header.
    ///
    /// - Parameter separator: `,`, `;` or tab; when `nil`, the one that occurs most often
    ///   outside quotes in the header line (`,` on a tie).
    /// - Throws: a `CSVError` for an empty file, invalid UTF-8, a quoted field that is not
    ///   closed, or text after a closing quote. Rows of the wrong width are not errors.
    public static func read(
        _ bytes: [UInt8], encoding: CSVEncoding = .utf8, separator: Character? = nil
    ) throws(CSVError) -> CSVTable {
        let text: [Unicode.Scalar]
        switch encoding {
        case .utf8: text = try decodeUTF8(bytes)
        case .windows1250:
            // A UTF-8 byte order mark means the file is not Windows-1250 after all; at least
            // it is no part of the first column's name.
            text = (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]).map(Windows1250.scalar)
        }
        let separator = separator ?? detectSeparator(text)
        guard separator.unicodeScalars.count == 1, let scalar = separator.unicodeScalars.first,
            !["\"", "\r", "\n"].contains(scalar)
        else { preconditionFailure("a CSV separator is one character other than a quote or a line break") }
        var parser = CSVParser(text: text, separator: scalar)
        let records = try parser.records()
        guard let header = records.first?.fields else { throw .empty() }
        let rows = records.dropFirst().map { record in
            var row = record
            if row.fields.count < header.count {
                row.fields += Array(repeating: "", count: header.count - row.fields.count)
            }
            return row
        }
        return CSVTable(header: header, rows: rows, separator: separator)
    }

    /// Undoes `CSVWriter`'s formula guard: drops the leading `'` of a field whose first
    /// character after its leading apostrophes is `=`, `+`, `-`, `@`, tab or CR.
    /// `'=SUM(A1)` becomes `=SUM(A1)`, `''=x` becomes `'=x`, and `'abc` stays as it is.
    public static func restoringFormula(_ field: String) -> String {
        guard field.unicodeScalars.first == "'", CSVWriter.startsLikeFormula(field) else { return field }
        return String(field.unicodeScalars.dropFirst())
    }

    /// The scalars of UTF-8 text without its byte order mark.
    static func decodeUTF8(_ bytes: [UInt8]) throws(CSVError) -> [Unicode.Scalar] {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(body.count)
        var iterator = body.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = body.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .emptyInput:
                return scalars
            case .error:
                let (line, column) = position(after: scalars)
                throw .invalidUTF8(line: line, column: column, byte: bytes[offset])
            }
        }
    }

    /// The line and column just after `scalars`, counting CRLF as one line break.
    private static func position(after scalars: [Unicode.Scalar]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for (index, scalar) in scalars.enumerated() {
            let isCRBeforeLF = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            if scalar == "\n" || (scalar == "\r" && !isCRBeforeLF) {
                line += 1
                column = 1
            } else if !isCRBeforeLF {
                column += 1
            }
        }
        return (line, column)
    }

    /// The most frequent of `,`, `;` and tab outside quotes in the first non-blank line.
    static func detectSeparator(_ text: [Unicode.Scalar]) -> Character {
        let candidates: [Unicode.Scalar] = [",", ";", "\t"]
        var counts = [0, 0, 0]
        var isQuoted = false
        for scalar in text.drop(while: { $0 == "\r" || $0 == "\n" }) {
            if scalar == "\"" {
                isQuoted.toggle()
            } else if !isQuoted, scalar == "\r" || scalar == "\n" {
                break
            } else if !isQuoted, let index = candidates.firstIndex(of: scalar) {
                counts[index] += 1
            }
        }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        return Character(candidates[best])
    }
}

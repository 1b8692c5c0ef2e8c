/// A CSV file as read: the header, then one row per record, with the separator the file uses.
public struct CSVTable: Sendable, Equatable {
    /// The names in the first record.
    public var header: [String]
    public var rows: [CSVRow]
    /// The separator given to the reader, or the one it detected.
    public var separator: Character

    public init(header: [String], rows: [CSVRow], separator: Character) {
        self.header = header
        self.rows = rows
        self.separator = separator
    }
}

/// One record after the header, with where it is, for messages about it.
public struct CSVRow: Sendable, Equatable {
    /// The row a spreadsheet shows for this record: the header is row 1, and blank lines,
    /// which the reader skips, still count.
    public var number: Int
    /// The 1-based line where the record starts in the file; it differs from `number` once
    /// an earlier field spans lines.
    public var line: Int
    /// The values in order; padded with "" up to the header's width. A row with more fields
    /// than the header keeps them all, for the importer to report.
    public var fields: [String]

    public init(number: Int, line: Int, fields: [String]) {
        self.number = number
        self.line = line
        self.fields = fields
    }
}

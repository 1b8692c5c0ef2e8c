// Feeds arbitrary bytes to the CSV reader. The first byte picks the encoding and the separator
// (detected, `,`, `;` or tab); the rest is the file. The reader must return a table or throw a
// `CSVError` with a location; it must never crash. A table it reads must survive CSVWriter:
// written with the same separator (formula guard off) and read again, it gives the same
// header and fields.
import CRMInterchange
import FuzzSupport

let separators: [Character?] = [nil, ",", ";", "\t"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let all = UnsafeRawBufferPointer(start: start, count: count)
    let selector = Int(all[0])
    let bytes = Array(all.dropFirst())
    let encoding: CSVEncoding = selector & 4 == 0 ? .utf8 : .windows1250
    let lines = lineCount(bytes)
    let table: CSVTable
    do {
        table = try CSVReader.read(bytes, encoding: encoding, separator: separators[selector & 3])
    } catch {
        require(error.line >= 1 && error.line <= lines, "error line \(error.line) outside 1...\(lines): \(error)")
        require(error.column >= 1, "error column \(error.column) < 1: \(error)")
        return 0
    }
    require(!table.header.isEmpty, "a table without a header")
    var previous = 1
    for row in table.rows {
        require(row.fields.count >= table.header.count, "row \(row.number) is narrower than the header")
        require(row.number > previous && row.line >= 1 && row.line <= lines, "row \(row.number) at line \(row.line) is out of order")
        previous = row.number
        _ = row.fields.map(CSVReader.restoringFormula)
    }
    let writer = CSVWriter(separator: table.separator, neutralizesFormulas: false)
    let written = writer.write(header: table.header, rows: table.rows.map(\.fields))
    let reread: CSVTable
    do {
        reread = try CSVReader.read(written, separator: table.separator)
    } catch {
        fail("CSVWriter's output does not read back: \(error)")
    }
    require(reread.header == table.header, "the header changed after writing and reading again: \(table.header) became \(reread.header)")
    require(reread.rows.map(\.fields) == table.rows.map(\.fields), "the fields changed after writing and reading again: \(table.rows.map(\.fields)) became \(reread.rows.map(\.fields))")
    return 0
}

// Feeds arbitrary bytes to the accounting readers, as `crm import isdoc` and `crm import bank`
// read a file: the ISDOC invoice reader, and the statement readers (GPC for a file starting
// with 074, camt.053 otherwise). Each must return what it read or throw a `ReadError` at a line
// inside the input; none may crash, read an entity or recurse without limit.
import CRMAccounting
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let lines = lineCount(bytes)
    do {
        let invoice = try ISDOCInvoice(parsing: bytes)
        require(!invoice.number.isEmpty, "an invoice without a number was read")
    } catch {
        require(error.line >= 1 && error.line <= lines + 1, "ISDOC error line \(error.line) outside 1...\(lines + 1): \(error)")
    }
    do {
        for statement in try AccountingFiles.statements(bytes) {
            for movement in statement.transactions {
                require(movement.amount.value >= 0, "a movement of \(movement.amount) was read")
                require(movement.line >= 1 && movement.line <= lines, "movement line \(movement.line) outside 1...\(lines)")
            }
        }
    } catch {
        require(error.line >= 1 && error.line <= lines + 1, "statement error line \(error.line) outside 1...\(lines + 1): \(error)")
        require(error.column >= 1 && error.column <= 128 || !bytes.starts(with: Array("074".utf8)), "GPC error column \(error.column)")
    }
    return 0
}

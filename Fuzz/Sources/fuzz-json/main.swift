// Feeds arbitrary bytes to the JSON reader's three entry points (one value, JSON Lines, and
// `readAny`, which the importer uses). Each must return values or throw a `JSONError` with a
// location; none may crash, whatever the nesting.
import CRMInterchange
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let lines = lineCount(bytes)
    func checked<T>(_ body: () throws(JSONError) -> T) -> T? {
        do {
            return try body()
        } catch {
            require(error.line >= 1 && error.line <= lines, "error line \(error.line) outside 1...\(lines): \(error)")
            require(error.column >= 1, "error column \(error.column) < 1: \(error)")
            return nil
        }
    }
    let any = checked { () throws(JSONError) in try JSONReader.readAny(bytes) }
    let one = checked { () throws(JSONError) in try JSONReader.read(bytes) }
    let jsonLines = checked { () throws(JSONError) in try JSONReader.readLines(bytes) }
    // A document that is one array is read by readAny as its elements, one that is another value as itself.
    if let one, let any {
        if case .array(let elements) = one {
            require(any == elements, "readAny and read disagree on an array")
        } else {
            require(any == [one], "readAny and read disagree on a value")
        }
    }
    _ = jsonLines
    return 0
}

// Feeds arbitrary bytes to the record reader. The reader must either return a document or
// throw a `Diagnostic` with a sensible location; it must never crash, hang or leak.
// One reader is kept across inputs so that its string cache and scratch space are exercised too.
import CRMSyntax
import FuzzSupport

nonisolated(unsafe) var reader = RecordReader()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let lines = lineCount(bytes)
    do {
        let document = try reader.read(bytes, path: "fuzz.yaml")
        // The syntax nodes cover the bytes exactly, in order.
        var covered: [UInt8] = []
        covered.reserveCapacity(bytes.count)
        for node in document.nodes { covered += bytes[node.bytes] }
        require(covered == bytes, "the syntax nodes do not cover the file")
        for field in document.fields {
            require(bytes[field.bytes].starts(with: Array(field.key.utf8)), "field '\(field.key)' does not start with its key")
            require(document[field.key] == field.value, "duplicate key '\(field.key)' was accepted")
        }
        // A reader without a cache reads the same document.
        let fresh = try RecordDocument(parsing: bytes, path: "fuzz.yaml")
        require(fresh.values == document.values, "the cached and uncached readers disagree")
    } catch {
        require(!error.code.isEmpty && !error.message.isEmpty, "a diagnostic without a code or message")
        if let location = error.location {
            require(location.line >= 1 && location.line <= lines, "diagnostic line \(location.line) outside 1...\(lines)")
            require(location.column >= 1, "diagnostic column \(location.column) < 1")
        }
        _ = error.description
    }
    return 0
}

// Feeds arbitrary bytes to the record reader. The reader must either return a document or
// throw a `Diagnostic` with a sensible location; it must never crash, hang or leak.
// One reader is kept across inputs so that its string cache and scratch space are exercised too.
import CRMSyntax

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

/// `precondition` that keeps its message in optimized builds, where libFuzzer reports it as a crash.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fail(message()) }
}

func fail(_ message: String) -> Never {
    fatalError(message)
}

/// The number of lines of `bytes`, counting LF, CRLF and a lone CR as line ends.
func lineCount(_ bytes: [UInt8]) -> Int {
    var count = 1
    for (index, byte) in bytes.enumerated() where byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
        count += 1
    }
    return count
}

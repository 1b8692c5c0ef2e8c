// Read → write → read. For every input the record reader accepts:
//  - writing the bytes back and reading them again gives the same bytes and values;
//  - setting a field to its own value, or copying it from the document onto itself, leaves
//    the bytes alone (up to the line-ending normalisation `copyField` documents);
//  - the canonical form of the values (`RecordDocument(fields:)`) reads back as the same
//    values, and writing the canonical form again gives the same bytes;
//  - setting a field to another field's value, and back, reads back as intended and leaves
//    every other field alone.
// A failed check stops the process with `preconditionFailure`, which libFuzzer reports as a crash.
import CRMSyntax
import FuzzSupport

/// The edits below re-read the whole document each time; a few fields are enough.
let editedFields = 6

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let document = try? RecordDocument(parsing: bytes) else { return 0 }
    let values = document.values

    // Write, read again.
    let reread = expectNoThrow("re-reading the written bytes") { () throws(Diagnostic) in try RecordDocument(parsing: document.bytes) }
    check(reread.bytes == bytes, "the written bytes differ")
    check(reread.values == values, "the values differ after writing and reading again")

    // No-op edits.
    for field in document.fields.prefix(editedFields) {
        var edited = document
        expectNoThrow("setting '\(field.key)' to its own value") { () throws(RecordEditError) in try edited.set(field.key, to: field.value) }
        check(edited.bytes == bytes, "setting '\(field.key)' to its own value changed the bytes")

        var copied = document
        expectNoThrow("copying '\(field.key)' onto itself") { () throws(RecordEditError) in try copied.copyField(field.key, from: document) }
        check(copied.values == values, "copying '\(field.key)' onto itself changed the values")
        if bytes[field.bytes].last == 0x0A || !isBlock(field.style) {  // else copyField writes the value afresh
            var expected = bytes
            expected.replaceSubrange(field.bytes, with: normalized(Array(bytes[field.bytes]), document.lineEnding))
            check(copied.bytes == expected, "copying '\(field.key)' onto itself changed more than its line endings")
        }
    }

    // The canonical form.
    let canonical = expectNoThrow("writing the canonical form") { () throws(RecordEditError) in try RecordDocument(fields: values) }
    check(canonical.values == values, "the canonical form reads back differently")
    let again = expectNoThrow("writing the canonical form twice") { () throws(RecordEditError) in try RecordDocument(fields: canonical.values) }
    check(again.bytes == canonical.bytes, "the canonical form is not stable")
    let crlf = expectNoThrow("writing the canonical form with CRLF") { () throws(RecordEditError) in try RecordDocument(fields: values, lineEnding: .crlf) }
    check(crlf.values == values, "the CRLF canonical form reads back differently")

    // Real edits: each field takes the next field's value, then its own again.
    let fields = Array(document.fields.prefix(editedFields))
    for (index, field) in fields.enumerated() where fields.count > 1 {
        let other = fields[(index + 1) % fields.count].value
        var edited = document
        expectNoThrow("setting '\(field.key)' to another field's value") { () throws(RecordEditError) in try edited.set(field.key, to: other) }
        check(edited[field.key] == other, "'\(field.key)' does not hold its new value")
        for rest in values where rest.key != field.key {
            check(edited[rest.key] == rest.value, "setting '\(field.key)' changed '\(rest.key)'")
        }
        expectNoThrow("setting '\(field.key)' back") { () throws(RecordEditError) in try edited.set(field.key, to: field.value) }
        check(edited.values == values, "setting '\(field.key)' back did not restore the values")
    }
    return 0
}

/// The bytes with every line ending turned into `ending` and a final one added, as `copyField` writes them.
func normalized(_ bytes: [UInt8], _ ending: LineEnding) -> [UInt8] {
    var lines: [UInt8] = []
    for byte in bytes where byte != 0x0D {
        if byte == 0x0A { lines += Array(ending.rawValue.utf8) } else { lines.append(byte) }
    }
    if lines.last != 0x0A { lines += Array(ending.rawValue.utf8) }
    return lines
}

func isBlock(_ style: ValueStyle) -> Bool {
    style == .scalar(.literal) || style == .scalar(.folded)
}

func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fail("round trip: " + message()) }
}

@discardableResult
func expectNoThrow<T, E: Error>(_ what: String, _ body: () throws(E) -> T) -> T {
    do {
        return try body()
    } catch {
        fail("round trip: \(what) failed: \(error)")
    }
}

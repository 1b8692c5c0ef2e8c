// Feeds arbitrary bytes to the vCard reader. It must return cards or throw a `VCardError`
// with a location; it must never crash. Cards it reads must survive VCardWriter: written and
// read again, they are the same cards, up to line breaks in values, which the writer writes
// as `\n` (LF, CRLF and a lone CR alike).
import CRMInterchange

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let lines = lineCount(bytes)
    let cards: [VCard]
    do {
        cards = try VCardReader.read(bytes)
    } catch {
        require(error.line >= 1 && error.line <= lines, "error line \(error.line) outside 1...\(lines): \(error)")
        require(error.column >= 1, "error column \(error.column) < 1: \(error)")
        return 0
    }
    let written = VCardWriter.write(cards)
    let reread: [VCard]
    do {
        reread = try VCardReader.read(written)
    } catch {
        fail("VCardWriter's output does not read back: \(error)\n\(String(decoding: written, as: UTF8.self))")
    }
    require(reread.map(normalized) == cards.map(normalized), "the cards changed after writing and reading again:\n\(cards)\n\(reread)")
    return 0
}

/// The card with CRLF and lone CR in its values and parameter values turned into LF.
func normalized(_ card: VCard) -> VCard {
    func lf(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if scalar == "\r" { result.append("\n") } else if !(scalar == "\n" && previous == "\r") { result.append(scalar) }
            previous = scalar
        }
        return String(result)
    }
    var card = card
    for index in card.properties.indices {
        card.properties[index].components = card.properties[index].components.map { $0.map(lf) }
        card.properties[index].parameters = card.properties[index].parameters.map { VCardParameter($0.name, $0.values.map(lf)) }
    }
    return card
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

// Feeds arbitrary bytes to the vCard reader. It must return cards or throw a `VCardError`
// with a location; it must never crash. Cards it reads must survive VCardWriter: written and
// read again, they are the same cards, up to line breaks in values, which the writer writes
// as `\n` (LF, CRLF and a lone CR alike).
import CRMInterchange
import FuzzSupport

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
    var card = card
    for index in card.properties.indices {
        card.properties[index].components = card.properties[index].components.map { $0.map(lineFeeds) }
        card.properties[index].parameters = card.properties[index].parameters.map { VCardParameter($0.name, $0.values.map(lineFeeds)) }
    }
    return card
}

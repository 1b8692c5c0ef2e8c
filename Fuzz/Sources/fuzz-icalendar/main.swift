// Feeds arbitrary bytes to the iCalendar reader. It must return components or throw a
// `VCardError` with a location; it must never crash, and deep nesting is refused, not
// recursed into. Components it reads must survive `ICalendar.bytes()`: written and read
// again, they are the same components, up to line breaks in values.
import CRMInterchange
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let lines = lineCount(bytes)
    let components: [ICalendar.Component]
    do {
        components = try ICalendarReader.read(bytes)
    } catch {
        require(error.line >= 1 && error.line <= lines, "error line \(error.line) outside 1...\(lines): \(error)")
        require(error.column >= 1, "error column \(error.column) < 1: \(error)")
        return 0
    }
    let written = ICalendar(productID: "-//fuzz//EN", components: components).bytes()
    let reread: [ICalendar.Component]
    do {
        reread = try ICalendarReader.read(written)
    } catch {
        fail("ICalendar's output does not read back: \(error)\n\(String(decoding: written, as: UTF8.self))")
    }
    require(reread.map(normalized) == components.map(normalized),
            "the components changed after writing and reading again:\n\(components)\n\(reread)")
    return 0
}

/// The component with CRLF and lone CR in its values turned into LF.
func normalized(_ component: ICalendar.Component) -> ICalendar.Component {
    var component = component
    for index in component.properties.indices {
        component.properties[index].value = lineFeeds(component.properties[index].value)
        component.properties[index].parameters = component.properties[index].parameters.map { ICalendar.Parameter($0.name, lineFeeds($0.value)) }
    }
    return component
}

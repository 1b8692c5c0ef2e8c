/// Reads the components of iCalendar files (RFC 5545), as calendars and phones write them:
/// each `VTODO`, `VEVENT` or other component directly inside `VCALENDAR`, its properties in
/// order with their values as written (TEXT unescaped). Components nested inside those
/// (`VALARM`) are passed over; nesting deeper than `maximumDepth` is refused. Lines may end
/// with CRLF or LF and be folded.
public enum ICalendarReader {
    /// How deep components may nest (`VCALENDAR` › `VTODO` › `VALARM` is 3).
    public static let maximumDepth = 8

    /// The components of every calendar in `bytes`, in order.
    public static func read(_ bytes: [UInt8]) throws(VCardError) -> [ICalendar.Component] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let (line, column) = ContentLine.firstInvalidUTF8(body) {
            throw VCardError(line: line, column: column, message: "invalid UTF-8 byte sequence", hint: "save the file as UTF-8")
        }
        var components: [ICalendar.Component] = []
        var open: [(name: String, line: Int)] = []
        var current: ICalendar.Component?
        for line in ContentLine.unfold(body) where !line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            var parser = PropertyParser(line: line)
            let header = try parser.header()
            let value = String(decoding: line.bytes[header.valueStart...], as: UTF8.self)
            switch header.name {
            case "BEGIN":
                let name = value.trimmingWhitespace().uppercased()
                guard open.count < maximumDepth else {
                    throw VCardError(line, at: 0, "components nest deeper than \(maximumDepth)", hint: "this is not a calendar file crm reads")
                }
                if open.isEmpty && name != "VCALENDAR" {
                    throw VCardError(line, at: 0, "BEGIN:\(name) outside a calendar", hint: "an iCalendar file starts with BEGIN:VCALENDAR")
                }
                if open.count == 1 { current = ICalendar.Component(name: name, properties: []) }
                open.append((name, line.line))
            case "END":
                let name = value.trimmingWhitespace().uppercased()
                guard let last = open.last, last.name == name else {
                    throw VCardError(line, at: 0, "END:\(name) without BEGIN:\(name)",
                                     hint: open.last.map { "end BEGIN:\($0.name) of line \($0.line) first" } ?? "start with BEGIN:VCALENDAR")
                }
                open.removeLast()
                if open.count == 1, let finished = current {
                    components.append(finished)
                    current = nil
                }
            default:
                guard !open.isEmpty else {
                    throw VCardError(line, at: 0, "property \(header.name) outside a calendar", hint: "properties go inside BEGIN:VCALENDAR")
                }
                guard open.count == 2 else { continue }
                let parameters = header.parameters.map { ICalendar.Parameter($0.name, $0.values.joined(separator: ",")) }
                let isText = !header.parameters.contains { $0.name == "VALUE" } && Self.textProperties.contains(header.name)
                current?.properties.append(ICalendar.Property(name: header.name, parameters: parameters,
                                                              value: isText ? ContentLine.unescape(value) : value, isText: isText))
            }
        }
        if let last = open.last {
            throw VCardError(line: last.line, column: 1, message: "BEGIN:\(last.name) without END:\(last.name)",
                             hint: "end it with a line END:\(last.name)")
        }
        return components
    }

    /// Properties whose values are TEXT, unescaped when read.
    static let textProperties: Set<String> = ["SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "UID", "STATUS", "CATEGORIES",
                                              "CONTACT", "RELATED-TO", "X-CRM-OWNER"]
}

extension ICalendar.Component {
    /// The value of the first property called `name`.
    public func value(_ name: String) -> String? {
        properties.first { $0.name == name }?.value
    }
}

import CRMWorkspace

/// An iCalendar file (RFC 5545) to write, such as tasks and follow-ups for calendar applications.
public struct ICalendar: Sendable {
    /// A `VTODO`, `VEVENT` or other component with its properties in order.
    public struct Component: Sendable, Equatable {
        /// `VTODO`, `VEVENT`.
        public var name: String
        public var properties: [Property]

        public init(name: String, properties: [Property]) {
            self.name = name
            self.properties = properties
        }
    }

    /// A property parameter such as `VALUE=DATE`.
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// One line of a component: `DUE;VALUE=DATE:20261122`.
    public struct Property: Sendable, Equatable {
        /// `SUMMARY`, `DUE`, `X-...`.
        public var name: String
        public var parameters: [Parameter]
        /// The value; already formatted for other kinds than text (`20261122`, `20261122T100000Z`).
        public var value: String
        /// Whether `value` is TEXT, written with `\`, `,`, `;` and line breaks escaped.
        public var isText: Bool

        public init(name: String, parameters: [Parameter] = [], value: String, isText: Bool) {
            self.name = name
            self.parameters = parameters
            self.value = value
            self.isText = isText
        }

        /// A TEXT property such as `SUMMARY` or `DESCRIPTION`.
        public static func text(_ name: String, _ value: String) -> Property {
            Property(name: name, value: value, isText: true)
        }

        /// A whole day: `name;VALUE=DATE:YYYYMMDD`.
        public static func date(_ name: String, year: Int, month: Int, day: Int) -> Property {
            Property(name: name, parameters: [Parameter("VALUE", "DATE")], value: dateText(year, month, day), isText: false)
        }

        /// A floating local time, the same wall-clock time in every time zone: `YYYYMMDDTHHMMSS`.
        public static func dateTime(_ name: String, year: Int, month: Int, day: Int, hour: Int, minute: Int) -> Property {
            Property(name: name, value: dateText(year, month, day) + "T" + digits(hour, 2) + digits(minute, 2) + "00", isText: false)
        }

        /// An instant in UTC, as `DTSTAMP` needs it: `YYYYMMDDTHHMMSSZ`.
        public static func dateTimeUTC(_ name: String, secondsSince1970: Int64) -> Property {
            let (days, seconds) = secondsSince1970.quotientAndRemainder(dividingBy: 86_400)
            let dayNumber = Int(seconds < 0 ? days - 1 : days)
            let second = Int(seconds < 0 ? seconds + 86_400 : seconds)
            let date = CivilDate(dayNumber: dayNumber)
            let time = digits(second / 3600, 2) + digits(second / 60 % 60, 2) + digits(second % 60, 2)
            return Property(name: name, value: dateText(date.year, date.month, date.day) + "T" + time + "Z", isText: false)
        }

        /// `NAME;PARAMETER=value:value`, unfolded.
        var line: String {
            var line = name
            for parameter in parameters {
                line += ContentLine.parameter(parameter.name, [parameter.value])
            }
            return line + ":" + (isText ? ContentLine.escape(value) : value)
        }

        private static func dateText(_ year: Int, _ month: Int, _ day: Int) -> String {
            digits(year, 4) + digits(month, 2) + digits(day, 2)
        }

        private static func digits(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
    }

    /// `PRODID`, who made the file: `-//crm//crm export//EN`.
    public var productID: String
    /// The calendar's name for applications that show one (`X-WR-CALNAME`), when set.
    public var name: String?
    public var components: [Component]

    public init(productID: String, name: String? = nil, components: [Component]) {
        self.productID = productID
        self.name = name
        self.components = components
    }

    /// The file: `BEGIN:VCALENDAR`, `VERSION:2.0`, `PRODID`, `CALSCALE:GREGORIAN`,
    /// `X-WR-CALNAME` when named, the components, `END:VCALENDAR`; lines end with CRLF and are
    /// folded at 75 octets.
    public func bytes() -> [UInt8] {
        var output: [UInt8] = []
        ContentLine.fold("BEGIN:VCALENDAR", into: &output)
        ContentLine.fold("VERSION:2.0", into: &output)
        ContentLine.fold(Property.text("PRODID", productID).line, into: &output)
        ContentLine.fold("CALSCALE:GREGORIAN", into: &output)
        if let name {
            ContentLine.fold(Property.text("X-WR-CALNAME", name).line, into: &output)
        }
        for component in components {
            ContentLine.fold("BEGIN:" + component.name, into: &output)
            for property in component.properties {
                ContentLine.fold(property.line, into: &output)
            }
            ContentLine.fold("END:" + component.name, into: &output)
        }
        ContentLine.fold("END:VCALENDAR", into: &output)
        return output
    }
}

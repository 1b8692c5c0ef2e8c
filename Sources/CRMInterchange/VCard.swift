/// A property parameter: `TYPE=work,voice` has the name `TYPE` and the values `work` and `voice`.
public struct VCardParameter: Sendable, Equatable {
    /// The name, uppercased.
    public var name: String
    public var values: [String]

    public init(_ name: String, _ values: [String]) {
        self.name = name.uppercased()
        self.values = values
    }
}

/// One line of a vCard: `item1.TEL;TYPE=work:+420 601 123 456`.
public struct VCardProperty: Sendable, Equatable {
    /// The group before the name (`item1` in `item1.EMAIL`), which ties properties together.
    public var group: String?
    /// The name, uppercased: `FN`, `N`, `TEL`, `X-ABLABEL`.
    public var name: String
    public var parameters: [VCardParameter]
    /// The value, unescaped, split into components at `;` and the components into values at `,`
    /// as the property's kind has it: `N` and `ADR` have components of values, `ORG` and
    /// `GENDER` components of one value each, `CATEGORIES` and `NICKNAME` one component of
    /// values; other text (`FN`, `NOTE`, `TEL`, `EMAIL`, unknown properties) is one value.
    /// URIs, dates and binary data (`PHOTO`, `URL`, `GEO`, `BDAY`, any `VALUE=` but `text`,
    /// `ENCODING=b`) are one value kept exactly as written.
    public var components: [[String]]

    public init(_ name: String, parameters: [VCardParameter] = [], components: [[String]], group: String? = nil) {
        self.group = group
        self.name = name.uppercased()
        self.parameters = parameters
        self.components = components
    }

    /// A property with a single text value.
    public init(_ name: String, _ text: String, parameters: [VCardParameter] = []) {
        self.init(name, parameters: parameters, components: [[text]])
    }

    /// The value for display: every value that is not blank, in order, joined by ", ";
    /// `ADR:;;Dlouhá 5;Brno;;602 00;CZ` gives "Dlouhá 5, Brno, 602 00, CZ", `N:Doe;John;;;`
    /// gives "Doe, John".
    public var text: String {
        components.joined()
            .filter { !$0.allSatisfy(\.isWhitespace) }
            .joined(separator: ", ")
    }

    /// The values of every parameter called `name`, in any case: `TYPE=work,voice` and
    /// `type=work;type=voice` both give `["work", "voice"]`.
    public func parameter(_ name: String) -> [String] {
        let wanted = name.uppercased()
        return parameters.filter { $0.name == wanted }.flatMap(\.values)
    }
}

extension VCardProperty {
    /// How the value is cut into components and values, and whether it is TEXT with escapes.
    enum Shape {
        case text, list, structured, structuredLists, raw
    }

    var shape: Shape {
        let declared = parameter("VALUE").first?.lowercased()
        let encoding = parameter("ENCODING").first?.lowercased()
        if declared.map({ $0 != "text" }) ?? false || encoding == "b" || encoding == "base64" { return .raw }
        switch name {
        case "N", "ADR": return .structuredLists
        case "ORG", "GENDER", "CLIENTPIDMAP": return .structured
        case "CATEGORIES", "NICKNAME": return .list
        case "PHOTO", "LOGO", "SOUND", "KEY", "URL", "GEO", "IMPP", "MEMBER", "SOURCE", "FBURL",
             "CALADRURI", "CALURI", "BDAY", "ANNIVERSARY", "REV":
            return declared == nil ? .raw : .text
        default: return .text
        }
    }

    /// A property from its value as written, split and unescaped as its shape has it.
    init(_ name: String, parameters: [VCardParameter], value: String, group: String?) {
        self.init(name, parameters: parameters, components: [], group: group)
        switch shape {
        case .raw: components = [[value]]
        case .text: components = [[ContentLine.unescape(value)]]
        case .list: components = [ContentLine.split(value, at: ",").map(ContentLine.unescape)]
        case .structured: components = ContentLine.split(value, at: ";").map { [ContentLine.unescape($0)] }
        case .structuredLists:
            components = ContentLine.split(value, at: ";").map { ContentLine.split($0, at: ",").map(ContentLine.unescape) }
        }
    }

    /// The value as written: components joined by `;`, values by `,`, TEXT escaped.
    var value: String {
        let isRaw = shape == .raw
        return components
            .map { values in values.map { isRaw ? $0 : ContentLine.escape($0) }.joined(separator: ",") }
            .joined(separator: ";")
    }
}

/// A contact card: its version and properties in order.
public struct VCard: Sendable, Equatable {
    /// `4.0`, `3.0` or `2.1`, as the card's `VERSION` line has it.
    public var version: String
    /// The properties but `BEGIN`, `END` and `VERSION`.
    public var properties: [VCardProperty]
    /// The 1-based line of `BEGIN:VCARD` in the file read, 0 for a card made in code;
    /// not compared by `==`.
    public var line: Int

    public init(version: String = "4.0", properties: [VCardProperty], line: Int = 0) {
        self.version = version
        self.properties = properties
        self.line = line
    }

    /// The properties called `name`, in any case.
    public subscript(name: String) -> [VCardProperty] {
        let wanted = name.uppercased()
        return properties.filter { $0.name == wanted }
    }

    /// The first property called `name`, in any case.
    public func first(_ name: String) -> VCardProperty? {
        let wanted = name.uppercased()
        return properties.first { $0.name == wanted }
    }

    public static func == (lhs: VCard, rhs: VCard) -> Bool {
        lhs.version == rhs.version && lhs.properties == rhs.properties
    }
}

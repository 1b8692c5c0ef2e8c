/// Writes vCard files that `VCardReader` and address books read back.
///
/// Each card is `BEGIN:VCARD`, `VERSION` from the card, its properties in order and
/// `END:VCARD`. Lines end with CRLF and are folded at 75 octets. TEXT values have `\`, `,`, `;`
/// and line breaks escaped; URIs, dates and binary data are written as they are (see
/// `VCardProperty.components`). Parameter values are quoted when they hold `:`, `;` or `,`.
public enum VCardWriter {
    /// The cards as one file.
    public static func write(_ cards: [VCard]) -> [UInt8] {
        var output: [UInt8] = []
        for card in cards {
            ContentLine.fold("BEGIN:VCARD", into: &output)
            ContentLine.fold("VERSION:" + card.version, into: &output)
            for property in card.properties {
                ContentLine.fold(line(property), into: &output)
            }
            ContentLine.fold("END:VCARD", into: &output)
        }
        return output
    }

    /// `group.NAME;PARAMETER=value:value`, unfolded.
    static func line(_ property: VCardProperty) -> String {
        var line = property.group.map { $0 + "." } ?? ""
        line += property.name
        for parameter in property.parameters {
            line += ContentLine.parameter(parameter.name, parameter.values)
        }
        return line + ":" + property.value
    }
}

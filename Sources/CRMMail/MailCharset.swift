import CRMInterchange

/// The character sets Czech and Slovak mail arrives in: UTF-8, Windows-1250, ISO-8859-2,
/// ISO-8859-1 and US-ASCII, by their IANA names and common aliases.
public enum MailCharset: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case usASCII = "us-ascii"
    case latin1 = "iso-8859-1"
    case latin2 = "iso-8859-2"
    case windows1250 = "windows-1250"

    /// The charset a MIME `charset` parameter names, or `nil` when it is not one of ours.
    public init?(named name: String) {
        let folded = String(name.lowercased().filter { !$0.isWhitespace && $0 != "\"" })
        switch folded {
        case "utf-8", "utf8": self = .utf8
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us": self = .usASCII
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "cp819": self = .latin1
        case "iso-8859-2", "iso8859-2", "latin2", "latin-2", "l2", "iso_8859-2": self = .latin2
        case "windows-1250", "cp1250", "win-1250", "x-cp1250": self = .windows1250
        default: return nil
        }
    }

    /// The text `bytes` stand for; a byte the charset does not define (or broken UTF-8) becomes U+FFFD,
    /// as mail readers show it.
    public func decode(_ bytes: some Collection<UInt8>) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .usASCII:
            return String(String.UnicodeScalarView(bytes.map { $0 < 0x80 ? Unicode.Scalar($0) : "\u{FFFD}" }))
        case .latin1:
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .latin2:
            return String(String.UnicodeScalarView(bytes.map { byte in
                byte < 0xA0 ? Unicode.Scalar(byte) : Unicode.Scalar(Self.latin2High[Int(byte) - 0xA0]) ?? "\u{FFFD}"
            }))
        case .windows1250:
            return Windows1250.decode(Array(bytes))
        }
    }

    /// Bytes of a charset this reader does not know: UTF-8 when they are valid UTF-8, else Windows-1250,
    /// the commonest 8-bit charset of Czech mail.
    public static func guess(_ bytes: some Collection<UInt8>) -> String {
        if let text = String(validating: Array(bytes), as: UTF8.self) { return text }
        return Windows1250.decode(Array(bytes))
    }

    /// Unicode code points of ISO-8859-2's bytes 0xA0–0xFF.
    private static let latin2High: [UInt32] = [
        0x00A0, 0x0104, 0x02D8, 0x0141, 0x00A4, 0x013D, 0x015A, 0x00A7, 0x00A8, 0x0160, 0x015E, 0x0164,
        0x0179, 0x00AD, 0x017D, 0x017B, 0x00B0, 0x0105, 0x02DB, 0x0142, 0x00B4, 0x013E, 0x015B, 0x02C7,
        0x00B8, 0x0161, 0x015F, 0x0165, 0x017A, 0x02DD, 0x017E, 0x017C, 0x0154, 0x00C1, 0x00C2, 0x0102,
        0x00C4, 0x0139, 0x0106, 0x00C7, 0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E,
        0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7, 0x0158, 0x016E, 0x00DA, 0x0170,
        0x00DC, 0x00DD, 0x0162, 0x00DF, 0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7,
        0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F, 0x0111, 0x0144, 0x0148, 0x00F3,
        0x00F4, 0x0151, 0x00F6, 0x00F7, 0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,
    ]
}

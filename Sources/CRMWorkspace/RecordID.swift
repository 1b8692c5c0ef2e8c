/// Record ids: a record's file name without `.yaml`, unique across the workspace.
public enum RecordID {
    public static let maximumLength = 100

    /// What an id may be, for messages.
    public static let rule = "an id holds only lowercase ASCII letters a-z, digits 0-9 and single hyphens, at most 100 characters"

    /// Names Windows reserves for devices, with any extension: a file `con.yaml` cannot be
    /// checked out there, so a clone of the workspace would break.
    public static let reservedNames: Set<String> = Set(["con", "prn", "aux", "nul"]
        + (0...9).flatMap { ["com\($0)", "lpt\($0)"] })

    /// True for lowercase ASCII letters and digits in groups joined by single hyphens, at most
    /// 100 characters, and not a name Windows reserves.
    public static func isValid(_ id: String) -> Bool {
        problem(with: id) == nil
    }

    /// Why `id` is not a valid id, naming the first character that is not allowed, or `nil` when it is valid.
    public static func problem(with id: String) -> String? {
        let bytes = Array(id.utf8)
        if bytes.isEmpty { return "an id cannot be empty" }
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0x61...0x7A, 0x30...0x39: continue
            case 0x2D:
                if index == 0 || index == bytes.count - 1 { return "an id cannot start or end with '-'" }
                if bytes[index - 1] == 0x2D { return "an id cannot contain '--'" }
            case 0x41...0x5A:
                return "an id is lowercase: '\(Character(Unicode.Scalar(byte)))' is uppercase"
            case 0x2E where index == 0:
                return "an id cannot start with '.'; \(rule)"
            case 0x2F:
                return "an id cannot contain '/'; \(rule)"
            case 0x20...0x7E:
                return "'\(Character(Unicode.Scalar(byte)))' is not allowed; \(rule)"
            case 0x00..<0x80:
                return "control character U+\(hex(UInt32(byte))) is not allowed; \(rule)"
            default:
                let scalar = String(decoding: bytes[index...], as: UTF8.self).unicodeScalars.first!
                if let ascii = lookAlike(scalar) {
                    return "'\(scalar)' (U+\(hex(scalar.value))) looks like '\(ascii)' but is not ASCII; \(rule)"
                }
                return "'\(scalar)' (U+\(hex(scalar.value))) is not ASCII; \(rule)"
            }
        }
        if bytes.count > maximumLength { return "an id is at most \(maximumLength) characters; this one has \(bytes.count)" }
        if reservedNames.contains(id) {
            return "'\(id)' is a device name Windows reserves (con, prn, aux, nul, com0-com9, lpt0-lpt9); "
                + "a file \(id).yaml cannot be checked out there"
        }
        return nil
    }

    /// A valid id close to `text` for a person who typed an invalid one: look-alike and
    /// full-width letters replaced by the ASCII letters they look like, then as `slug`; `nil`
    /// when nothing is left.
    public static func suggestion(for text: String) -> String? {
        var plain = ""
        for scalar in text.unicodeScalars {
            if let ascii = lookAlike(scalar) {
                plain.unicodeScalars.append(ascii)
            } else {
                plain.unicodeScalars.append(scalar)
            }
        }
        guard let slug = slug(plain, maximumLength: maximumLength) else { return nil }
        return reservedNames.contains(slug) ? slug + "-2" : slug
    }

    /// The ASCII letter or digit `scalar` is mistaken for: a full-width form, or a Cyrillic or
    /// Greek letter drawn like a Latin one.
    static func lookAlike(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if (0xFF01...0xFF5E).contains(scalar.value) { return Unicode.Scalar(scalar.value - 0xFEE0) }
        return lookAlikes[scalar]
    }

    /// Cyrillic and Greek letters drawn like Latin ones.
    private static let lookAlikes = [Unicode.Scalar: Unicode.Scalar](uniqueKeysWithValues: zip(
        "аеорсухіјѕһԁԛԝк" + "АВЕКМНОРСТУХІЈЅ" + "αονικρυχ" + "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
        "aeopcyxijshdqwk" + "ABEKMHOPCTYXIJS" + "aovikpux" + "ABEZHIKMNOPTYX").map { ($0.unicodeScalars.first!, $1.unicodeScalars.first!) })

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// An id made from free text: diacritics transliterated, lowercase, words joined by hyphens
    /// (`Škoda Transport` → `skoda-transport`); `nil` when nothing is left.
    public static func slug(_ text: String, maximumLength: Int = 60) -> String? {
        var result = ""
        var pendingHyphen = false
        for scalar in TextFold.fold(text).unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !result.isEmpty { result += "-" }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        while result.count > maximumLength, let cut = result.lastIndex(of: "-") {
            result = String(result[..<cut])
        }
        if result.count > maximumLength { result = String(result.prefix(maximumLength)) }
        return result.isEmpty ? nil : result
    }
}

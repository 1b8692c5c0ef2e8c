/// Record ids: a record's file name without `.yaml`, unique across the workspace.
public enum RecordID {
    public static let maximumLength = 100

    /// True for lowercase ASCII letters and digits in groups joined by single hyphens, at most 100 characters.
    public static func isValid(_ id: String) -> Bool {
        problem(with: id) == nil
    }

    /// Why `id` is not a valid id, or `nil` when it is.
    public static func problem(with id: String) -> String? {
        let bytes = Array(id.utf8)
        if bytes.isEmpty { return "an id cannot be empty" }
        if bytes.count > maximumLength { return "an id is at most \(maximumLength) characters" }
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0x61...0x7A, 0x30...0x39: continue
            case 0x2D:
                if index == 0 || index == bytes.count - 1 { return "an id cannot start or end with '-'" }
                if bytes[index - 1] == 0x2D { return "an id cannot contain '--'" }
            case 0x41...0x5A: return "an id is lowercase"
            default: return "an id holds only lowercase letters a-z, digits and single hyphens"
            }
        }
        return nil
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

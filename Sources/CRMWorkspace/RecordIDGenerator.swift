import CRMSyntax

/// Ids for new records: a customer's or contact's from its name (`Škoda Transport a.s.` →
/// `skoda-transport`, a clash gets `-2`), calls and complaints as `DATE-CUSTOMER-XXXX`
/// with a random part, so two people creating records offline never collide.
public struct RecordIDGenerator<Random: RandomNumberGenerator> {
    public var random: Random

    /// Legal forms left out of ids made from names.
    public static var legalForms: [String] {
        ["spol. s r.o.", "s.r.o.", "a.s.", "v.o.s.", "k.s.", "z.s.", "o.p.s.", "s.p.", "gmbh", "ltd.", "ltd", "inc.", "inc",
         "llc", "ag", "se", "sro", "as"]
    }

    public init(random: Random) {
        self.random = random
    }

    /// A new id for a record of `type` holding `fields`, not among `existing` (a set or a
    /// dictionary's keys, so each check is a lookup); `nil` when the fields give nothing to make it from.
    public mutating func id(for type: RecordType, fields: [Field], existing: some Collection<String>) -> String? {
        switch type.idStyle {
        case .title:
            guard let title = fields[type.title]?.string, let base = Self.slug(name: title) else { return nil }
            var candidate = base
            var number = 2
            while existing.contains(candidate) || !RecordID.isValid(candidate) {
                candidate = "\(base)-\(number)"
                number += 1
            }
            return candidate
        case .dated:
            guard let dateField = type.dateField, let text = fields[dateField.key]?.string, text.count >= 10 else { return nil }
            var prefix = String(text.prefix(10))
            if let reference = type.fields.first(where: { $0.required && $0.kind.referencedType != nil }),
               let target = fields[reference.key]?.string, !target.isEmpty {
                prefix += "-" + String(target.prefix(RecordID.maximumLength - 16))
            }
            while true {
                let candidate = prefix + "-" + suffix()
                if !existing.contains(candidate) { return candidate }
            }
        }
    }

    /// The folder, relative to the workspace, that a new record of `type` goes in.
    public static func folder(for type: RecordType, fields: [Field]) -> String {
        guard type.subfolders != .none, let field = type.dateField, let text = fields[field.key]?.string,
              let date = CivilDate(String(text.prefix(10))) else { return type.folder }
        let year = String(date.description.prefix(4))
        return type.subfolders == .year ? "\(type.folder)/\(year)" : "\(type.folder)/\(year)/\(date.description.dropFirst(5).prefix(2))"
    }

    /// The slug of a name without its legal form.
    public static func slug(name: String) -> String? {
        var text = TextFold.fold(name).trimmingWhitespace()
        var trimmed = true
        while trimmed {
            trimmed = false
            for form in legalForms where text.hasSuffix(" " + form) || text.hasSuffix("," + form) {
                text = String(text.dropLast(form.count + 1)).trimmingWhitespace()
                if text.hasSuffix(",") { text.removeLast() }
                trimmed = true
            }
        }
        return RecordID.slug(text) ?? RecordID.slug(name)
    }

    private mutating func suffix() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<4).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
    }
}

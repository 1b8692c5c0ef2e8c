import CRMWorkspace
import Foundation

/// Finds where text names a person, by their name, e-mail addresses and phone numbers, and
/// replaces each mention with `[erased]`. Names and addresses match ignoring case, as whole
/// words; a phone number matches however its digits are grouped (`+420 601 123 456`,
/// `601123456`, `601-123-456`). Inflected forms of a name (Czech `Nováková` → `Novákové`) are
/// not recognised.
public struct PersonMention: Sendable {
    /// What a mention is replaced with.
    public static let replacement = "[erased]"
    public let names: [String]
    public let emails: [String]
    /// The significant digits of each phone number (the last nine).
    public let phones: [String]

    public init(names: [String], emails: [String], phones: [String]) {
        self.names = names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 3 }
        self.emails = emails.map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.contains("@") }
        self.phones = phones.map { phone in String(phone.filter(\.isASCIIDigit).suffix(9)) }.filter { $0.count >= 6 }
    }

    /// True when nothing identifies the person.
    public var isEmpty: Bool { names.isEmpty && emails.isEmpty && phones.isEmpty }

    /// True when `text` names the person.
    public func isMentioned(in text: String) -> Bool {
        !ranges(in: text).isEmpty
    }

    /// `text` with every mention replaced, or `nil` when it names the person nowhere.
    public func scrubbed(_ text: String) -> String? {
        let found = ranges(in: text)
        guard !found.isEmpty else { return nil }
        var result = text
        for range in found.reversed() { result.replaceSubrange(range, with: Self.replacement) }
        return result
    }

    /// The mentions in `text`, in order, without overlaps.
    private func ranges(in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        for word in names + emails {
            var start = text.startIndex
            while let range = text.range(of: word, options: [.caseInsensitive], range: start..<text.endIndex) {
                if Self.isWordBoundary(text, before: range.lowerBound), Self.isWordBoundary(text, after: range.upperBound) {
                    found.append(range)
                }
                start = range.upperBound
            }
        }
        if !phones.isEmpty { found += phoneRanges(in: text) }
        var kept: [Range<String.Index>] = []
        for range in found.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = kept.last, range.lowerBound < last.upperBound {
                if range.upperBound > last.upperBound { kept[kept.count - 1] = last.lowerBound..<range.upperBound }
            } else {
                kept.append(range)
            }
        }
        return kept
    }

    /// Runs of digits with single spaces, hyphens, dots or slashes between them (and a leading
    /// `+`) whose digits end with one of the phone numbers' digits.
    private func phoneRanges(in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isASCIIDigit || (text[index] == "+" && text.index(after: index) < text.endIndex
                                                 && text[text.index(after: index)].isASCIIDigit) else {
                index = text.index(after: index)
                continue
            }
            guard Self.isWordBoundary(text, before: index) else {
                while index < text.endIndex, text[index].isASCIIDigit { index = text.index(after: index) }
                continue
            }
            let start = index
            var end = text.index(after: index)
            var digits = text[start].isASCIIDigit ? String(text[start]) : ""
            var cursor = end
            while cursor < text.endIndex {
                if text[cursor].isASCIIDigit {
                    digits.append(text[cursor])
                    cursor = text.index(after: cursor)
                    end = cursor
                } else if " -./".contains(text[cursor]), text.index(after: cursor) < text.endIndex,
                          text[text.index(after: cursor)].isASCIIDigit {
                    cursor = text.index(after: cursor)
                } else {
                    break
                }
            }
            if Self.isWordBoundary(text, after: end), phones.contains(where: { digits.hasSuffix($0) && digits.count <= $0.count + 5 }) {
                found.append(start..<end)
            }
            index = end
        }
        return found
    }

    private static func isWordBoundary(_ text: String, before index: String.Index) -> Bool {
        index == text.startIndex || !isWordCharacter(text[text.index(before: index)])
    }

    private static func isWordBoundary(_ text: String, after index: String.Index) -> Bool {
        index == text.endIndex || !isWordCharacter(text[index])
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

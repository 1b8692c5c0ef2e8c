#if canImport(Glibc)
import Glibc
#endif

/// The text of every record folded once (no case, no diacritics), so that `plzen` finds
/// `Plzeň`. A query word matches where a word of the record begins with it; a record matches
/// when every query word does.
public struct FullTextIndex: Sendable {
    /// A record that matched, with its score and the field where the first query word matched.
    public struct Hit: Sendable {
        public let record: Int
        public let score: Int
        public let field: String
    }

    private struct FoldedField: Sendable {
        var key: String
        var isTitle: Bool
        var text: [UInt8]
    }

    private let records: [[FoldedField]]

    /// Folds the text of `records`; `titleField` names each record's title field, whose matches count more.
    public init(records: [Record], titleField: (Record) -> String) {
        self.records = records.map { record in
            let title = titleField(record)
            return record.fields.compactMap { field in
                let strings = field.value.strings.filter { !$0.isEmpty }
                guard !strings.isEmpty else { return nil }
                return FoldedField(key: field.key, isTitle: field.key == title,
                                   text: TextFold.foldedBytes(strings.joined(separator: "\n")))
            }
        }
    }

    /// Records holding every query word at the start of one of their words, best first: more
    /// occurrences, whole-word matches and matches in the title count more.
    public func search(_ query: String) -> [Hit] {
        let terms = Self.words(in: query).map { Array($0.utf8) }
        guard !terms.isEmpty else { return [] }
        var hits: [Hit] = []
        for (index, fields) in records.enumerated() {
            var score = 0
            var firstField: String?
            var matchedAll = true
            for (position, term) in terms.enumerated() {
                var termScore = 0
                for field in fields {
                    let (count, whole) = Self.occurrences(of: term, in: field.text)
                    if count == 0 { continue }
                    termScore += count + whole + (field.isTitle ? 5 : 0)
                    if position == 0 && firstField == nil { firstField = field.key }
                }
                if termScore == 0 {
                    matchedAll = false
                    break
                }
                score += termScore
            }
            if matchedAll, let firstField { hits.append(Hit(record: index, score: score, field: firstField)) }
        }
        return hits.sorted { ($0.score, -$0.record) > ($1.score, -$1.record) }
    }

    /// How often `term` starts a word of `text`, and how often it is the whole word.
    private static func occurrences(of term: [UInt8], in text: [UInt8]) -> (count: Int, whole: Int) {
        guard text.count >= term.count else { return (0, 0) }
        var count = 0
        var whole = 0
        text.withUnsafeBufferPointer { haystack in
            term.withUnsafeBufferPointer { needle in
                var offset = 0
                while offset + needle.count <= haystack.count,
                      let found = memchr(haystack.baseAddress! + offset, Int32(needle[0]), haystack.count - needle.count + 1 - offset) {
                    let start = haystack.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    offset = start + 1
                    guard memcmp(haystack.baseAddress! + start, needle.baseAddress!, needle.count) == 0 else { continue }
                    let end = start + needle.count
                    if start == 0 || !TextFold.isWordByte(haystack[start - 1]) {
                        count += 1
                        if end == haystack.count || !TextFold.isWordByte(haystack[end]) { whole += 1 }
                    }
                }
            }
        }
        return (count, whole)
    }

    /// The folded words of `text`: runs of letters and digits.
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in TextFold.fold(text).unicodeScalars {
            if character.properties.isAlphabetic || ("0"..."9").contains(character) {
                current.unicodeScalars.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

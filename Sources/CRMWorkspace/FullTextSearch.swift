#if canImport(Glibc)
import Glibc
#endif

/// Finds records by the words they hold, without regard to case or diacritics, so that
/// `plzen` finds `Plzeň`: a query word matches where a word of the record begins with it, and a
/// record matches when every query word does. Each record's text is folded while it is searched
/// and nothing is kept, on every core.
public enum FullTextSearch {
    /// A record that matched, with its score and the field where the first query word matched.
    public struct Hit: Sendable {
        public let record: Int
        public let score: Int
        public let field: String
    }

    /// The positions in `records` holding every query word at the start of one of their words,
    /// best first: more occurrences, whole-word matches and matches in the title (`titles`
    /// names each type's title field) count more.
    public static func search(_ query: String, in records: [Record], titles: [String: String]) -> [Hit] {
        let queryWords = words(in: query)
        let terms = queryWords.map { Array($0.utf8) }
        guard !terms.isEmpty else { return [] }
        let phones = queryWords.map(PhoneNumber.searchDigits)
        let hits = ParallelMap.map(records.count, workers: ProcessInfoCores.count, chunk: 256, state: { () }) { index, _ in
            hit(records[index], at: index, terms: terms, phones: phones, title: titles[records[index].type] ?? "")
        }
        return hits.compactMap { $0 }.sorted { ($0.score, -$0.record) > ($1.score, -$1.record) }
    }

    /// `phones` holds, for each term that looks like a phone number, its digits: such a term also
    /// matches a number written with spaces (`777000111` finds `+420 777 000 111`).
    private static func hit(_ record: Record, at index: Int, terms: [[UInt8]], phones: [String?], title: String) -> Hit? {
        let fields = record.fields.compactMap { field -> (key: String, isTitle: Bool, text: [UInt8], strings: [String])? in
            let strings = field.value.strings.filter { !$0.isEmpty }
            guard !strings.isEmpty else { return nil }
            return (field.key, field.key == title, TextFold.foldedBytes(strings.joined(separator: "\n")), strings)
        }
        var score = 0
        var firstField: String?
        for (position, term) in terms.enumerated() {
            var termScore = 0
            for field in fields {
                var (count, whole) = occurrences(of: term, in: field.text)
                if count == 0, let digits = phones[position], field.strings.contains(where: { PhoneNumber.value($0, holds: digits) }) {
                    (count, whole) = (1, 1)
                }
                if count == 0 { continue }
                termScore += count + whole + (field.isTitle ? 5 : 0)
                if position == 0 && firstField == nil { firstField = field.key }
            }
            guard termScore > 0 else { return nil }
            score += termScore
        }
        return firstField.map { Hit(record: index, score: score, field: $0) }
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

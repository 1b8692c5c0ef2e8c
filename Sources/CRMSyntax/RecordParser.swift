#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of the file being parsed, as byte offsets.
struct Line {
    /// 1-based line number.
    var number: Int
    var start: Int
    /// Where the content ends: the line feed, the carriage return before it, or the end of the file.
    var contentEnd: Int
    /// Where the next line starts.
    var end: Int
    /// The number of leading spaces.
    var indent: Int

    var firstIndex: Int { start + indent }
    /// True when the line holds nothing but spaces.
    var isBlank: Bool { firstIndex == contentEnd }
}

/// The hand-written reader for record files: a single pass over lines of UTF-8 bytes
/// that builds the lossless syntax tree. Lives only inside `withUnsafeBufferPointer`.
struct RecordParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    var fields: [FieldSyntax] = []
    /// Short strings already made, shared across the records one reader reads.
    var cache: StringCache?
    /// A buffer reused for values that are not a plain slice of the file (escapes, blocks).
    var scratch: [UInt8]
    /// Where the last field ended, to tell an indented line after it from a stray one.
    private var lastFieldEnd = -1
    /// Keys seen so far, kept once records grow large enough that a linear scan would cost.
    private var keySet: Set<String> = []
    /// A 128-bit Bloom filter of the keys so far: a key whose bit is clear cannot be a duplicate.
    private var keyBits: (UInt64, UInt64) = (0, 0)

    init(bytes: UnsafeBufferPointer<UInt8>, path: String) {
        self.bytes = bytes
        self.path = path
        self.scratch = []
    }

    mutating func parse() throws(Diagnostic) {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            start = 3
        }
        var lineFeeds = 0
        if let problem = checkEncoding(bytes, from: start, lineFeeds: &lineFeeds) {
            throw encodingFailure(problem)
        }
        fields.reserveCapacity(min(lineFeeds + 1, 64))
        var number = 1
        if start < bytes.count {
            let first = line(at: start, number: 1)
            if first.indent == 0 && isMarker(first, 0x2D) {
                try expectEndOfLine(after: first.start + 3, in: first, what: "'---'")
                start = first.end
                number = 2
            }
        }
        while start < bytes.count {
            let current = line(at: start, number: number)
            let next = try parseTopLevelLine(current)
            start = next.start
            number = next.number
        }
    }

    /// Handles the line at the top level and returns where the next line to look at starts.
    private mutating func parseTopLevelLine(_ current: Line) throws(Diagnostic) -> (start: Int, number: Int) {
        if current.indent == 0 && current.start < current.contentEnd && KeySyntax.isLetter(bytes[current.start]) {
            return try addField(current)
        }
        try rejectLeadingTab(current)
        // A blank last line without a line feed has its first index at the end of the file.
        if current.isBlank { return (current.end, current.number + 1) }
        let first = bytes[current.firstIndex]
        if first == 0x23 {
            return (current.end, current.number + 1)
        }
        if current.indent > 0 {
            var hint = "top-level fields start at the beginning of the line"
            if current.start == lastFieldEnd, let field = fields.last, field.items.isEmpty,
               case .scalar(let style) = field.style, style != .literal, style != .folded {
                hint = "the field above has its value on its own line; for multi-line text write `key: |` and indent the lines below it"
            }
            throw failure("bad-indentation", "unexpected indentation", at: current.firstIndex, in: current, hint: hint)
        }
        if isMarker(current, 0x2D) {
            throw failure("unsupported", "a second document ('---'); a record file holds one document",
                          at: current.start, in: current, hint: "split the records into separate files")
        }
        if isMarker(current, 0x2E) {
            throw failure("unsupported", "document end markers ('...') are not supported in records",
                          at: current.start, in: current, hint: "remove the line")
        }
        if first == 0x2D && isSeparator(at: current.start + 1, in: current) {
            throw failure("invalid-list", "list item without a key", at: current.start, in: current,
                          hint: "put the items under a key, for example `tags:` on the line above")
        }
        if first == 0x25 {
            throw failure("unsupported", "directives (%) are not supported in records", at: current.start, in: current,
                          hint: "remove the line")
        }
        if first == 0x3F && isSeparator(at: current.start + 1, in: current) {
            throw failure("unsupported", "complex keys (?) are not supported in records", at: current.start, in: current,
                          hint: "write the field as `key: value`")
        }
        return try addField(current)
    }

    private mutating func addField(_ keyLine: Line) throws(Diagnostic) -> (start: Int, number: Int) {
        let (field, next) = try parseField(keyLine)
        try register(field, at: keyLine)
        lastFieldEnd = field.bytes.upperBound
        fields.append(field)
        return next
    }

    private mutating func register(_ field: FieldSyntax, at keyLine: Line) throws(Diagnostic) {
        let duplicate: Bool
        if fields.count < 16 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var index = field.bytes.lowerBound
            while bytes[index] != 0x3A {
                hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3
                index += 1
            }
            let bit: UInt64 = 1 << (hash >> 58)
            let seen = hash & (1 << 32) == 0 ? keyBits.0 & bit : keyBits.1 & bit
            duplicate = seen != 0 && fields.contains { $0.key == field.key }
            if hash & (1 << 32) == 0 { keyBits.0 |= bit } else { keyBits.1 |= bit }
            if fields.count == 15 && !duplicate { keySet = Set(fields.map(\.key) + [field.key]) }
        } else {
            duplicate = !keySet.insert(field.key).inserted
        }
        if duplicate, let first = fields.first(where: { $0.key == field.key }) {
            throw failure("duplicate-key", "duplicate key '\(field.key)' (first defined on line \(first.keyLocation.line))",
                          at: keyLine.start, in: keyLine, hint: "keep one of the two lines")
        }
    }

    // MARK: Lines

    func line(at start: Int, number: Int) -> Line {
        var index = start
        let count = bytes.count
        while index < count && bytes[index] == 0x20 { index += 1 }
        let indentEnd = index
        if index < count, let newline = memchr(bytes.baseAddress! + index, 0x0A, count - index) {
            index = bytes.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self))
        } else {
            index = count
        }
        let end = index < count ? index + 1 : count
        var contentEnd = index
        if index < count && contentEnd > start && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        return Line(number: number, start: start, contentEnd: contentEnd, end: end,
                    indent: min(indentEnd, contentEnd) - start)
    }

    /// The line after `current`.
    func line(after current: Line) -> Line? {
        current.end < bytes.count ? line(at: current.end, number: current.number + 1) : nil
    }

    /// `---` or `...` at the start of the line, alone or followed by a space.
    func isMarker(_ line: Line, _ byte: UInt8) -> Bool {
        guard line.contentEnd - line.start >= 3,
              bytes[line.start] == byte, bytes[line.start + 1] == byte, bytes[line.start + 2] == byte else { return false }
        return line.start + 3 == line.contentEnd || bytes[line.start + 3] == 0x20 || bytes[line.start + 3] == 0x09
    }

    /// True when `index` is at the end of the line or at a space or tab.
    func isSeparator(at index: Int, in line: Line) -> Bool {
        index >= line.contentEnd || bytes[index] == 0x20 || bytes[index] == 0x09
    }

    func rejectLeadingTab(_ line: Line) throws(Diagnostic) {
        if line.firstIndex < line.contentEnd && bytes[line.firstIndex] == 0x09 {
            throw failure("tab", "tab character in indentation", at: line.firstIndex, in: line,
                          hint: "indent with spaces; YAML does not allow tabs here")
        }
    }

    /// After a value or marker: only spaces, then optionally a comment, may follow.
    func expectEndOfLine(after index: Int, in line: Line, what: String) throws(Diagnostic) {
        var position = index
        while position < line.contentEnd && bytes[position] == 0x20 { position += 1 }
        if position == line.contentEnd { return }
        let byte = bytes[position]
        if byte == 0x23 && position > index { return }
        if byte == 0x09 {
            throw failure("tab", "tab character after \(what)", at: position, in: line,
                          hint: "use spaces; YAML does not allow tabs here")
        }
        if byte == 0x23 {
            throw failure("invalid-value", "a comment needs a space before '#'", at: position, in: line,
                          hint: "write ` #` to start a comment")
        }
        throw failure("unexpected-text", "unexpected text after \(what)", at: position, in: line,
                      hint: "only a comment (` # ...`) may follow on the same line")
    }

    // MARK: Text and locations

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// A value or key: short ones come from the reader's cache.
    mutating func value(_ range: Range<Int>) -> String {
        if range.count <= StringCache.maximumLength, cache != nil {
            return cache!.string(bytes, range)
        }
        return string(range)
    }

    func location(of offset: Int, in line: Line) -> SourceLocation {
        location(of: offset, in: line, after: (line.start, 1))
    }

    /// The location of `offset`, counting columns on from a known one before it on the same
    /// line, so that locating every item of a long line stays linear.
    func location(of offset: Int, in line: Line, after known: (offset: Int, column: Int)) -> SourceLocation {
        var column = known.column
        var index = known.offset
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(line: line.number, column: column)
    }

    func failure(_ code: String, _ message: String, at offset: Int, in line: Line, hint: String? = nil) -> Diagnostic {
        let excerptEnd = min(line.contentEnd, line.start + 1000)
        return Diagnostic(code: code, path: path, location: location(of: offset, in: line), message: message,
                          hint: hint, sourceLine: string(line.start..<excerptEnd))
    }

    private func encodingFailure(_ problem: EncodingProblem) -> Diagnostic {
        var start = problem.offset
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        var number = 1
        for index in 0..<start where bytes[index] == 0x0A { number += 1 }
        var faulty = line(at: start, number: number)
        if faulty.contentEnd < problem.offset { faulty.contentEnd = problem.offset }
        var diagnostic = failure(problem.code, problem.message, at: problem.offset, in: faulty, hint: problem.hint)
        if case .nul = problem.kind { diagnostic.sourceLine = nil }
        if case .utf16 = problem.kind { diagnostic.sourceLine = nil }
        return diagnostic
    }
}

/// The lines of a file, found once, for excerpts of many diagnostics in it: looking each line
/// up from the start of the file would make a record with many problems quadratic to report.
public struct SourceLines: Sendable {
    private let bytes: [UInt8]
    /// Where each line starts.
    private let starts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        self.starts = starts
    }

    /// The text of 1-based line `number`, without its line ending; `nil` past the last line.
    public func line(_ number: Int) -> String? {
        guard number >= 1 && number <= starts.count else { return nil }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

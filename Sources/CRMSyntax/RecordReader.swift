/// Reads record files one after another, reusing what it learnt from earlier ones:
/// short strings such as keys and enum values are made once, and scratch space is kept.
/// Give each thread its own reader.
public struct RecordReader: Sendable {
    private var state: (cache: StringCache?, scratch: [UInt8])

    /// A reader with an empty string cache.
    public init() {
        state = (StringCache(), [])
    }

    /// A reader for a single record: no cache to fill.
    init(caching: Bool) {
        state = (caching ? StringCache() : nil, [])
    }

    /// Reads a record from UTF-8 bytes.
    /// - Throws: a `Diagnostic` naming the line and column of the first problem.
    public mutating func read(_ bytes: [UInt8], path: String = "<record>") throws(Diagnostic) -> RecordDocument {
        let result: Result<[FieldSyntax], Diagnostic> = bytes.withUnsafeBufferPointer { buffer in
            var parser = RecordParser(bytes: buffer, path: path)
            swap(&parser.cache, &state.cache)
            swap(&parser.scratch, &state.scratch)
            defer {
                swap(&parser.cache, &state.cache)
                swap(&parser.scratch, &state.scratch)
            }
            do throws(Diagnostic) {
                try parser.parse()
                return .success(parser.fields)
            } catch {
                return .failure(error)
            }
        }
        return RecordDocument(path: path, bytes: bytes, fields: try result.get())
    }
}

extension VCardError {
    /// The error at `offset` in a logical line read from the file.
    init(_ line: ContentLine.Unfolded, at offset: Int, _ message: String, hint: String? = nil) {
        let location = line.location(at: offset)
        self.init(line: location.line, column: location.column, message: message, hint: hint)
    }
}

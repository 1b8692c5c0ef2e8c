// What every fuzz target shares: failing with a message libFuzzer reports as a crash.

/// `precondition` that keeps its message in optimized builds, where libFuzzer reports it as a crash.
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fail(message()) }
}

public func fail(_ message: String) -> Never {
    fatalError(message)
}

/// The number of lines of `bytes`, counting LF, CRLF and a lone CR as line ends.
public func lineCount(_ bytes: [UInt8]) -> Int {
    var count = 1
    for (index, byte) in bytes.enumerated() where byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
        count += 1
    }
    return count
}

/// `text` with CRLF and a lone CR turned into LF, as writers write every line break in a value.
public func lineFeeds(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var previous: Unicode.Scalar = " "
    for scalar in text.unicodeScalars {
        if scalar == "\r" { result.append("\n") } else if !(scalar == "\n" && previous == "\r") { result.append(scalar) }
        previous = scalar
    }
    return String(result)
}

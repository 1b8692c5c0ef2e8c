/// The ways a CSV file can fail to read.
extension CSVError {
    static func empty() -> CSVError {
        CSVError(line: 1, column: 1, message: "the file is empty")
    }

    static func invalidUTF8(line: Int, column: Int, byte: UInt8) -> CSVError {
        CSVError(
            line: line, column: column,
            message: "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))",
            hint: "the file may come from Excel in another encoding: try --encoding windows-1250")
    }

    static func unterminatedQuote(line: Int, column: Int) -> CSVError {
        CSVError(
            line: line, column: column, message: "quoted field is not closed",
            hint: "a field that starts with \" must end with \"; write a quote inside it as \"\"")
    }

    static func textAfterQuote(line: Int, column: Int) -> CSVError {
        CSVError(
            line: line, column: column, message: "text after the closing quote of a field",
            hint: "put the whole field in quotes and write each quote inside it as \"\"")
    }
}

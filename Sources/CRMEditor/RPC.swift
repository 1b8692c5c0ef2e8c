import CRMInterchange

/// JSON-RPC 2.0 messages and the error codes the protocol names.
enum RPC {
    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let serverNotInitialized = -32002
    /// The protocol's code for a request the server understood but could not carry out.
    static let requestFailed = -32803
    static let requestCancelled = -32800

    static func response(_ id: JSON, _ result: JSON) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])
    }

    static func error(_ id: JSON, _ code: Int, _ message: String) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", id),
                 ("error", .object([("code", .integer(code)), ("message", .string(message))]))])
    }

    static func notification(_ method: String, _ params: JSON) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])
    }

    /// A protocol position as JSON.
    static func position(_ position: EditorText.Position) -> JSON {
        .object([("line", .integer(position.line)), ("character", .integer(position.character))])
    }

    static func range(_ start: EditorText.Position, _ end: EditorText.Position) -> JSON {
        .object([("start", position(start)), ("end", position(end))])
    }

    static func location(uri: String, _ start: EditorText.Position, _ end: EditorText.Position) -> JSON {
        .object([("uri", .string(uri)), ("range", range(start, end))])
    }
}

extension JSON {
    /// A whole number's value; `nil` for other values.
    var int: Int? {
        guard case .number(let text) = self else { return nil }
        return Int(text)
    }

    /// A position member (`{"line": 1, "character": 4}`).
    var position: EditorText.Position? {
        guard let line = self["line"]?.int, let character = self["character"]?.int, line >= 0, character >= 0 else { return nil }
        return EditorText.Position(line: line, character: character)
    }
}

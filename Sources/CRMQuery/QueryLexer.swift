/// A piece of a query: a word, a quoted string, an operator or punctuation, with its position.
struct QueryToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case word(String)
        case string(String)
        case comparison(String)
        case leftParenthesis
        case rightParenthesis
        case comma
        case end
    }

    var kind: Kind
    /// 0-based offset in Unicode scalars.
    var offset: Int

    /// The token as an error message names it: `'status'`, `'('`, `the end`.
    var described: String {
        switch kind {
        case .word(let word): return "'\(word)'"
        case .string(let text): return "\"\(text)\""
        case .comparison(let symbol): return "'\(symbol)'"
        case .leftParenthesis: return "'('"
        case .rightParenthesis: return "')'"
        case .comma: return "','"
        case .end: return "the end"
        }
    }

    /// The word, lowercased for matching keywords; `nil` for other tokens.
    var keyword: String? {
        if case .word(let text) = kind { return text.lowercased() }
        return nil
    }
}

/// Splits a query into tokens. Words run until a space, a parenthesis, a comma, a quote or a
/// comparison operator (`= != < <= > >= ~`), so `at>=2026-01-01` and `follow-up = -30d` read
/// as people mean them. A comma between two digits is a decimal comma inside the word (`12,5`);
/// in a list, `in (1,2)` still names two values.
enum QueryLexer {
    static func tokens(_ text: String) throws(QueryError) -> [QueryToken] {
        let characters = Array(text.unicodeScalars)
        var tokens: [QueryToken] = []
        var index = 0
        func isDigit(_ character: Unicode.Scalar) -> Bool { ("0"..."9").contains(character) }
        func isWordCharacter(_ character: Unicode.Scalar) -> Bool {
            !character.properties.isWhitespace && !"(),=<>~\"'!".unicodeScalars.contains(character)
        }
        while index < characters.count {
            let character = characters[index]
            if character.properties.isWhitespace {
                index += 1
                continue
            }
            let start = index
            switch character {
            case "(":
                tokens.append(QueryToken(kind: .leftParenthesis, offset: start))
                index += 1
            case ")":
                tokens.append(QueryToken(kind: .rightParenthesis, offset: start))
                index += 1
            case "," where !(start > 0 && isDigit(characters[start - 1]) && index + 1 < characters.count && isDigit(characters[index + 1])):
                tokens.append(QueryToken(kind: .comma, offset: start))
                index += 1
            case "=", "~":
                tokens.append(QueryToken(kind: .comparison(String(character)), offset: start))
                index += 1
            case "<", ">", "!":
                if index + 1 < characters.count && characters[index + 1] == "=" {
                    tokens.append(QueryToken(kind: .comparison(String(character) + "="), offset: start))
                    index += 2
                } else if character == "!" {
                    throw QueryError(column: start + 1, message: "'!' on its own", hint: "write != for 'not equal', or `not` before a condition")
                } else {
                    tokens.append(QueryToken(kind: .comparison(String(character)), offset: start))
                    index += 1
                }
            case "\"", "'":
                var value = ""
                index += 1
                var closed = false
                while index < characters.count {
                    let next = characters[index]
                    if next == "\\" && index + 1 < characters.count {
                        value.unicodeScalars.append(characters[index + 1])
                        index += 2
                        continue
                    }
                    if next == character {
                        closed = true
                        index += 1
                        break
                    }
                    value.unicodeScalars.append(next)
                    index += 1
                }
                if !closed {
                    throw QueryError(column: start + 1, message: "the quoted value is not closed", hint: "end it with \(character)")
                }
                tokens.append(QueryToken(kind: .string(value), offset: start))
            case ",":
                // A decimal comma, `12,5`: part of the word before it.
                var word = tokens.removeLast()
                index += 1
                while index < characters.count && isWordCharacter(characters[index]) { index += 1 }
                word.kind = .word(String(String.UnicodeScalarView(characters[word.offset..<index])))
                tokens.append(word)
            default:
                while index < characters.count && isWordCharacter(characters[index]) { index += 1 }
                var word = ""
                word.unicodeScalars.append(contentsOf: characters[start..<index])
                tokens.append(QueryToken(kind: .word(word), offset: start))
            }
        }
        tokens.append(QueryToken(kind: .end, offset: characters.count))
        return tokens
    }
}

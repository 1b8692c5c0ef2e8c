import CRMInterchange
import CRMMail
import CRMTestSupport
import Foundation

/// Writes random e-mail messages as mail programs do: encoded words (Q and B, split between
/// characters, folded), every body charset and transfer encoding, nested multiparts, and file
/// names plain, in RFC 2231 form, continued, and as Outlook's encoded words.
struct MessageGenerator {
    var random: SeededRandom

    static let czech = ["objednávka", "kompresor", "Plzeň", "servis", "příští", "týden", "žádost", "nabídka", "účet",
                        "Škoda", "děkuji", "čtvrtek", "Ďábel", "ťukat", "úterý", "Žilina", "ľadový", "môžeme", "dĺžka"]
    static let latin = ["café", "Müller", "señor", "naïve", "Grüße", "Åsa", "façade"]
    static let ascii = ["price", "list", "order", "meeting", "Monday", "invoice", "2027", "visit", "re", "a_b", "x=y", "why?"]

    /// The words a text in `charset` can hold.
    func words(for charset: MailCharset) -> [String] {
        switch charset {
        case .usASCII: return Self.ascii
        case .latin1: return Self.ascii + Self.latin
        case .latin2, .windows1250: return Self.ascii + Self.czech
        case .utf8: return Self.ascii + Self.czech + Self.latin
        }
    }

    static func encode(_ text: String, _ charset: MailCharset) -> [UInt8] {
        switch charset {
        case .utf8: return Array(text.utf8)
        case .usASCII, .latin1: return text.unicodeScalars.map { UInt8($0.value) }
        case .windows1250: return Windows1250.encode(text)!
        case .latin2:
            let table = Dictionary(uniqueKeysWithValues: (0...255).map { (MailCharset.latin2.decode([UInt8($0)]), UInt8($0)) })
            return text.map { table[String($0)]! }
        }
    }

    mutating func text(_ charset: MailCharset, words count: ClosedRange<Int>) -> String {
        let pool = words(for: charset)
        return (0..<random.int(count)).map { _ in random.pick(pool) }.joined(separator: " ")
    }

    /// Header text as encoded words of one charset and encoding, split between characters.
    mutating func encodedWords(_ text: String, _ charset: MailCharset, split: Bool = true) -> String {
        let b = random.chance(0.5)
        var chunks: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if split && Self.encode(current, charset).count > random.int(8...30) { chunks.append(current); current = "" }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks.map { chunk in
            let bytes = Self.encode(chunk, charset)
            let body = b ? Data(bytes).base64EncodedString()
                : bytes.map { byte in
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                        return String(UnicodeScalar(byte))
                    case 0x20: return "_"
                    default: return String(format: "=%02X", byte)
                    }
                }.joined()
            return "=?\(charset.rawValue)?\(b ? "B" : random.pick(["Q", "q"]))?\(body)?="
        }.joined(separator: random.pick([" ", "\r\n ", "\r\n\t"]))
    }

    mutating func subject() -> String {
        let charset = random.pick(MailCharset.allCases)
        switch random.int(0...3) {
        case 0: return text(.usASCII, words: 1...6)
        case 1: return encodedWords(text(charset, words: 1...6), charset)
        case 2: return "Re: " + encodedWords(text(charset, words: 1...4), charset)
        default: return text(.usASCII, words: 1...2) + " " + encodedWords(text(charset, words: 1...3), charset) + " " + text(.usASCII, words: 1...2)
        }
    }

    mutating func mailbox(_ domain: String) -> String {
        let local = random.pick(["jana", "petr.novak", "info", "obchod", "m.dvorak"])
        switch random.int(0...3) {
        case 0: return "\(local)@\(domain)"
        case 1: return "Jan Novak <\(local)@\(domain)>"
        case 2: return "\"Novak, Jan\" <\(local)@\(domain)>"
        default:
            let charset = random.pick([MailCharset.utf8, .latin2, .windows1250])
            // One word: in a display name Python keeps the blank between encoded words, which
            // RFC 2047 section 6.2 drops (as we do, and EncodedWordTests pins).
            return encodedWords(random.pick(["Jana Dvořáková", "Petr Šťastný", "Ľubica Kováčová"]), charset, split: false)
                + " <\(local)@\(domain)>"
        }
    }

    /// A body part's headers and body in one of the transfer encodings.
    mutating func textPart(_ subtype: String, _ content: String, charset: MailCharset) -> [UInt8] {
        let bytes = Self.encode(content, charset)
        let encoding = random.pick(charset == .usASCII ? ["7bit", "quoted-printable", "base64"] : ["8bit", "quoted-printable", "base64"])
        let body: [UInt8]
        switch encoding {
        case "base64": body = Array(Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]).utf8)
        case "quoted-printable": body = Array(Self.quotedPrintable(bytes).utf8)
        default: body = bytes
        }
        return Array("Content-Type: text/\(subtype); charset=\"\(charset.rawValue)\"\r\nContent-Transfer-Encoding: \(encoding)\r\n\r\n".utf8) + body
    }

    static func quotedPrintable(_ bytes: [UInt8]) -> String {
        var output = ""
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var current = ""
            for (offset, byte) in line.enumerated() {
                let last = offset == line.count - 1
                var piece: String
                if (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 0x20 || byte == 0x09) && !last) {
                    piece = String(UnicodeScalar(byte))
                } else {
                    piece = String(format: "=%02X", byte)
                }
                if current.count + piece.count > 75 { output += current + "=\r\n"; current = "" }
                current += piece
            }
            output += current + "\r\n"
        }
        return String(output.dropLast(2))
    }

    mutating func attachment() -> [UInt8] {
        let name = random.pick(["nabidka.pdf", "objednávka 2026.pdf", "ceník.xlsx", "foto.jpg"])
        let data = Data((0..<random.int(10...200)).map { _ in UInt8.random(in: 0...255, using: &random) }).base64EncodedString()
        func percent(_ text: some StringProtocol) -> String {
            Array(text.utf8).map { byte in byte < 0x80 && byte != 0x20 ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte) }.joined()
        }
        let encoded = percent(name)
        let header: String
        switch random.int(0...4) {
        case 0 where name.allSatisfy(\.isASCII):
            header = "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"\(name)\""
        case 1:
            header = "Content-Type: application/pdf\r\nContent-Disposition: attachment;\r\n filename*=utf-8''\(encoded)"
        case 2:
            let half = name.index(name.startIndex, offsetBy: name.count / 2)
            header = "Content-Type: application/pdf\r\nContent-Disposition: attachment;\r\n filename*0*=utf-8''\(percent(name[..<half]));\r\n filename*1*=\(percent(name[half...]))"
        case 3:
            header = "Content-Type: application/pdf; name=\"\(encodedWords(name, .utf8).replacing("\r\n", with: ""))\"\r\n"
                + "Content-Disposition: attachment; filename=\"\(encodedWords(name, .utf8).replacing("\r\n", with: "").replacing("\t", with: " "))\""
        default:
            header = "Content-Type: application/pdf; name*=utf-8''\(encoded)\r\nContent-Disposition: attachment"
        }
        return Array((header + "\r\nContent-Transfer-Encoding: base64\r\n\r\n" + data).utf8)
    }

    mutating func multipart(_ subtype: String, _ parts: [[UInt8]]) -> [UInt8] {
        let boundary = "=_b\(random.int(1000...999_999))_\(random.pick(["x", "yy", "q.z"]))"
        var bytes = Array(("Content-Type: multipart/\(subtype); boundary=\"\(boundary)\"\r\n\r\n"
                           + random.pick(["", "This is a multi-part message in MIME format.\r\n"])).utf8)
        for part in parts { bytes += Array("--\(boundary)\r\n".utf8) + part + [0x0D, 0x0A] }
        return bytes + Array(("--\(boundary)--\r\n" + random.pick(["", "epilogue\r\n"])).utf8)
    }

    /// The whole message, with LF or CRLF line endings.
    mutating func message(number: Int) -> [UInt8] {
        let charset = random.pick(MailCharset.allCases)
        let plain = (0..<random.int(1...5)).map { _ in text(charset, words: 1...20) }.joined(separator: "\n") + "\n"
        let html = "<html><body><p>\(text(charset, words: 1...12))</p></body></html>\n"
        let body: [UInt8]
        switch random.int(0...6) {
        case 0: body = textPart("plain", plain, charset: charset)
        case 1: body = textPart("html", html, charset: charset)
        case 2: body = multipart("alternative", [textPart("plain", plain, charset: charset), textPart("html", html, charset: charset)])
        case 3: body = multipart("mixed", [textPart("plain", plain, charset: charset)] + (0..<random.int(1...3)).map { _ in attachment() })
        case 4:
            body = multipart("mixed", [multipart("alternative", [textPart("plain", plain, charset: charset), textPart("html", html, charset: charset)]),
                                       attachment()])
        case 5: body = multipart("related", [textPart("html", html, charset: charset), attachment()])
        default:
            body = multipart("alternative", [textPart("plain", plain, charset: charset),
                                             multipart("related", [textPart("html", html, charset: charset), attachment()])])
        }
        let headers = [
            "From: " + mailbox("firma.example.cz"),
            "To: " + mailbox("zakaznik.example.cz") + (random.chance(0.3) ? ",\r\n " + mailbox("jiny.example.cz") : ""),
            "Subject: " + subject(),
            "Date: Thu, 20 Nov 2026 14:05:33 +0100",
            "Message-ID: <m\(number).\(random.int(1...99_999))@mail.example.cz>",
            "MIME-Version: 1.0",
        ]
        let bytes = Array((headers.joined(separator: "\r\n") + "\r\n").utf8) + body
        guard random.chance(0.5) else { return bytes }
        var unix: [UInt8] = []
        for (index, byte) in bytes.enumerated() where !(byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) { unix.append(byte) }
        return unix
    }
}

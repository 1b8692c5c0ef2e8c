import CRMInterchange
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document as a tree of elements, read safely: a DTD (and so any entity, external or
/// not) is refused before the parser sees it, nesting is limited to `maximumDepth` and size to
/// `maximumSize`. Each element keeps its namespace, local name, attributes, text and line.
public struct XMLTree: Sendable {
    public static let maximumDepth = 64
    public static let maximumSize = 64 << 20

    public struct Element: Sendable {
        public var namespace: String
        public var name: String
        public var attributes: [String: String]
        /// The element's own text (not its children's), blanks at either end removed.
        public var text: String
        public var children: [Element]
        /// The 1-based line of its start tag.
        public var line: Int

        /// The first child of that local name.
        public func child(_ name: String) -> Element? { children.first { $0.name == name } }

        /// Every child of that local name.
        public func all(_ name: String) -> [Element] { children.filter { $0.name == name } }

        /// The element at a path of local names (`Party/PartyName/Name`).
        public subscript(path: String) -> Element? {
            var element: Element? = self
            for name in path.split(separator: "/") { element = element?.child(String(name)) }
            return element
        }

        /// The text at a path, when it is there and not empty.
        public func text(_ path: String) -> String? {
            self[path].flatMap { $0.text.isEmpty ? nil : $0.text }
        }
    }

    public var root: Element

    /// Reads `bytes`; a document that is not well-formed, has a DTD or is too deep or too large
    /// is a `ReadError` at its line and column.
    public init(parsing original: [UInt8]) throws(ReadError) {
        let bytes = try Self.utf8(original)
        guard bytes.count <= Self.maximumSize else {
            throw ReadError(line: 1, column: 1, message: "the file is \(bytes.count >> 20) MB, more than an XML document here may be (\(Self.maximumSize >> 20) MB)")
        }
        let builder = Builder()
        let parser = XMLParser(data: Data(try Self.prepared(bytes)))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        builder.parser = parser
        let parsed = parser.parse()
        if let problem = builder.problem { throw problem }
        guard parsed, let root = builder.root else {
            let error = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "the document is not well-formed XML"
            throw ReadError(line: max(1, parser.lineNumber), column: max(1, parser.columnNumber),
                            message: Self.cleaned(error), hint: "the file may be cut short or not XML")
        }
        self.root = root
    }

    /// The document in UTF-8, which the parser is given: as it is, or from Windows-1250 when its
    /// declaration says so; any other bytes that are not UTF-8 are an error at their place.
    static func utf8(_ bytes: [UInt8]) throws(ReadError) -> [UInt8] {
        if String(validating: bytes, as: UTF8.self) != nil { return bytes }
        let prolog = String(decoding: bytes.prefix(200).prefix { $0 != UInt8(ascii: ">") }, as: UTF8.self).lowercased()
        if prolog.hasPrefix("<?xml"), prolog.contains("windows-1250") || prolog.contains("cp1250") {
            let text = Windows1250.decode(bytes)
            guard let end = text.range(of: "?>") else { return Array(text.utf8) }
            return Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"" + text[end.lowerBound...]).utf8)
        }
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let length = bytes[index] < 0x80 ? 1 : bytes[index] >> 5 == 0b110 ? 2 : bytes[index] >> 4 == 0b1110 ? 3 : bytes[index] >> 3 == 0b11110 ? 4 : 0
            if length == 0 || index + length > bytes.count || String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil {
                throw ReadError(line: line, column: column, message: "the file is not UTF-8: byte 0x\(String(bytes[index], radix: 16, uppercase: true))",
                                hint: "ISDOC and camt.053 files are UTF-8 (or say their encoding in <?xml ... encoding=\"windows-1250\"?>)")
            }
            if bytes[index] == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return bytes
    }

    /// The bytes the parser is given: refused when they hold a document type declaration (or an
    /// entity declaration) outside comments and CDATA, with its line and column; processing
    /// instructions after the XML declaration blanked out (they carry nothing crm reads, and
    /// FoundationXML mishandles some), line breaks kept so that lines still count.
    static func prepared(_ input: [UInt8]) throws(ReadError) -> [UInt8] {
        var bytes = input
        var line = 1
        var column = 1
        var index = 0
        func at(_ text: String) -> Bool { bytes[index...].starts(with: Array(text.utf8)) }
        func skip(to end: String, blanking: Bool) {
            while index < bytes.count && !at(end) {
                if bytes[index] == 0x0A { line += 1; column = 1 } else { column += 1 }
                if blanking && bytes[index] != 0x0A && bytes[index] != 0x0D { bytes[index] = 0x20 }
                index += 1
            }
            for _ in 0..<end.utf8.count where index < bytes.count {
                if blanking { bytes[index] = 0x20 }
                index += 1
                column += 1
            }
        }
        while index < bytes.count {
            if at("<!--") {
                skip(to: "-->", blanking: false)
            } else if at("<![CDATA[") {
                skip(to: "]]>", blanking: false)
            } else if at("<!") {
                let word = String(decoding: bytes[(index + 2)..<min(bytes.count, index + 9)], as: UTF8.self).uppercased()
                if word.hasPrefix("DOCTYPE") || word.hasPrefix("ENTITY") {
                    throw ReadError(line: line, column: column, message: "a document type declaration (<!DOCTYPE>) is not allowed",
                                    hint: "entities can read files and exhaust memory; export the document again without a DTD")
                }
                index += 1
                column += 1
            } else if at("<?") && !(index == 0 && at("<?xml") && bytes.count > 5 && [0x20, 0x09, 0x0D, 0x0A].contains(bytes[5])) {
                skip(to: "?>", blanking: true)
            } else {
                if bytes[index] == 0x0A { line += 1; column = 1 } else if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
        return bytes
    }

    /// libxml2's message without its trailing line break and "The operation could not be completed" wording.
    static func cleaned(_ message: String) -> String {
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.hasPrefix("The operation could not be completed") ? "the document is not well-formed XML" : text
    }

    /// Collects elements as the parser reports them.
    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [Element] = []
        var root: Element?
        var problem: ReadError?
        weak var parser: XMLParser?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            guard stack.count < XMLTree.maximumDepth else {
                problem = ReadError(line: parser.lineNumber, column: max(1, parser.columnNumber),
                                    message: "elements are nested more than \(XMLTree.maximumDepth) deep")
                parser.abortParsing()
                return
            }
            stack.append(Element(namespace: namespaceURI ?? "", name: name, attributes: attributes, text: "", children: [],
                                 line: parser.lineNumber))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, foundCDATA data: Data) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += String(decoding: data, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard var element = stack.popLast() else { return }
            element.text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
        }
    }
}

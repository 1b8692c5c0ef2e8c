import CRMInterchange
import CRMWorkspace

/// Going from a record to others: a reference's definition (the record it names), the
/// records that refer to one, and a record's fields as document symbols.
extension LanguageServer {
    mutating func definition(_ params: JSON) throws(Failure) -> JSON {
        let document = try document(params)
        guard let position = params["position"]?.position else { throw Failure(code: RPC.invalidParams, message: "the request has no position") }
        guard let root, let index = index(), let (record, _) = referencedRecord(document, at: position, index: index) else { return .null }
        let start = EditorText.Position(line: 0, character: 0)
        return RPC.location(uri: FileURI.uri(root + "/" + record.path), start, start)
    }

    /// The record a reference at `position` names, with the reference's word.
    func referencedRecord(_ document: OpenDocument, at position: EditorText.Position, index: WorkspaceIndex)
        -> (Record, (text: String, start: EditorText.Position, end: EditorText.Position))? {
        let context = RecordContext(document.text)
        guard let type = workspace?.schema.type(forPath: document.path), let word = context.word(at: position),
              let owner = context.owner(ofLine: position.line), let target = type.field(owner.key)?.kind.referencedType,
              let record = index.record(word.text), record.type == target else { return nil }
        return (record, word)
    }

    /// The records that refer to the record open in the editor, each at the line naming it.
    mutating func references(_ params: JSON) throws(Failure) -> JSON {
        let document = try document(params)
        guard let root, let index = index(), let schema = workspace?.schema, let type = schema.type(forPath: document.path) else { return .array([]) }
        let id = RecordFile(path: document.path, type: type.name).id
        guard let position = index.position(of: id) else { return .array([]) }
        var locations: [JSON] = []
        for other in index.referrerPositions(of: position).sorted(by: { index.records[$0].path < index.records[$1].path }) {
            let path = index.records[other].path
            let text = (try? FileIO.read(root + "/" + path, limit: RecordFile.maximumSize)).map { EditorText(String(decoding: $0, as: UTF8.self)) }
            var start = EditorText.Position(line: 0, character: 0)
            var end = start
            if let text, let line = text.lines.firstIndex(where: { Self.names($0, id) }) {
                let found = text.lines[line].range(of: id)!
                start = EditorText.Position(line: line, character: text.lines[line][..<found.lowerBound].utf16.count)
                end = EditorText.Position(line: line, character: start.character + id.utf16.count)
            }
            locations.append(RPC.location(uri: FileURI.uri(root + "/" + path), start, end))
        }
        return .array(locations)
    }

    /// True when `line` holds `id` as a whole word.
    private static func names(_ line: Substring, _ id: String) -> Bool {
        var rest = line[...]
        while let found = rest.range(of: id) {
            let before = found.lowerBound == line.startIndex ? nil : line[line.index(before: found.lowerBound)]
            let after = found.upperBound == line.endIndex ? nil : line[found.upperBound]
            let edge = { (character: Character?) in character.map { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") } ?? true }
            if edge(before) && edge(after) { return true }
            rest = line[found.upperBound...]
        }
        return false
    }

    /// The record's top-level fields, each with its value as detail.
    mutating func symbols(_ params: JSON) throws(Failure) -> JSON {
        let document = try document(params)
        let context = RecordContext(document.text)
        let fields = context.fields
        return .array(fields.enumerated().map { offset, field in
            let last = offset + 1 < fields.count ? fields[offset + 1].line - 1 : context.lines.count - 1
            let end = EditorText.Position(line: max(field.line, last), character: context.lines[max(field.line, last)].utf16.count)
            let start = EditorText.Position(line: field.line, character: 0)
            let name = EditorText.Position(line: field.line, character: field.key.utf16.count)
            return .object([("name", .string(field.key)), ("detail", .string(field.value)), ("kind", .integer(8)),
                            ("range", RPC.range(start, end)), ("selectionRange", RPC.range(start, name))])
        })
    }
}

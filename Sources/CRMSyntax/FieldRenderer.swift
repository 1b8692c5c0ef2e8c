/// Writes fields and values in the canonical form used for new text.
struct FieldRenderer {
    var lineEnding: LineEnding
    /// Lists longer than this on one line are written as `- item` lines.
    var flowWidth = 80
    let indent = 2
    /// Multi-line text as a `|` block; when false, double-quoted on one line.
    var blocks = true

    /// Every line of `key: value`, each ending with the line ending.
    func field(_ key: String, _ value: Value) throws(RecordEditError) -> String {
        guard KeySyntax.isValid(key) else { throw .invalidKey(key) }
        let newline = lineEnding.rawValue
        switch value {
        case .string(let text):
            if blocks, let block = ScalarWriter.literalBlock(text, indent: indent) {
                return "\(key): \(block.header)\(newline)" + block.lines.map { $0 + newline }.joined()
            }
            return "\(key): \(ScalarWriter.inline(text, inFlow: false))\(newline)"
        case .list(let items):
            let flow = flowList(items)
            if items.isEmpty || key.count + 2 + flow.count <= flowWidth {
                return "\(key): \(flow)\(newline)"
            }
            return "\(key):\(newline)" + items.map { listItem($0, indent: indent) }.joined()
        case .map(let entries):
            guard !entries.isEmpty else {
                throw .unrepresentable("field '\(key)' is an empty map, which a record cannot hold; remove the field instead")
            }
            var text = "\(key):\(newline)"
            for entry in entries {
                text += String(repeating: " ", count: indent) + (try mapEntry(entry, in: key))
            }
            return text
        }
    }

    /// `[a, b]`, each item plain when that reads back the same.
    func flowList(_ items: [String]) -> String {
        "[" + items.map { ScalarWriter.inline($0, inFlow: true) }.joined(separator: ", ") + "]"
    }

    /// One `- item` line.
    func listItem(_ item: String, indent: Int) -> String {
        String(repeating: " ", count: indent) + "- " + ScalarWriter.inline(item, inFlow: false) + lineEnding.rawValue
    }

    /// One `key: value` line of a map, without its indentation.
    func mapEntry(_ entry: MapEntry, in field: String) throws(RecordEditError) -> String {
        guard KeySyntax.isValid(entry.key) else { throw .invalidKey(entry.key) }
        return "\(entry.key): \(try mapValue(entry.value, key: "\(field).\(entry.key)"))\(lineEnding.rawValue)"
    }

    /// The token for a map entry's value: a one-line scalar or a flow list.
    func mapValue(_ value: Value, key: String) throws(RecordEditError) -> String {
        switch value {
        case .string(let text): return ScalarWriter.inline(text, inFlow: false)
        case .list(let items): return flowList(items)
        case .map: throw .unrepresentable("'\(key)' is a map inside a map; records nest maps one level deep")
        }
    }
}

import CRMInterchange
import CRMLocale
import CRMQuery
import CRMSyntax
import CRMWorkspace

/// `crm search WORDS…`: full-text search without regard to case or diacritics.
enum SearchCommand {
    static let type = Option<String>(["--type"], value: "type", help: "Search only records of this type.", completion: .types)
    static let condition = Option<String>(["--where"], value: "expr", help: "Only records (of --type) that meet this condition.")
    static let limit = Option<Int>.number(["--limit"], help: "Show at most n matches. (default: 20 in a table)")
    static let format = FormatOption.rows

    static let spec = CommandSpec(
        name: "search",
        abstract: "Find records by the words they contain",
        discussion: """
            Every word must occur in the record, as the start of one of its words, without regard to
            case or diacritics: `crm search plzen faktur` finds a call about "faktura" from Plzeň.
            Best matches come first: more occurrences, and matches in the title, count more. Exits with 1
            when nothing matches, and with 2 when some record could not be read.
            """,
        arguments: [ArgumentSpec("words", help: "The words to look for.", repeating: true)],
        options: [type.spec, condition.spec, limit.spec, format.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let count = try invocation[limit] ?? (chosen == .table ? 20 : Int.max)
        let workspace = try context.workspace()
        let type = try invocation[self.type].map { name throws(CommandError) in
            try RecordPresentation.type(named: name, in: workspace.schema)
        }
        let query = invocation.arguments.joined(separator: " ")
        guard !FullTextSearch.words(in: query).isEmpty else {
            throw UsageError("nothing to search for in '\(query)'", command: spec)
        }
        let index = WorkspaceIndex(workspace: workspace)
        var candidates = type.map { index.records(ofType: $0.name) } ?? index.records
        if let text = try invocation[condition] {
            guard let type else { throw UsageError("--where needs --type, so that its fields are known", command: spec) }
            candidates = try RecordPresentation.query(text, type: type, workspace: workspace, today: try context.today(), context: context)
                .select(in: index)
        }
        let titles = Dictionary(index.schema.types.map { ($0.name, $0.title) }, uniquingKeysWith: { first, _ in first })
        let hits = Array(FullTextSearch.search(query, in: candidates, titles: titles).prefix(count))
        let terms = FullTextSearch.words(in: query)
        func objects() -> [JSON] {
            hits.map { hit in
                let record = candidates[hit.record]
                return RecordJSON.object(record, extra: [
                    (key: "score", value: .integer(hit.score)),
                    (key: "match", value: .object([(key: "field", value: .string(hit.field)),
                                                   (key: "snippet", value: .string(Snippet.make(record[hit.field], terms: terms)))])),
                ])
            }
        }
        func csv() -> (header: [String], rows: [[String]]) {
            (["type", "id", "title", "score", "field", "snippet"], hits.map { hit in
                let record = candidates[hit.record]
                return [record.type, record.id, index.title(of: record), String(hit.score), hit.field, Snippet.make(record[hit.field], terms: terms)]
            })
        }
        if !ScriptOutput.write(chosen, objects: objects(), csv: csv(), ids: hits.map { candidates[$0.record].id }, context: &context) {
            if !hits.isEmpty {
                context.console.write(table(hits, in: candidates, index: index, terms: terms)
                    .render(width: context.console.width, style: context.console.style))
            }
        }
        for problem in index.problems { context.report(problem) }
        if hits.isEmpty { context.console.error(tr("nothing-found-for", ["query": query]) + "\n") }
        return History.status(found: !hits.isEmpty, problems: index.problems)
    }
}

extension SearchCommand {
    /// The hits for people: each record's type, id and title, and where it matched.
    static func table(_ hits: [FullTextSearch.Hit], in candidates: [Record], index: WorkspaceIndex, terms: [String]) -> TableRenderer {
        let rows = hits.map { hit in
            let record = candidates[hit.record]
            return [record.type, record.id, index.title(of: record), hit.field + ": " + Snippet.make(record[hit.field], terms: terms)]
        }
        return TableRenderer(headers: ["type", "id", "title", "match"], rows: rows)
    }
}

/// A short piece of a value around the first word a query matched.
enum Snippet {
    static let radius = 30

    static func make(_ value: Value?, terms: [String]) -> String {
        guard let value else { return "" }
        let texts = value.strings
        for text in texts {
            let flat = text.replacing("\n", with: " ")
            let scalars = Array(flat.unicodeScalars)
            var start = 0
            while start < scalars.count {
                while start < scalars.count && !isWordScalar(scalars[start]) { start += 1 }
                var end = start
                while end < scalars.count && isWordScalar(scalars[end]) { end += 1 }
                if end > start {
                    var word = ""
                    word.unicodeScalars.append(contentsOf: scalars[start..<end])
                    let folded = TextFold.fold(word)
                    if terms.contains(where: { folded.hasPrefix($0) }) {
                        return excerpt(scalars, from: start, to: end)
                    }
                }
                start = end
            }
        }
        return excerpt(Array((texts.first ?? "").replacing("\n", with: " ").unicodeScalars), from: 0, to: 0)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    private static func excerpt(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> String {
        let lower = max(0, start - radius)
        let upper = min(scalars.count, end + radius)
        var text = lower > 0 ? "…" : ""
        text.unicodeScalars.append(contentsOf: scalars[lower..<upper])
        if upper < scalars.count { text += "…" }
        return text
    }
}

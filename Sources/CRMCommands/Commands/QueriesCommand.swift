import CRMQuery
import CRMSyntax
import CRMWorkspace

/// `crm queries`: the saved queries, with their titles.
enum QueriesCommand {
    static let formats = ["text", "json"]

    static let spec = CommandSpec(
        name: "queries",
        abstract: "List the saved queries",
        discussion: "Saved queries live in .crm/queries/NAME.yaml (title, type, where, sort, fields, limit); run one with `crm list @NAME`.",
        options: [OptionSpec(["--format"], value: "format", help: "text or json. (default: text)", completion: .choices(formats))],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let format = try invocation.choice("format", formats, default: "text")
        let workspace = try context.workspace()
        let (queries, problems) = SavedQuery.all(in: workspace)
        for problem in problems { context.report(problem) }
        if format == "json" {
            context.console.line(JSON.array(queries.map { query in
                .object([("name", .string(query.name)), ("title", .string(query.title)), ("type", .string(query.type)),
                         ("where", query.condition.map(JSON.string) ?? .null), ("sort", query.sort.map(JSON.string) ?? .null),
                         ("fields", query.fields.map { .array($0.map(JSON.string)) } ?? .null)])
            }).pretty)
            return 0
        }
        guard !queries.isEmpty else {
            context.console.error("no saved queries in \(SavedQuery.folder)/\n")
            return 1
        }
        let rows = queries.map { ["@" + $0.name, $0.type, $0.title] }
        context.console.write(TableRenderer(headers: ["query", "type", "title"], rows: rows)
            .render(width: context.console.width, style: context.console.style))
        return 0
    }
}

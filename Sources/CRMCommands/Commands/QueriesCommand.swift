import CRMInterchange
import CRMQuery
import CRMSyntax
import CRMWorkspace

/// `crm queries`: the saved queries, with their titles.
enum QueriesCommand {
    static let format = FormatOption.tables

    static let spec = CommandSpec(
        name: "queries",
        abstract: "List the saved queries",
        discussion: "Saved queries live in .crm/queries/NAME.yaml (title, type, where, sort, fields, limit); run one with `crm list @NAME`.",
        options: [format.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let workspace = try context.workspace()
        let (queries, problems) = SavedQuery.all(in: workspace)
        for problem in problems { context.report(problem) }
        let status = queries.isEmpty ? ExitStatus.nothingFound : ExitStatus.success
        let objects = queries.map { query in
            JSON.object([(key: "name", value: .string(query.name)), (key: "title", value: .string(query.title)),
                         (key: "type", value: .string(query.type)), (key: "where", value: query.condition.map(JSON.string) ?? .null),
                         (key: "sort", value: query.sort.map(JSON.string) ?? .null),
                         (key: "fields", value: query.fields.map { .array($0.map(JSON.string)) } ?? .null)])
        }
        if ScriptOutput.write(chosen, objects: objects, context: &context) { return status }
        guard !queries.isEmpty else {
            context.console.error("no saved queries in \(SavedQuery.folder)/\n")
            return status
        }
        let rows = queries.map { ["@" + $0.name, $0.type, $0.title] }
        context.console.write(TableRenderer(headers: ["query", "type", "title"], rows: rows)
            .render(width: context.console.width, style: context.console.style))
        return status
    }
}

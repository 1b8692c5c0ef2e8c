import CRMWorkflow
import CRMWorkspace

/// `crm dashboard FILE`: the key figures, charts and tables as one HTML page.
enum DashboardCommand {
    static let spec = CommandSpec(
        name: "dashboard",
        abstract: "Write an HTML dashboard of the workspace",
        discussion: """
            Writes one self-contained HTML page (inline styles and SVG charts, no scripts, nothing
            fetched) with the key figures (open and late complaints, overdue follow-ups, unpaid
            invoices, the weighted pipeline, customers nobody contacted), charts of complaints per month,
            calls per channel and the pipeline, and the agenda, open complaints and unpaid invoices.
            `-` writes it to standard output.

            Examples:
              crm dashboard dashboard.html
              crm report --html /tmp/crm.html
            """,
        arguments: [ArgumentSpec("file", help: "Where to write the page.", completion: .files)],
        run: { invocation, context in try write(to: invocation.arguments[0], context: &context) })

    /// Writes the dashboard to `path` (relative to the current folder), or to standard output for `-`.
    static func write(to path: String, context: inout CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        let index = WorkspaceIndex(workspace: workspace)
        for problem in index.problems { context.report(problem) }
        let page = DashboardPage(Dashboard(workspace: workspace, index: index, today: try context.today())).render()
        if path == "-" {
            context.console.write(page)
            return History.status(found: true, problems: index.problems)
        }
        let absolute = path.hasPrefix("/") ? path : context.currentDirectory + "/" + path
        do {
            try AtomicFile.write(Array(page.utf8), to: absolute)
        } catch {
            throw CommandError(error.description)
        }
        context.console.error("wrote \(path)\n")
        return History.status(found: true, problems: index.problems)
    }
}

import CRMGit
import CRMInterchange
import CRMLocale
import CRMWorkflow
import CRMWorkspace

/// `crm complaints`: open complaints, most urgent first, with their age and deadline.
enum ComplaintsCommand {
    static let breached = Flag(["--breached"], help: "Only complaints past their deadline.")
    static let owner = Option<String>(["--owner"], value: "name", help: "Only this person's complaints; me for you.")
    static let format = FormatOption.rows

    static let spec = CommandSpec(
        name: "complaints",
        abstract: "Show open complaints by urgency",
        discussion: """
            Lists the complaints that are not resolved or rejected, with how long they have been open
            and how long is left before their deadline (due, which starts as the service level of the
            complaint type: critical 1 day, high 3, normal 10, low 30 by default), the furthest past
            it first. --breached keeps those past their deadline; crm check warns about them too. Exits
            with 1 when there are none.

            Examples:
              crm complaints
              crm complaints --breached --owner me
            """,
        options: [breached.spec, owner.spec, format.spec],
        run: run)

    static let columns = ["id", "opened", "age", "severity", "status", "owner", "due", "when", "customer", "subject"]

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let workspace = try context.workspace()
        let today = try context.today()
        guard let type = workspace.schema.type(named: "complaint") else {
            throw CommandError.noType("complaint")
        }
        let owner = try UserIdentity.ownerFilter(try invocation[self.owner], context: context)
        let index = WorkspaceIndex(workspace: workspace, types: workspace.schema.types.filter { ["complaint", "customer"].contains($0.name) })
        for problem in index.problems { context.report(problem) }
        guard let board = ComplaintBoard(index: index, type: type, today: today, breachedOnly: invocation[breached],
                                         owner: owner) else {
            throw CommandError("the complaint type has no workflow or service level", hint: "see `crm types complaint`")
        }
        let rows = board.entries.map { entry in row(entry, index: index, today: today) }
        // What scripts read is English whatever the language (`age`, `when`).
        let machineRows = Translation.current.language == .english ? rows
            : Translation.$current.withValue(.english) { board.entries.map { entry in row(entry, index: index, today: today) } }
        let status = History.status(found: !rows.isEmpty, problems: index.problems)
        let objects = zip(board.entries, machineRows).map { entry, row -> JSON in
            var members = zip(columns, row).map { (key: $0.0, value: JSON.string($0.1)) }
            members[columns.firstIndex(of: "customer")!] = (key: "customer", value: .string(entry.record["customer"]?.string ?? ""))
            members.append((key: "days-late", value: entry.daysLate.map(JSON.integer) ?? .null))
            return .object(members)
        }
        if !ScriptOutput.write(chosen, objects: objects, csv: (columns, machineRows), ids: board.entries.map(\.record.id), context: &context) {
            if rows.isEmpty {
                context.console.line(tr(invocation[breached] ? "no-breached-complaints" : "no-open-complaints"))
            } else {
                context.console.write(section(board, rows: rows).render(width: context.console.width, style: context.console.style))
            }
        }
        return status
    }

    /// The open complaints for people, most urgent first, with how many are past their deadline.
    static func section(_ board: ComplaintBoard, index: WorkspaceIndex, today: CivilDate) -> Section {
        section(board, rows: board.entries.map { entry in row(entry, index: index, today: today) })
    }

    private static func section(_ board: ComplaintBoard, rows: [[String]]) -> Section {
        let breached = board.entries.filter { $0.daysLate != nil }.count
        // On a narrow terminal the dates go first (age and when say the same), then the owner.
        let table = TableRenderer(headers: columns, rows: rows, optional: ["opened", "due", "owner"].compactMap(columns.firstIndex))
        return Section(title: tr("open-complaints"), table: table, count: rows.count,
                       summary: breached > 0 ? tr("past-deadline", count: breached) : nil)
    }

    private static func row(_ entry: ComplaintBoard.Entry, index: WorkspaceIndex, today: CivilDate) -> [String] {
        let record = entry.record
        func text(_ key: String) -> String { record[key]?.string ?? "" }
        let customer = index.record(text("customer")).map(index.title) ?? text("customer")
        return [record.id, text("opened"), RelativeDays.age(since: text("opened"), today: today), text("severity"), text("status"),
                text("owner"), entry.deadline?.description ?? "", entry.deadline.map { RelativeDays.due($0, today: today) } ?? "",
                customer, text("subject")]
    }
}

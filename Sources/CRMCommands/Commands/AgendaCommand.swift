import CRMGit
import CRMInterchange
import CRMLocale
import CRMWorkflow
import CRMWorkspace

/// `crm agenda`: what is overdue, due today and due in the next days.
enum AgendaCommand {
    static let owner = Option<String>(["--owner"], value: "name", help: "Only what this person owns (the call's by, the complaint's owner); me for you.")
    static let days = Option<Int>.number(["--days"], from: 0, help: "How many days ahead to look. (default: 7)")
    /// The rows' formats, and `ics`: the agenda as iCalendar tasks for a calendar to subscribe to.
    static let format = FormatOption([.table, .json, .jsonl, .csv, .ids, .ics])

    static let spec = CommandSpec(
        name: "agenda",
        abstract: "Show follow-ups and deadlines that are due",
        discussion: """
            Lists the follow-ups promised on calls and the deadlines of open complaints that are overdue,
            due today or due in the next --days days, overdue first. A follow-up is done when its call
            has follow-up-done (crm done ID) or a later call to the same customer exists; a complaint's
            deadline is done when the complaint is resolved or rejected.

            A customer or contact is due for contact when its latest call is older than its cadence:
            its contact-every (30d, 6w, 3m), else the cadence .crm/config.yaml gives its segment or a
            tag (a `cadence:` map of segments and tags to lengths, and `default`); an active customer
            without one: 90 days.

            --owner me is you: $CRM_USER, else git config crm.user, else your git e-mail's name. Exits
            with 1 when nothing is due. --format ics writes iCalendar tasks (VTODO) with stable UIDs
            for a calendar to subscribe to; what was done in the last 30 days is COMPLETED.

            Examples:
              crm agenda
              crm agenda --owner me --days 14
              crm agenda --format ics --days 30 > ~/agenda.ics
            """,
        options: [owner.spec, days.spec, format.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let days = try invocation[self.days] ?? 7
        let workspace = try context.workspace()
        let today = try context.today()
        let owner = try UserIdentity.ownerFilter(try invocation[self.owner], context: context)
        let index = WorkspaceIndex(workspace: workspace)
        for problem in index.problems { context.report(problem) }
        let agenda = Agenda(index: index, today: today, days: days, owner: owner)
        let status = History.status(found: !agenda.items.isEmpty, problems: index.problems)
        if chosen == .ics {
            let completed = Agenda.completed(index: index, today: today, since: today.adding(days: -30), until: today.adding(days: days))
            let calendar = AgendaCalendar.calendar(agenda.items, completed: owner.map { accepts in completed.filter { accepts($0.owner) } } ?? completed,
                                                   index: index, now: try context.now(), name: workspace.config.name)
            context.console.write(String(decoding: calendar.bytes(), as: UTF8.self))
            return ExitStatus.success
        }
        if ScriptOutput.write(chosen, objects: agenda.items.map { json($0, index: index) }, ids: agenda.items.map(\.record.id),
                              context: &context) {
            return status
        }
        let sections = sections(agenda, days: days, index: index, today: today)
        if sections.isEmpty {
            context.console.line(tr("nothing-due", count: days))
        }
        for (offset, section) in sections.enumerated() {
            if offset > 0 { context.console.line("") }
            context.console.write(section.render(width: context.console.width, style: context.console.style))
        }
        return status
    }

    /// The agenda for people: what is overdue, due today and due in the next `days` days, each
    /// a section (none when it is empty).
    static func sections(_ agenda: Agenda, days: Int, index: WorkspaceIndex, today: CivilDate) -> [Section] {
        [(tr("overdue"), agenda.overdue), (tr("due-today"), agenda.dueToday), (tr("next-days", count: days), agenda.upcoming)]
            .filter { !$0.1.isEmpty }
            .map { title, items in
                let rows = items.map { item in
                    [item.record.id, item.due.description, RelativeDays.due(item.due, today: today),
                     what(item), customerName(item, index: index), item.promise, item.owner]
                }
                let table = TableRenderer(headers: ["id", "due", "when", "what", "customer", "promised", "owner"], rows: rows, optional: [1, 6])
                return Section(title: title, table: table, count: items.count)
            }
    }

    /// What the item is, for people: a deadline by its record's type, `follow-up`, `in touch`.
    private static func what(_ item: Agenda.Item) -> String {
        let key = item.kind == .deadline ? "type_" + item.record.type : "agenda-" + item.kind.rawValue
        return Translation.current.text(key, default: item.what)
    }

    private static func customerName(_ item: Agenda.Item, index: WorkspaceIndex) -> String {
        guard let id = item.customer else { return "" }
        return index.record(id).map(index.title) ?? id
    }

    private static func json(_ item: Agenda.Item, index: WorkspaceIndex) -> JSON {
        .object([
            (key: "id", value: .string(item.record.id)), (key: "type", value: .string(item.record.type)),
            (key: "kind", value: .string(item.kind.rawValue)), (key: "due", value: .string(item.due.description)),
            (key: "days-late", value: .integer(item.daysLate)), (key: "customer", value: item.customer.map(JSON.string) ?? .null),
            (key: "customer-name", value: .string(customerName(item, index: index))), (key: "promised", value: .string(item.promise)),
            (key: "subject", value: .string(item.subject)), (key: "outcome", value: .string(item.outcome)),
            (key: "owner", value: .string(item.owner)), (key: "path", value: .string(item.record.path)),
        ])
    }
}

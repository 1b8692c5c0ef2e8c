import CRMLocale
import CRMQuery
import CRMTerminal
import CRMWorkflow
import CRMWorkspace

/// Builds `crm ui`'s pages from the workspace as it is on disk, with the same views as `crm
/// list`, `crm search`, `crm show`, `crm agenda`, `crm complaints` and `crm report`.
struct UIPages {
    let workspace: Workspace
    let index: WorkspaceIndex
    let today: CivilDate
    let style: Style
    /// The columns a page's lines may take.
    let width: Int
    let environment: [String: String]

    init(context: CommandContext, width: Int, style: Style) throws {
        workspace = try context.workspace()
        index = WorkspaceIndex(workspace: workspace)
        today = try context.today()
        self.style = style
        self.width = width
        environment = context.environment
    }

    /// The page `kind` as the workspace is now.
    func page(_ kind: UIPage.Kind) -> UIPage {
        switch kind {
        case .customers:
            let customers = index.records(ofType: "customer").map { (TextFold.fold(index.title(of: $0)), $0) }
                .sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }.map(\.1)
            guard let type = index.schema.type(named: "customer"), !customers.isEmpty else {
                return UIPage(kind: kind, title: tr("ui-customers"), lines: [tr("no-records", ["type": "customer"])], targets: [nil])
            }
            var table = RecordView(index: index, today: today, style: style, width: width).table(for: type, records: customers)
            table.keepsIdentifiers = true
            let text = table.render(width: width, style: style)
            return UIPage(kind: kind, title: tr("ui-customers") + " (\(customers.count))", text: text, candidates: customers.map(\.id))
        case .search(let query):
            let titles = Dictionary(index.schema.types.map { ($0.name, $0.title) }, uniquingKeysWith: { first, _ in first })
            let hits = Array(FullTextSearch.search(query, in: index.records, titles: titles).prefix(200))
            guard !hits.isEmpty else {
                return UIPage(kind: kind, title: "/" + query, lines: [tr("nothing-found-for", ["query": query])], targets: [nil])
            }
            var table = SearchCommand.table(hits, in: index.records, index: index, terms: FullTextSearch.words(in: query))
            table.keepsIdentifiers = true
            return UIPage(kind: kind, title: "/" + query + " (\(hits.count))", text: table.render(width: width, style: style),
                          candidates: hits.map { index.records[$0.record].id })
        case .record(let id):
            guard let record = index.record(id) else {
                return UIPage(kind: kind, title: id, lines: [tr("no-such-record", ["word": id])], targets: [nil])
            }
            var view = RecordView(index: index, today: today, style: style, width: width)
            view.keepsIdentifiers = true
            var page = UIPage(kind: kind, title: index.title(of: record), text: view.render(record),
                              candidates: [id] + index.referrers(of: record).map(\.id) + references(of: record))
            if !page.targets.isEmpty { page.targets[0] = .record(id) }
            return page
        case .agenda:
            let agenda = Agenda(index: index, today: today, days: 7)
            let sections = AgendaCommand.sections(agenda, days: 7, index: index, today: today)
            let text = sections.isEmpty ? tr("nothing-due", count: 7)
                : sections.map { Self.keepingIdentifiers($0).render(width: width, style: style) }.joined(separator: "\n")
            return UIPage(kind: kind, title: tr("ui-agenda"), text: text, candidates: agenda.items.map(\.record.id))
        case .complaints:
            guard let type = index.schema.type(named: "complaint"),
                  let board = ComplaintBoard(index: index, type: type, today: today, breachedOnly: false, owner: nil) else {
                return UIPage(kind: kind, title: tr("open-complaints"), lines: [tr("no-open-complaints")], targets: [nil])
            }
            let text = board.entries.isEmpty ? tr("no-open-complaints")
                : Self.keepingIdentifiers(ComplaintsCommand.section(board, index: index, today: today)).render(width: width, style: style)
            return UIPage(kind: kind, title: tr("open-complaints"), text: text, candidates: board.entries.map(\.record.id))
        case .reports:
            let reports = SavedReport.all(in: workspace).reports
            let table = TableRenderer(headers: ["report", "type", "title"], rows: reports.map { [$0.name, $0.type, $0.title] })
            var page = UIPage(kind: kind, title: tr("ui-reports"), text: table.render(width: width, style: style), candidates: [])
            let names = Set(reports.map(\.name))
            page.targets = page.lines.map { line in
                StyledText.plain(line).split(separator: " ").first.map(String.init).flatMap { names.contains($0) ? .report($0) : nil }
            }
            return page
        case .report(let name):
            return report(name)
        case .keys:
            let lines = UIState.keys.map { keys, what in "  " + TerminalText.padded(keys, to: 16) + tr(what) }
            return UIPage(kind: kind, title: tr("ui-keys"), lines: lines, targets: lines.map { _ in nil })
        }
    }

    private static func keepingIdentifiers(_ section: Section) -> Section {
        var section = section
        section.table.keepsIdentifiers = true
        return section
    }

    /// The records `record` refers to in its own fields (a contact's customer).
    private func references(of record: Record) -> [String] {
        guard let type = index.schema.type(named: record.type) else { return [] }
        return type.fields.filter { $0.kind.referencedType != nil }.compactMap { record[$0.key]?.string }.filter { index.record($0) != nil }
    }

    /// A saved report's table, as `crm report NAME` prints it.
    private func report(_ name: String) -> UIPage {
        guard let report = SavedReport.all(in: workspace).reports.first(where: { $0.name == name }) else {
            return UIPage(kind: .report(name), title: name, lines: [tr("no-such-record", ["word": name])], targets: [nil])
        }
        var context = CommandContext(console: .memory(terminalWidth: width, color: style.enabled), environment: environment,
                                     currentDirectory: workspace.root)
        let text: String
        do {
            let compiled = try report.compile(schema: workspace.schema, today: today, from: nil, to: nil)
            _ = ReportCommand.present(report, compiled, saved: true, format: .table, workspace: workspace, context: &context)
            text = context.console.output
        } catch {
            text = "\(report.name): \(error.error.message)"
        }
        return UIPage(kind: .report(name), title: report.title, text: text, candidates: [])
    }
}

import CRMQuery
import CRMSyntax
import CRMWorkspace

/// The figures, charts and tables of `crm dashboard`, computed from the index: what is open,
/// what is late, what is owed, what is coming in, and how the last year went.
public struct Dashboard: Sendable {
    /// A key figure: `Open complaints 11 · 6 past their deadline`.
    public struct Figure: Sendable, Hashable {
        public var label: String
        public var value: String
        public var note: String?
        /// True when the note is bad news.
        public var alarming: Bool
    }

    /// A chart's data: labels along one axis and one or more series of values.
    public struct Chart: Sendable {
        public enum Style: Sendable { case bars, lines }

        public var title: String
        public var style: Style
        public var labels: [String]
        public var series: [(name: String, values: [Double])]
        /// How values are written (`Money.format` for amounts).
        public var money: Bool
    }

    /// A table: headers and rows of text.
    public struct Table: Sendable {
        public var title: String
        public var headers: [String]
        public var rows: [[String]]
        /// Columns holding numbers, aligned right.
        public var numeric: Set<Int>
        /// How many rows there were before the first ones were taken.
        public var total: Int
    }

    public let title: String
    public let today: CivilDate
    public private(set) var figures: [Figure] = []
    public private(set) var charts: [Chart] = []
    public private(set) var tables: [Table] = []

    /// Rows a table shows at most.
    static let tableRows = 12

    public init(workspace: Workspace, index: WorkspaceIndex, today: CivilDate) {
        title = workspace.config.name
        self.today = today
        let cadence = ContactCadence(schema: index.schema)
        let agenda = Agenda(index: index, today: today, days: 7)
        if let type = index.schema.type(named: "complaint"), let board = ComplaintBoard(index: index, type: type, today: today) {
            let late = board.entries.filter { $0.daysLate != nil }.count
            figures.append(Figure(label: "Open complaints", value: String(board.entries.count),
                                  note: late > 0 ? "\(late) past their deadline" : "all within their deadline", alarming: late > 0))
            tables.append(table("Open complaints, most urgent first", headers: ["complaint", "customer", "severity", "status", "due", "owner"],
                                rows: board.entries.map { entry in
                                    let record = entry.record
                                    return [index.title(of: record), customerName(record, index), text(record, "severity"),
                                            text(record, "status"), entry.deadline.map { due($0) } ?? "", text(record, "owner")]
                                }))
            charts.append(complaintsPerMonth(index: index, lifecycle: board.lifecycle))
        }
        func followUps(_ items: [Agenda.Item]) -> Int { items.filter { $0.kind == .followUp }.count }
        figures.append(Figure(label: "Follow-ups overdue", value: String(followUps(agenda.overdue)),
                              note: "\(followUps(agenda.dueToday)) today, \(followUps(agenda.upcoming)) more this week",
                              alarming: followUps(agenda.overdue) > 0))
        tables.insert(table("Agenda: overdue, today and this week", headers: ["due", "what", "customer", "promised", "owner"],
                            rows: agenda.items.map { item in
                                [due(item.due), item.what,
                                 item.customer.flatMap { index.record($0) }.map(index.title) ?? "", item.promise, item.owner]
                            }), at: 0)
        unpaidInvoices(index: index)
        if index.schema.type(named: "deal") != nil { pipeline(index: index) }
        if index.schema.type(named: "call") != nil { callsPerChannel(index: index) }
        customers(index: index, cadence: cadence)
    }

    private mutating func unpaidInvoices(index: WorkspaceIndex) {
        guard index.schema.type(named: "invoice") != nil else { return }
        var owed: [String: Double] = [:]
        var overdue: [String: Double] = [:]
        var rows: [(customer: String, currency: String, amount: Double, late: Double, count: Int)] = []
        var byCustomer: [String: Int] = [:]
        for position in index.positions(ofType: "invoice") {
            let invoice = index.records[position]
            guard invoice["paid"]?.isEmpty ?? true else { continue }
            let currency = Currency.of(invoice, default: index.schema.currency)
            let amount = InvoiceBalance.outstanding(invoice)
            let isLate = CivilDate(text(invoice, "due")).map { $0 < today } ?? false
            owed[currency, default: 0] += amount
            if isLate { overdue[currency, default: 0] += amount }
            let key = customerName(invoice, index) + "\u{0}" + currency
            if let row = byCustomer[key] {
                rows[row].amount += amount
                rows[row].late += isLate ? amount : 0
                rows[row].count += 1
            } else {
                byCustomer[key] = rows.count
                rows.append((customerName(invoice, index), currency, amount, isLate ? amount : 0, 1))
            }
        }
        func total(_ amounts: [String: Double]) -> String {
            amounts.isEmpty ? "0" : amounts.sorted { $0.key < $1.key }.map { "\(Money.format($0.value)) \($0.key)" }.joined(separator: " + ")
        }
        figures.append(Figure(label: "Unpaid invoices", value: total(owed),
                              note: overdue.isEmpty ? "none overdue" : "\(total(overdue)) overdue", alarming: !overdue.isEmpty))
        tables.append(table("Unpaid invoices by customer", headers: ["customer", "invoices", "owed", "overdue"],
                            rows: rows.sorted { ($1.late, $1.amount) < ($0.late, $0.amount) }.map { row in
                                [row.customer, String(row.count), "\(Money.format(row.amount)) \(row.currency)",
                                 row.late > 0 ? "\(Money.format(row.late)) \(row.currency)" : ""]
                            }, numeric: [1, 2, 3]))
    }

    private mutating func pipeline(index: WorkspaceIndex) {
        guard let table = run(SavedReport(name: "pipeline", title: "", type: "deal", groups: ["stage"],
                                          measures: ["count", "sum(value)", "sum(value * probability / 100)"],
                                          condition: "stage not in (won, lost)"), index: index) else { return }
        // Deals that name their currency are totalled per currency, never added across them.
        let totals = table.totals.isEmpty ? [Report.Row(keys: [index.schema.currency], values: table.total)] : table.totals
        func amounts(_ measure: Int) -> String {
            totals.map { "\(Money.format($0.values[measure] ?? 0)) \($0.keys[0])" }.joined(separator: " + ")
        }
        let count = totals.reduce(0) { $0 + Int($1.values[0] ?? 0) }
        figures.append(Figure(label: "Open pipeline, weighted", value: amounts(2),
                              note: "\(count) deals worth \(amounts(1))", alarming: false))
        charts.append(Chart(title: "Pipeline by stage (weighted value)", style: .bars, labels: table.rows.map { $0.keys.joined(separator: " ") },
                            series: [("weighted", table.rows.map { $0.values[2] ?? 0 })], money: true))
    }

    private mutating func callsPerChannel(index: WorkspaceIndex) {
        guard let table = run(SavedReport(name: "calls", title: "", type: "call", groups: ["channel"], condition: "at >= -12m"),
                              index: index) else { return }
        let rows = table.rows.sorted { ($1.values[0] ?? 0, $0.keys[0]) < ($0.values[0] ?? 0, $1.keys[0]) }
        charts.append(Chart(title: "Calls per channel, last 12 months", style: .bars, labels: rows.map { $0.keys[0] },
                            series: [("calls", rows.map { $0.values[0] ?? 0 })], money: false))
    }

    /// Active customers, and how many customers are due for contact by their cadence: the
    /// same customers as `crm report stale-customers` (a prospect with `contact-every` too).
    private mutating func customers(index: WorkspaceIndex, cadence: ContactCadence) {
        guard index.schema.type(named: "customer") != nil else { return }
        let customers = index.positions(ofType: "customer")
        let active = customers.filter { index.records[$0]["status"]?.string == "active" }
        let due = customers.filter { position in cadence.due(at: position, in: index, today: today).map { $0.due <= today } ?? false }.count
        figures.append(Figure(label: "Active customers", value: String(active.count),
                              note: due > 0 ? "\(due) due for contact" : "all in touch as often as agreed", alarming: due > 0))
    }

    /// Complaints opened and closed in each of the last 12 months.
    private func complaintsPerMonth(index: WorkspaceIndex, lifecycle: Lifecycle) -> Chart {
        let months = (0..<12).reversed().map { today.adding(months: -$0) }.map { String($0.description.prefix(7)) }
        var opened = [Double](repeating: 0, count: 12)
        var closed = [Double](repeating: 0, count: 12)
        for position in index.positions(ofType: lifecycle.type.name) {
            let record = index.records[position]
            if let month = months.firstIndex(of: String(text(record, "opened").prefix(7))) { opened[month] += 1 }
            if let stamp = lifecycle.workflow?.closingStamp, let month = months.firstIndex(of: String(text(record, stamp).prefix(7))) {
                closed[month] += 1
            }
        }
        return Chart(title: "Complaints per month", style: .lines, labels: months, series: [("opened", opened), ("closed", closed)],
                     money: false)
    }

    private func run(_ report: SavedReport, index: WorkspaceIndex) -> Report.Table? {
        (try? report.compile(schema: index.schema, today: today))?.run(in: index)
    }

    private func table(_ title: String, headers: [String], rows: [[String]], numeric: Set<Int> = []) -> Table {
        Table(title: title, headers: headers, rows: Array(rows.prefix(Self.tableRows)), numeric: numeric, total: rows.count)
    }

    private func text(_ record: Record, _ key: String) -> String {
        record[key]?.string ?? ""
    }

    private func customerName(_ record: Record, _ index: WorkspaceIndex) -> String {
        let id = text(record, "customer")
        return index.record(id).map(index.title) ?? id
    }

    /// `2026-11-14 (8 days late)`, `2026-11-25 (in 3 days)`.
    private func due(_ date: CivilDate) -> String {
        let days = today.days(to: date)
        let when = days < 0 ? "\(-days) \(-days == 1 ? "day" : "days") late" : days == 0 ? "today" : "in \(days) \(days == 1 ? "day" : "days")"
        return "\(date) (\(when))"
    }
}

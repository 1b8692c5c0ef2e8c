import CRMQuery
import CRMSyntax
import CRMWorkflow
import CRMWorkspace

/// What a customer's `crm show` adds to its fields: who to talk to, what is wrong, what is owed,
/// what was promised and what was said last, built from the records that refer to it.
struct CustomerPicture {
    let index: WorkspaceIndex
    let today: CivilDate

    /// Shown in "Latest calls".
    static let latestCalls = 10

    func sections(for customer: Record, referrers: [Record]) -> [Section] {
        var sections: [Section] = []
        let contacts = referrers.filter { $0.type == "contact" }
        if !contacts.isEmpty {
            sections.append(Section(title: "Contacts", table: TableRenderer(
                headers: ["id", "name", "role", "email", "phone"],
                rows: contacts.map { [$0.id, text($0, "name"), text($0, "role"), text($0, "email"), text($0, "phone")] }),
                count: contacts.count))
        }
        let lifecycle = index.schema.type(named: "complaint").flatMap(Lifecycle.init)
        let complaints = referrers.filter { $0.type == "complaint" && !(lifecycle?.isClosed($0.fields) ?? false) }
            .sorted { text($0, "opened") > text($1, "opened") }
        if !complaints.isEmpty {
            sections.append(Section(title: "Open complaints", table: TableRenderer(
                headers: ["id", "opened", "age", "severity", "status", "due", "subject"],
                rows: complaints.map { complaint in
                    [complaint.id, text(complaint, "opened"), RelativeDays.age(since: text(complaint, "opened"), today: today),
                     text(complaint, "severity"), text(complaint, "status"), RelativeDays.due(text(complaint, "due"), today: today),
                     text(complaint, "subject")]
                }), count: complaints.count))
        }
        if let invoices = unpaidInvoices(referrers) { sections.append(invoices) }
        let calls = referrers.filter { $0.type == "call" }.sorted { moment($0) > moment($1) }
        let followUps = calls.filter { Agenda.followUpIsPending($0, in: index) }.sorted { text($0, "follow-up") < text($1, "follow-up") }
        if !followUps.isEmpty {
            sections.append(Section(title: "Follow-ups", table: TableRenderer(
                headers: ["id", "follow-up", "when", "by", "subject"],
                rows: followUps.map { call in
                    [call.id, text(call, "follow-up"), RelativeDays.due(text(call, "follow-up"), today: today), text(call, "by"),
                     text(call, "subject")]
                }), count: followUps.count))
        }
        if !calls.isEmpty {
            let shown = calls.prefix(Self.latestCalls)
            sections.append(Section(title: "Latest calls", table: TableRenderer(
                headers: ["id", "at", "channel", "direction", "by", "subject"],
                rows: shown.map { [$0.id, text($0, "at"), text($0, "channel"), text($0, "direction"), text($0, "by"), text($0, "subject")] }),
                count: calls.count, summary: calls.count > shown.count ? "newest \(shown.count) shown" : nil))
        }
        let shownTypes: Set<String> = ["contact", "complaint", "call", "invoice"]
        for type in index.schema.types where !shownTypes.contains(type.name) {
            let records = referrers.filter { $0.type == type.name }
            if records.isEmpty { continue }
            let view = RecordView(index: index, today: today, style: Style(enabled: false), width: nil)
            sections.append(Section(title: type.name.capitalizedFirst + "s",
                                    table: view.table(for: type, records: records, referred: customer.type),
                                    count: records.count))
        }
        return sections
    }

    /// Invoices without a `paid` date, oldest due first, with totals per currency.
    private func unpaidInvoices(_ referrers: [Record]) -> Section? {
        let unpaid = referrers.filter { $0.type == "invoice" && text($0, "paid").isEmpty }
            .sorted { text($0, "due") < text($1, "due") }
        guard !unpaid.isEmpty else { return nil }
        var totals: [String: Double] = [:]
        var overdue = 0
        for invoice in unpaid {
            totals[currency(invoice), default: 0] += Number(text(invoice, "amount"))?.value ?? 0
            if let date = CivilDate(text(invoice, "due")), date < today { overdue += 1 }
        }
        var summary = totals.sorted { $0.key < $1.key }.map { "\(Money.format($0.value)) \($0.key)" }.joined(separator: " + ")
        if overdue > 0 { summary += ", \(overdue) overdue" }
        return Section(title: "Unpaid invoices", table: TableRenderer(
            headers: ["id", "number", "issued", "due", "when", "amount"],
            rows: zip(unpaid, NumberColumn.format(cells: unpaid.map { [text($0, "amount") + " " + currency($0)] }, money: true)).map { invoice, amount in
                [invoice.id, text(invoice, "number"), text(invoice, "issued"), text(invoice, "due"),
                 RelativeDays.due(text(invoice, "due"), today: today), amount]
            }, rightAligned: [5]), count: unpaid.count, summary: summary)
    }

    private func currency(_ invoice: Record) -> String {
        Currency.of(invoice, default: index.schema.currency)
    }

    private func text(_ record: Record, _ key: String) -> String {
        record.string(key) ?? ""
    }

    private func moment(_ call: Record) -> Int {
        CivilDateTime(text(call, "at"))?.instant ?? CivilDate(text(call, "at")).map { $0.dayNumber * 86_400 } ?? 0
    }
}

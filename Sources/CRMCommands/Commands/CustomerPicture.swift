import CRMLocale
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

    /// The sections for `customer`, with the newest `calls` calls (all when `nil`).
    func sections(for customer: Record, calls limit: Int? = Self.latestCalls) -> [Section] {
        let overview = CustomerOverview(customer: customer, index: index, today: today)
        var sections: [Section] = []
        if !overview.contacts.isEmpty {
            sections.append(Section(title: tr("contacts"), table: TableRenderer(
                headers: ["id", "name", "role", "email", "phone"],
                rows: overview.contacts.map { [$0.id, text($0, "name"), text($0, "role"), text($0, "email"), text($0, "phone")] }),
                count: overview.contacts.count))
        }
        if !overview.openComplaints.isEmpty {
            sections.append(Section(title: tr("open-complaints"), table: TableRenderer(
                headers: ["id", "opened", "age", "severity", "status", "due", "subject"],
                rows: overview.openComplaints.map { complaint in
                    [complaint.id, text(complaint, "opened"), RelativeDays.age(since: text(complaint, "opened"), today: today),
                     text(complaint, "severity"), text(complaint, "status"), RelativeDays.due(text(complaint, "due"), today: today),
                     text(complaint, "subject")]
                }), count: overview.openComplaints.count))
        }
        if let invoices = unpaidInvoices(overview) { sections.append(invoices) }
        if !overview.followUps.isEmpty {
            sections.append(Section(title: tr("follow-ups"), table: TableRenderer(
                headers: ["id", "follow-up", "when", "by", "subject"],
                rows: overview.followUps.map { call in
                    [call.id, text(call, "follow-up"), RelativeDays.due(text(call, "follow-up"), today: today), text(call, "by"),
                     text(call, "subject")]
                }), count: overview.followUps.count))
        }
        if !overview.calls.isEmpty {
            let shown = overview.calls.prefix(limit ?? overview.calls.count)
            sections.append(Section(title: limit == nil ? tr("calls") : tr("latest-calls"), table: TableRenderer(
                headers: ["id", "at", "channel", "direction", "by", "subject"],
                rows: shown.map { call in
                    // A reply (an e-mail's in-reply-to) is marked, so a thread reads as one.
                    let reply = call["in-reply-to"]?.isEmpty == false ? "↳ " : ""
                    return [call.id, text(call, "at"), text(call, "channel"), text(call, "direction"), text(call, "by"), reply + text(call, "subject")]
                }),
                count: overview.calls.count,
                summary: overview.calls.count > shown.count ? tr("newest-shown", count: shown.count) : nil))
        }
        for (type, records) in overview.others {
            let view = RecordView(index: index, today: today, style: Style(enabled: false), width: nil)
            sections.append(Section(title: Translation.current.text("section_" + type.folder, default: type.name.capitalizedFirst + "s"),
                                    table: view.table(for: type, records: records, referred: customer.type),
                                    count: records.count))
        }
        return sections
    }

    /// Invoices without a `paid` date, oldest due first, with totals per currency.
    private func unpaidInvoices(_ overview: CustomerOverview) -> Section? {
        let unpaid = overview.unpaidInvoices
        guard !unpaid.isEmpty else { return nil }
        let translation = Translation.current
        var summary = overview.owed.map { translation.money(Money.format($0.amount), currency: $0.currency) }.joined(separator: " + ")
        if overview.overdueInvoices > 0 { summary += ", " + tr("overdue-count", count: overview.overdueInvoices) }
        let amounts = NumberColumn.format(cells: unpaid.map { [Number.text(InvoiceBalance.outstanding($0)) + " " + currency($0)] },
                                          money: true)
        return Section(title: tr("unpaid-invoices"), table: TableRenderer(
            headers: ["id", "number", "issued", "due", "when", "to pay"],
            rows: zip(unpaid, amounts).map { invoice, amount in
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
}

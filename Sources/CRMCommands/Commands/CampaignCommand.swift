import CRMInterchange
import CRMQuery
import CRMWorkflow
import CRMWorkspace
import CRMTerminal

/// `crm campaign select --offer NAME`: who an offer may go to, honouring every opt-out.
enum CampaignCommand {
    static let actions = ["select"]
    static let offer = Option<String>(["--offer"], value: "name", help: "The offer or campaign; customers who opted out of it are left out.")
    static let condition = Option<String>(["--where"], value: "expr", help: "Only customers that meet this condition.")
    static let format = FormatOption.rows

    static let spec = CommandSpec(
        name: "campaign",
        abstract: "Select the customers and contacts an offer may go to",
        discussion: """
            `crm campaign select --offer NAME` lists the customers that meet --where with their
            contacts (or the customer itself when it has none), one row per person. Customers who
            opted out of the offer or of all contact (their opt-outs field) and customers who declined
            it on a call (outcome declined:NAME) are left out; standard error says how many and why.
            Record an opt-out with `crm set CUSTOMER --opt-out NAME`. Exits with 1 when nobody is left.

            Examples:
              crm campaign select --offer newsletter --where 'status = active'
              crm campaign select --offer servis-smlouva --where 'segment = smb and address.city = brno' --format csv
            """,
        arguments: [ArgumentSpec("action", help: "select.", completion: .choices(actions))],
        options: [offer.spec, condition.spec, format.spec],
        run: run)

    static let columns = ["customer", "customer-name", "contact", "name", "email", "phone"]

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let action = invocation.arguments[0]
        guard actions.contains(action) else {
            throw UsageError("unknown action '\(action)' for 'crm campaign'; expected select", command: spec)
        }
        let chosen = try invocation.format(format)
        guard let offer = try invocation[self.offer], !offer.trimmingWhitespace().isEmpty else {
            throw UsageError("missing '--offer <name>': opt-outs are per offer", command: spec)
        }
        let workspace = try context.workspace()
        let today = try context.today()
        guard let customerType = workspace.schema.type(named: "customer") else {
            throw CommandError.noType("customer")
        }
        let query = try invocation[condition].map { text throws(CommandError) in
            try RecordPresentation.query(text, type: customerType, workspace: workspace, today: today, context: context)
        }
        let index = WorkspaceIndex(workspace: workspace)
        for problem in index.problems { context.report(problem) }
        let candidates = index.positions(ofType: "customer")
        let campaign = Campaign(offer: offer, positions: query.map { $0.filter(candidates, in: index) } ?? candidates, index: index)
        let rows = campaign.recipients.map { recipient in
            [recipient.customer.id, index.title(of: recipient.customer), recipient.contact?.id ?? "", recipient.name,
             recipient.email, recipient.phone]
        }
        let recipients = rows.map { row in JSON.object(zip(columns, row).map { (key: $0.0, value: JSON.string($0.1)) }) }
        let document = JSON.object([
            (key: "offer", value: .string(offer)),
            (key: "recipients", value: .array(recipients)),
            (key: "excluded", value: .array(campaign.exclusions.map { exclusion in
                .object([(key: "customer", value: .string(exclusion.customer.id)), (key: "reason", value: .string(exclusion.reason))])
            })),
        ])
        if !ScriptOutput.write(chosen, objects: recipients, document: document, csv: (columns, rows),
                               ids: rows.map { $0[2].isEmpty ? $0[0] : $0[2] }, context: &context) {
            if !rows.isEmpty {
                context.console.write(TableRenderer(headers: columns, rows: rows)
                    .render(width: context.console.width, style: context.console.style))
            }
        }
        var summary = "\(plural(campaign.customers, "customer")), \(plural(rows.count, "recipient")) for \(offer)"
        if !campaign.exclusions.isEmpty {
            summary += "; \(campaign.exclusions.count) excluded: "
                + campaign.exclusionCounts.map { "\($0.count) \($0.reason)" }.joined(separator: ", ")
        }
        context.console.error(summary + "\n")
        for exclusion in campaign.exclusions {
            context.console.error("  excluded \(exclusion.customer.id): \(TerminalText.escaped(exclusion.reason))\n")
        }
        return History.status(found: !rows.isEmpty, problems: index.problems)
    }
}

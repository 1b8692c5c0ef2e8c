/// The reports every workspace starts with: `crm init` writes those whose type it writes into
/// `.crm/reports/`, where a team copies and changes them; a workspace without that folder
/// gets them all. sample-workspace holds the same files.
public enum BuiltinReports {
    /// Report name, its record type and its file text.
    public static let files: [(name: String, type: String, text: String)] = [
        ("complaints", "complaint", """
            title: Complaints by status and severity
            description: How many complaints are in each state, and how many days closing them took (median)
            type: complaint
            by: [status, severity]
            measures:
              - count
              - median(days(opened, closed)) as median days to close
            date: opened

            """),
        ("service-levels", "complaint", """
            title: Service-level compliance per month
            description: Complaints closed each month, and the share closed by their deadline
            type: complaint
            where: has closed
            per: month closed
            measures:
              - count as closed
              - percent(closed <= due) as on time %
              - median(days(opened, closed)) as median days
            date: closed

            """),
        ("calls-per-channel", "call", """
            title: Calls per channel per week
            description: Every contact with customers, by channel, over the last 13 weeks unless --from says otherwise
            type: call
            by: [channel]
            per: week at
            from: -13w

            """),
        ("stale-customers", "customer", """
            title: Customers due for contact, by owner
            description: Customers whose latest call is older than their cadence; crm list @stale-customers names them
            type: customer
            where: next-contact <= today
            by: [owner]
            measures:
              - count as customers

            """),
        ("unpaid-invoices", "invoice", """
            title: Unpaid and overdue invoices by customer
            description: What each customer owes, and how much of it is past due
            type: invoice
            where: not has paid
            by: [customer, currency]
            measures:
              - count as invoices
              - sum(amount) as owed
              - count(where due < today) as overdue
              - sum(amount where due < today) as overdue amount
            date: issued

            """),
        ("pipeline", "deal", """
            title: Deal pipeline by stage
            description: Open deals by stage, with their value and their value weighted by probability
            type: deal
            where: stage not in (won, lost)
            by: [stage]
            measures:
              - count as deals
              - sum(value) as value
              - sum(value * probability / 100) as weighted
            date: close-date

            """),
        ("customers", "customer", """
            title: Customers by segment and status
            type: customer
            by: [segment, status]
            date: created

            """),
    ]
}

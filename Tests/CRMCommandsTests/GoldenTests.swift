import Foundation
import Testing

/// A command line whose whole output is kept as a golden file in `Golden/NAME.txt`.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let name: String
    let arguments: [String]
    var terminalWidth: Int?
    var environment: [String: String] = [:]

    init(_ name: String, _ arguments: [String], terminalWidth: Int? = nil, environment: [String: String] = [:]) {
        self.name = name
        self.arguments = arguments
        self.terminalWidth = terminalWidth
        self.environment = environment
    }

    var testDescription: String { name }
}

let goldenCases: [GoldenCase] = [
    GoldenCase("help", ["help"]),
    GoldenCase("help-list", ["help", "list"]),
    GoldenCase("list-help", ["list", "--help"]),
    GoldenCase("version", ["--version"]),
    GoldenCase("unknown-command", ["lsit", "customer"]),
    GoldenCase("unknown-option", ["list", "customer", "--lmit", "3"]),
    GoldenCase("missing-argument", ["list"]),
    GoldenCase("bad-format", ["list", "customer", "--format", "xml"]),
    GoldenCase("bad-limit", ["list", "customer", "--limit", "zero"]),
    GoldenCase("list-customer", ["list", "customer"]),
    GoldenCase("list-customer-terminal", ["list", "customer", "--sort", "owner,name"], terminalWidth: 80),
    GoldenCase("list-customer-json", ["list", "customer", "--limit", "2", "--format", "json"]),
    GoldenCase("list-call-jsonl", ["list", "call", "--limit", "3", "--format", "jsonl"]),
    GoldenCase("list-contact-csv", ["list", "contact", "--fields", "name,customer,customer.status,customer.city", "--format", "csv"]),
    GoldenCase("list-complaint-ids", ["list", "complaint", "--format", "ids"]),
    GoldenCase("list-complaint-sorted", ["list", "complaint", "--sort", "-severity,opened", "--fields", "opened,severity,status,subject"]),
    GoldenCase("list-invoice-paths", ["list", "invoices", "--sort", "-amount", "--limit", "5", "--format", "paths"]),
    GoldenCase("list-unknown-type", ["list", "custmer"]),
    GoldenCase("list-unknown-field", ["list", "contact", "--fields", "name,customer.nmae"]),
    GoldenCase("list-where", ["list", "complaint", "--where", "status in (open, in-progress) and severity >= high"]),
    GoldenCase("list-where-join", ["list", "call", "--where", "customer.city = plzen and at in last-month", "--fields", "at,customer,customer.city,subject"]),
    GoldenCase("list-where-aggregate", ["list", "customer", "--where", "count(complaints where status = open) > 0",
                                        "--fields", "name,count(complaints),sum(invoices.amount where not has paid)", "--sort", "-count(complaints),name"]),
    GoldenCase("list-where-error", ["list", "complaint", "--where", "status = open and severity >= hihg"]),
    GoldenCase("list-where-unbalanced", ["list", "call", "--where", "(channel = phone or channel = email"]),
    GoldenCase("queries", ["queries"]),
    GoldenCase("query-open-complaints", ["list", "@open-complaints-by-age"]),
    GoldenCase("query-stale-customers", ["list", "@stale-customers"]),
    GoldenCase("query-unpaid-invoices", ["list", "@unpaid-invoices", "--where", "due < today", "--format", "csv"]),
    GoldenCase("query-overdue-follow-ups", ["list", "@overdue-follow-ups", "--limit", "5"]),
    GoldenCase("query-unknown", ["list", "@stale"]),
    GoldenCase("report-status-severity", ["report", "complaint", "--by", "status,severity"]),
    GoldenCase("report-calls-per-month", ["report", "call", "--by", "channel", "--per", "month", "at", "--where", "at in this-year"]),
    GoldenCase("report-deals", ["report", "deal", "--by", "stage", "--sum", "value", "--avg", "probability"]),
    // Money in two currencies: grouped and totalled per currency, one number format per column.
    GoldenCase("report-currencies", ["report", "invoice", "--by", "customer.segment", "--sum", "amount", "--count"]),
    GoldenCase("report-currencies-json", ["report", "invoice", "--by", "customer.segment", "--sum", "amount", "--format", "json"]),
    GoldenCase("list-money-currencies", ["list", "customer", "--where", "sum(invoices.amount where currency = EUR) > 0 or name ~ ^Škoda",
                                         "--fields", "name,sum(invoices.amount)", "--sort", "-sum(invoices.amount)"]),
    GoldenCase("report-empty-periods", ["report", "invoice", "--per", "month", "issued", "--where", "currency = EUR", "--sum", "amount"]),
    // Records named by their names where an id is expected.
    GoldenCase("show-by-name", ["show", "strojírny novák s.r.o.", "--format", "json"]),
    GoldenCase("show-suggests-names", ["show", "novak"]),
    GoldenCase("show-ambiguous-prefix", ["show", "2026-11-0"]),
    GoldenCase("report-json", ["report", "invoice", "--by", "currency", "--sum", "amount", "--where", "not has paid", "--format", "json"]),
    GoldenCase("report-csv", ["report", "call", "--per", "quarter", "at", "--format", "csv"]),
    GoldenCase("reports", ["report"]),
    GoldenCase("report-complaints", ["report", "complaints"]),
    GoldenCase("report-service-levels", ["report", "service-levels"]),
    GoldenCase("report-calls-per-channel", ["report", "calls-per-channel"]),
    GoldenCase("report-stale-customers", ["report", "stale-customers"]),
    GoldenCase("report-unpaid-invoices", ["report", "unpaid-invoices"]),
    GoldenCase("report-pipeline", ["report", "pipeline"]),
    GoldenCase("report-customers", ["report", "customers"]),
    GoldenCase("report-named-json", ["report", "service-levels", "--from", "2026-05", "--format", "json"]),
    GoldenCase("report-named-csv", ["report", "pipeline", "--where", "customer.segment = smb", "--format", "csv"]),
    GoldenCase("report-measure", ["report", "complaint", "--by", "severity", "--measure", "median(days(opened, closed)) as days",
                                  "--measure", "percent(closed <= due) as on time %"]),
    GoldenCase("report-bad-measure", ["report", "deal", "--by", "stage", "--measure", "sum(value * probabilty / 100)"]),
    GoldenCase("report-unknown", ["report", "pipelin"]),
    GoldenCase("report-option-for-type", ["report", "pipeline", "--by", "stage"]),
    GoldenCase("agenda", ["agenda"]),
    GoldenCase("agenda-owner", ["agenda", "--owner", "me", "--days", "14"], environment: ["CRM_USER": "lucie"]),
    GoldenCase("agenda-json", ["agenda", "--days", "0", "--format", "json"]),
    GoldenCase("complaints", ["complaints"]),
    GoldenCase("complaints-breached-csv", ["complaints", "--breached", "--owner", "martin", "--format", "csv"]),
    GoldenCase("campaign", ["campaign", "select", "--offer", "newsletter", "--where", "segment = smb and status = active"]),
    GoldenCase("campaign-declined", ["campaign", "select", "--offer", "extended-warranty", "--format", "csv"]),
    GoldenCase("campaign-json", ["campaign", "select", "--offer", "servis-smlouva", "--where", "address.city = plzen", "--format", "json"]),
    GoldenCase("campaign-no-offer", ["campaign", "select"]),
    GoldenCase("search-where", ["search", "servis", "--type", "call", "--where", "channel = phone", "--limit", "3"]),
    GoldenCase("show-customer", ["show", "skoda-transport"]),
    GoldenCase("show-call-json", ["show", "--format", "json", "skoda-transport"]),
    GoldenCase("show-yaml", ["show", "skoda-transport", "--format", "yaml"]),
    GoldenCase("show-unknown", ["show", "skodovka"]),
    GoldenCase("search", ["search", "faktura"]),
    GoldenCase("search-diacritics", ["search", "PLZEN", "--type", "customer"]),
    GoldenCase("search-json", ["search", "reklamace", "--limit", "2", "--format", "json"]),
    GoldenCase("search-nothing", ["search", "xyzzy"]),
    GoldenCase("check-sample", ["check"]),
    GoldenCase("types", ["types"]),
    GoldenCase("types-complaint", ["types", "complaint"]),
    GoldenCase("types-json", ["types", "call", "--format", "json"]),
    GoldenCase("complete-commands", ["__complete", "s"]),
    GoldenCase("complete-type", ["__complete", "list", "co"]),
    GoldenCase("complete-sort-field", ["__complete", "list", "customer", "--sort", "name,-st"]),
    GoldenCase("complete-format", ["__complete", "list", "customer", "--format", ""]),
    GoldenCase("complete-options", ["__complete", "show", "--"]),
    GoldenCase("completion-bash", ["completion", "bash"]),
    GoldenCase("completion-fish", ["completion", "fish"]),
]

@Suite("CLI golden files", .serialized)
struct GoldenTests {
    @Test("Output matches the golden file", arguments: goldenCases)
    func golden(_ example: GoldenCase) throws {
        try example.check()
    }
}

extension GoldenCase {
    /// Runs the command line on a fresh copy of sample-workspace and expects its golden file.
    func check() throws {
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = CLIHarness.run(arguments, in: root, environment: environment, terminalWidth: terminalWidth)
        let text = Golden.text(arguments: arguments, result: result, root: root)
        let (matches, stored) = try Golden.matches(name, text)
        #expect(matches, "golden \(name).txt differs:\n--- expected\n\(stored)\n--- actual\n\(text)")
    }
}

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
    GoldenCase("show-customer", ["show", "skoda-transport"]),
    GoldenCase("show-call-json", ["show", "--format", "json", "skoda-transport"]),
    GoldenCase("show-yaml", ["show", "skoda-transport", "--format", "yaml"]),
    GoldenCase("show-unknown", ["show", "skoda"]),
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
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = CLIHarness.run(example.arguments, in: root, environment: example.environment,
                                    terminalWidth: example.terminalWidth)
        let text = Golden.text(arguments: example.arguments, result: result, root: root)
        let (matches, stored) = try Golden.matches(example.name, text)
        #expect(matches, "golden \(example.name).txt differs:\n--- expected\n\(stored)\n--- actual\n\(text)")
    }
}

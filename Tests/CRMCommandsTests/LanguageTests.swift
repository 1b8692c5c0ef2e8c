import Foundation
import Testing
import CRMCommands
import CRMLocale

let czech = ["LANG": "cs_CZ.UTF-8"]
let slovak = ["LANG": "sk_SK.UTF-8"]

/// The main commands for people, in Czech and Slovak: kept as golden files like the English ones.
let languageGoldenCases: [GoldenCase] = [
    GoldenCase("cs-help", ["help"], environment: czech),
    GoldenCase("cs-show-customer", ["show", "skoda-transport"], environment: czech),
    GoldenCase("cs-show-unknown", ["show", "skodovka"], environment: czech),
    GoldenCase("cs-show-suggests-names", ["show", "novak"], environment: czech),
    GoldenCase("cs-agenda", ["agenda"], environment: czech),
    GoldenCase("cs-agenda-nothing", ["agenda", "--days", "0", "--owner", "nikdo"], environment: czech),
    GoldenCase("cs-complaints", ["complaints"], environment: czech),
    GoldenCase("cs-search", ["search", "faktura"], environment: czech),
    GoldenCase("cs-search-nothing", ["search", "xyzzy"], environment: czech),
    GoldenCase("cs-list-customer", ["list", "customer"], environment: czech),
    GoldenCase("cs-list-invoice", ["list", "invoice", "--sort", "-amount", "--limit", "5"], environment: czech),
    GoldenCase("cs-report-unpaid-invoices", ["report", "unpaid-invoices"], environment: czech),
    GoldenCase("cs-report-service-levels", ["report", "service-levels"], environment: czech),
    GoldenCase("cs-done-customer", ["done", "strojirny-novak"], environment: czech),
    GoldenCase("cs-set-unknown-field", ["set", "skoda-transport", "stauts=active"], environment: czech),
    GoldenCase("cs-rm-referred", ["rm", "mlyn-hodonin"], environment: czech),
    GoldenCase("sk-help", ["help"], environment: slovak),
    GoldenCase("sk-list-unknown-type", ["list", "customr"], environment: slovak),
    GoldenCase("sk-set-required-empty", ["set", "skoda-transport", "name="], environment: slovak),
    GoldenCase("sk-show-customer", ["show", "skoda-transport"], environment: slovak),
    GoldenCase("sk-agenda", ["agenda"], environment: slovak),
    GoldenCase("sk-complaints", ["complaints"], environment: slovak),
    GoldenCase("sk-search", ["search", "faktura"], environment: slovak),
    GoldenCase("sk-list-customer", ["list", "customer"], environment: slovak),
    GoldenCase("sk-report-pipeline", ["report", "pipeline"], environment: slovak),
]

/// Command lines whose output is for scripts: the same bytes and exit status in every language.
let machineCommandLines: [[String]] = [
    ["list", "customer", "--format", "json"],
    ["list", "invoice", "--format", "csv"],
    ["list", "complaint", "--format", "ids"],
    ["list", "call", "--limit", "5", "--format", "jsonl"],
    ["show", "skoda-transport", "--format", "json"],
    ["search", "faktura", "--format", "json"],
    ["agenda", "--format", "json"],
    ["complaints", "--format", "csv"],
    ["complaints", "--format", "json"],
    ["report", "unpaid-invoices", "--format", "csv"],
    ["report", "service-levels", "--format", "json"],
    ["report", "invoice", "--by", "currency", "--sum", "amount", "--format", "csv"],
    ["check", "--format", "json"],
    ["types", "call", "--format", "json"],
    ["search", "xyzzy", "--format", "json"],
    ["list", "custmer", "--format", "json"],
]

@Suite("Czech and Slovak", .serialized)
struct LanguageTests {
    @Test("Output matches the golden file", arguments: languageGoldenCases)
    func golden(_ example: GoldenCase) throws {
        try example.check()
    }

    @Test("Machine output is the same in every language", arguments: machineCommandLines)
    func machineOutput(_ arguments: [String]) throws {
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let english = CLIHarness.run(arguments, in: root, environment: ["LANG": "C.UTF-8"])
        #expect(!english.output.isEmpty || english.status != 0)
        for environment in [czech, slovak, ["LC_ALL": "cs_CZ.UTF-8"], ["LC_MESSAGES": "sk_SK.UTF-8"]] {
            let other = CLIHarness.run(arguments, in: root, environment: environment)
            #expect(other.output == english.output, "\(environment): stdout differs")
            #expect(other.status == english.status, "\(environment): exit status differs")
        }
    }

    @Test("Every command's summary is translated", arguments: [Language.czech, .slovak])
    func everyCommandHasItsAbstract(language: Language) {
        let catalog = Catalogs.catalog(language)
        for command in CRM.commands where !command.hidden {
            #expect(catalog.entries["abstract_" + command.name] != nil,
                    "\(Catalogs.path(language)): no abstract_\(command.name)")
        }
        for option in ["--workspace", "--no-cache", "--version", "--help"] {
            #expect(catalog.entries["option" + option] != nil, "\(Catalogs.path(language)): no option\(option)")
        }
    }
}

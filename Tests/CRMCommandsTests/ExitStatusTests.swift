import Foundation
import Testing

/// One command line per exit status, with its whole output kept as a golden file: 0 found or
/// done, 1 nothing found or problems found, 2 could not do all it was asked, 64 usage.
struct ExitStatusCase: CustomTestStringConvertible, Sendable {
    let name: String
    let status: Int32
    let arguments: [String]
    /// Files written into a copy of sample-workspace first.
    var files: [String: String] = [:]

    var testDescription: String { name }
}

let exitStatusCases: [ExitStatusCase] = [
    ExitStatusCase(name: "exit-0-found", status: 0, arguments: ["list", "customer", "--where", "name ~ ^Škoda", "--format", "ids"]),
    ExitStatusCase(name: "exit-1-nothing-found", status: 1, arguments: ["list", "customer", "--where", "name = Nobody"]),
    ExitStatusCase(name: "exit-1-problems-found", status: 1, arguments: ["check"],
                   files: ["customers/broken.yaml": "name: Broken\nstatus: bogus\n"]),
    ExitStatusCase(name: "exit-2-unreadable-record", status: 2, arguments: ["list", "customer", "--where", "segment = enterprise", "--format", "ids"],
                   files: ["customers/broken.yaml": "name: [unclosed\n"]),
    ExitStatusCase(name: "exit-2-refused-change", status: 2, arguments: ["set", "skoda-transport", "status=bogus"]),
    ExitStatusCase(name: "exit-64-unknown-type", status: 64, arguments: ["list", "custmer"]),
    ExitStatusCase(name: "exit-64-unknown-option", status: 64, arguments: ["search", "servis", "--lmit", "3"]),
    ExitStatusCase(name: "exit-64-deep-query", status: 64,
                   arguments: ["list", "customer", "--where", String(repeating: "(", count: 100_000) + "status = active"]),
]

@Suite("Exit statuses", .serialized)
struct ExitStatusTests {
    @Test("Each exit status, with its output as a golden file", arguments: exitStatusCases)
    func status(_ example: ExitStatusCase) throws {
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in example.files { try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + path)) }
        let result = CLIHarness.run(example.arguments, in: root, environment: ["CRM_NO_CACHE": "1"])
        #expect(result.status == example.status, "\(result.errors)")
        let shown = example.arguments.map { $0.count > 200 ? String($0.prefix(20)) + "… (\($0.count) characters)" : $0 }
        let text = Golden.text(arguments: shown, result: result, root: root)
        let (matches, stored) = try Golden.matches(example.name, text)
        #expect(matches, "golden \(example.name).txt differs:\n--- expected\n\(stored)\n--- actual\n\(text)")
    }

    @Test("Deep nesting is refused with its limit, never a crash, by every query reader", arguments: [
        ["list", "customer", "--where", String(repeating: "not ", count: 30_000) + "status = active"],
        ["list", "customer", "--where", String(repeating: "(", count: 100_000)],
        ["list", "customer", "--where", "count(contacts where " + String(repeating: "(", count: 70) + "name = x" + String(repeating: ")", count: 70) + ") > 0"],
        ["report", "deal", "--by", "stage", "--measure", "sum(" + String(repeating: "(", count: 300) + "value" + String(repeating: ")", count: 300) + ")"],
        ["report", "deal", "--by", "stage", "--measure", "sum(value" + String(repeating: " + value", count: 5_000) + ")"],
        ["list", "customer", "--sort", "count(contacts where " + String(repeating: "not ", count: 20_000) + "name = x)"],
    ])
    func deepNesting(_ arguments: [String]) throws {
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try HostileHarness.crm(arguments, in: root)
        #expect(result.status == 64, "\(result.status) \(result.errors.prefix(300))")
        #expect(result.errors.contains("levels") || result.errors.contains("operators and parentheses"), "\(result.errors.prefix(300))")
    }

    @Test("A long chain of and/or is read and run, not refused: it is a balanced tree")
    func longChain() throws {
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let chain = (0..<5_000).map { _ in "status = active" }.joined(separator: " and ")
        let result = try HostileHarness.crm(["list", "customer", "--where", chain, "--format", "ids"], in: root)
        let plain = try HostileHarness.crm(["list", "customer", "--where", "status = active", "--format", "ids"], in: root)
        #expect(result.status == 0 && result.output == plain.output, "\(result.errors.prefix(300))")
    }
}

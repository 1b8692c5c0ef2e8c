import Foundation
import Testing
@testable import CRMCommands

@Suite("CLI behaviour")
struct CLIBehaviorTests {
    @Test("Finds the workspace from a folder inside it, from -C and from CRM_WORKSPACE")
    func discovery() throws {
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let inside = CLIHarness.run(["list", "customer", "--format", "ids"], in: root + "/customers")
        #expect(inside.status == 0)
        #expect(inside.output.contains("skoda-transport\n"))
        let elsewhere = try CLIHarness.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        #expect(CLIHarness.run(["-C", root, "list", "customer", "--format", "ids"], in: elsewhere).output == inside.output)
        #expect(CLIHarness.run(["list", "customer", "--workspace=\(root)", "--format", "ids"], in: elsewhere).output == inside.output)
        #expect(CLIHarness.run(["list", "customer", "--format", "ids"], in: elsewhere,
                               environment: ["CRM_WORKSPACE": root]).output == inside.output)
    }

    @Test("Outside any workspace it says so and how to make one")
    func outside() throws {
        let folder = try CLIHarness.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = CLIHarness.run(["list", "customer"], in: folder)
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors == """
            crm: error: not inside a crm workspace (no .crm folder in \(folder) or any folder above it)
            hint: create one with `crm init [DIR]`, or name one with `-C DIR` or $CRM_WORKSPACE

            """)
        let named = CLIHarness.run(["-C", folder, "check"], in: "/")
        #expect(named.errors.hasPrefix("crm: error: \(folder) (from -C) is not a crm workspace: it has no .crm folder\n"))
    }

    @Test("init creates a workspace, then refuses to overwrite it")
    func initialize() throws {
        let folder = try CLIHarness.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let created = CLIHarness.run(["init", "shop", "--name", "Pekárna Novák"], in: folder)
        #expect(created.status == 0)
        #expect(created.output.hasPrefix("Created a crm workspace in \(folder)/shop\n"))
        let config = try String(contentsOfFile: folder + "/shop/.crm/config.yaml", encoding: .utf8)
        #expect(config.contains("name: Pekárna Novák\n"))
        #expect(CLIHarness.run(["types"], in: folder + "/shop").output.contains("customer"))
        #expect(CLIHarness.run(["check"], in: folder + "/shop").status == 0)
        let again = CLIHarness.run(["init", "shop"], in: folder)
        #expect(again.status == 2)
        #expect(again.errors.contains("is already a crm workspace; nothing was changed"))
        #expect(try String(contentsOfFile: folder + "/shop/.crm/config.yaml", encoding: .utf8) == config)
    }

    @Test("A broken record among good ones is reported and the rest is listed")
    func brokenRecord() throws {
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("name: Broken\nstatus: [active\n".utf8).write(to: URL(fileURLWithPath: root + "/customers/broken.yaml"))
        let result = CLIHarness.run(["list", "customer", "--format", "ids"], in: root)
        #expect(result.status == 2)
        #expect(result.output.contains("skoda-transport\n"))
        #expect(!result.output.contains("broken"))
        #expect(result.errors == """
            customers/broken.yaml:2:9: error: list is not closed on this line
             2 | status: [active
               |         ^
            hint: write [a, b] on one line, or put `- item` lines under the key

            """)
    }

    @Test("check reports every problem with an excerpt, as text and as JSON")
    func checkBroken() throws {
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("name: Nový zákazník\nstauts: active\nemail: novak@\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/customers/novy.yaml"))
        // On the 2nd of November no complaint is past its deadline yet, so only the errors show.
        let early = ["CRM_TODAY": "2026-11-02"]
        let text = CLIHarness.run(["check"], in: root, environment: early)
        #expect(text.status == 1)
        #expect(text.output == """
            customers/novy.yaml:2:1: error: unknown field 'stauts' for a customer
             2 | stauts: active
               | ^
            hint: did you mean 'status'?

            customers/novy.yaml:3:8: error: 'novak@' is not an e-mail address
             3 | email: novak@
               |        ^
            hint: write name@example.cz

            2 errors in 1 file (370 records checked)

            """)
        let json = CLIHarness.run(["check", "--format", "json"], in: root, environment: early)
        #expect(json.status == 1)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(objects.count == 2)
        #expect(objects[0]["path"] as? String == "customers/novy.yaml")
        #expect(objects[0]["line"] as? Int == 2)
        #expect(objects[0]["column"] as? Int == 1)
        #expect(objects[0]["severity"] as? String == "error")
        #expect(objects[0]["code"] as? String == "unknown-field")
        #expect(objects[1]["message"] as? String == "'novak@' is not an e-mail address")
    }

    @Test("Colors only when asked for; escapes in values are never sent raw")
    func terminalSafety() throws {
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("name: \"Evil \\e[31mred\\e[0m \\a\"\n".utf8).write(to: URL(fileURLWithPath: root + "/customers/evil.yaml"))
        for arguments in [["show", "evil"], ["list", "customer"]] {
            let plain = CLIHarness.run(arguments, in: root)
            #expect(!plain.output.contains("\u{1B}"))
            #expect(plain.output.contains("Evil \\e[31mred\\e[0m \\u{7}"))
        }
        var context = CommandContext(console: .memory(terminalWidth: 100, color: true), environment: ["CRM_TODAY": "2026-11-22"],
                                     currentDirectory: root)
        _ = CRM.run(["show", "evil"], context: &context)
        #expect(context.console.output.hasPrefix("\u{1B}[1mEvil \\e[31mred\\e[0m \\u{7}\u{1B}[0m\n"))
    }

    @Test("Exit statuses: 0 success, 1 failure or nothing found, 64 usage", arguments: [
        (["list", "customer"], 0), (["show", "nope-nope"], 1), (["search", "xyzzy"], 1), (["list"], 64),
        (["list", "customer", "--bogus"], 64), (["frobnicate"], 64), (["help"], 0), (["list", "--help"], 0),
    ] as [([String], Int32)])
    func exitStatuses(_ arguments: [String], _ status: Int32) throws {
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(CLIHarness.run(arguments, in: root).status == status)
    }

    @Test("CRM_TODAY must be a date")
    func badToday() throws {
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = CLIHarness.run(["show", "skoda-transport"], in: root, environment: ["CRM_TODAY": "tomorrow"])
        #expect(result.status == 2)
        #expect(result.errors.contains("CRM_TODAY is 'tomorrow', not a date"))
    }
}

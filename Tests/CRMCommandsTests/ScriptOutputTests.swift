import CRMInterchange
import Foundation
import Testing

/// What scripts get: `crm show` JSON with what the text shows, typed computed fields, agenda
/// subjects and outcomes apart, and a CSV export in the encoding import reads.
@Suite("Output for scripts")
struct ScriptOutputTests {
    static func json(_ arguments: [String], in folder: String) throws -> [String: Any] {
        let result = CLIHarness.run(arguments, in: folder)
        #expect(result.status == 0, "\(result.errors)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    @Test("crm show --format json has the customer's related records, as the text shows them")
    func related() throws {
        let folder = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let customer = try Self.json(["show", "skoda-transport", "--format", "json"], in: folder)
        let related = try #require(customer["related"] as? [String: Any])
        func ids(_ key: String) -> [String] { (related[key] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        #expect(ids("contacts") == ["jana-dvorakova", "lenka-markova", "pavel-hruby"])
        #expect(ids("open-complaints") == ["2026-11-16-skoda-transport-9han", "2026-10-06-skoda-transport-8i4a"])
        #expect(ids("unpaid-invoices") == ["fv-2026-0481"])
        #expect((related["owed"] as? [[String: Any]])?.first?["amount"] as? Double == 225060)
        #expect(ids("calls").count == 10)
        #expect(related["calls-total"] as? Int == 14)
        let text = CLIHarness.run(["show", "skoda-transport"], in: folder).output
        for id in ids("contacts") + ids("open-complaints") + ids("calls") { #expect(text.contains(id)) }
        let all = try Self.json(["show", "skoda-transport", "--format", "json", "--calls", "all"], in: folder)
        #expect(((all["related"] as? [String: Any])?["calls"] as? [Any])?.count == 14)
        let everyCall = CLIHarness.run(["show", "skoda-transport", "--calls", "all"], in: folder).output
        #expect(everyCall.contains("Calls (14)\n"))
        #expect(!everyCall.contains("newest"))
        #expect(CLIHarness.run(["show", "skoda-transport", "--calls", "3"], in: folder).output.contains("newest 3 shown"))
        #expect(CLIHarness.run(["show", "skoda-transport", "--calls", "0"], in: folder).status == 64)
    }

    @Test("Computed fields are typed in list and report JSON; money in several currencies by currency")
    func typed() throws {
        let folder = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = CLIHarness.run(["list", "customer", "--where", "id = morava-metal", "--fields", "name,count(calls),sum(invoices.amount)",
                                     "--format", "json"], in: folder)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        let fields = try #require(records.first?["fields"] as? [String: Any])
        #expect(fields["count(calls)"] as? Int == 14)
        let sums = try #require(fields["sum(invoices.amount)"] as? [String: Double])
        #expect(Array(sums.keys) == ["EUR"])
        let report = CLIHarness.run(["report", "customer", "--by", "count(calls)", "--format", "jsonl"], in: folder).output
        #expect(report.hasPrefix("{\"count(calls)\":1,\"count\":"))
    }

    @Test("Agenda JSON keeps a call's subject and outcome apart")
    func agenda() throws {
        let folder = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = CLIHarness.run(["agenda", "--format", "jsonl"], in: folder)
        let items = result.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let followUp = try #require(items.first { $0["kind"] as? String == "follow-up" && !($0["outcome"] as? String ?? "").isEmpty })
        #expect(followUp["promised"] as? String == "\(followUp["subject"]!) · \(followUp["outcome"]!)")
        let deadline = try #require(items.first { $0["kind"] as? String == "deadline" })
        #expect(deadline["outcome"] as? String == "")
    }

    @Test("CSV export in Windows-1250 reads back with import; a character it has no byte for is refused")
    func windows1250() throws {
        let folder = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let export = CLIHarness.run(["export", "customer", "--format", "csv", "--encoding", "windows-1250", "-o", "out.csv"], in: folder)
        #expect(export.status == 0)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/out.csv")))
        #expect(bytes.contains(0x8A)) // Š
        #expect(Windows1250.decode(bytes).contains("Škoda Transport a.s."))
        let back = CLIHarness.run(["import", "csv", "out.csv", "--type", "customer", "--encoding", "windows-1250", "--key", "reg-no", "--dry-run"],
                                  in: folder)
        #expect(back.output.hasSuffix("would create 0, update 0, left 32 unchanged, rejected 0\n"), "\(back.output)\(back.errors)")
        try "name: Emoji 🚀\n".write(toFile: folder + "/customers/emoji.yaml", atomically: true, encoding: .utf8)
        let refused = CLIHarness.run(["export", "customer", "--format", "csv", "--encoding", "windows-1250"], in: folder)
        #expect(refused.status == 2)
        #expect(refused.errors.hasPrefix("crm: error: customers/emoji.yaml: '🚀' (U+1F680) has no place in windows-1250"))
        #expect(CLIHarness.run(["export", "customer", "--format", "json", "--encoding", "windows-1250"], in: folder).status == 64)
    }
}

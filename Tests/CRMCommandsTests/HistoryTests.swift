import Foundation
import Testing

@Suite("Field-level log, blame and diff on a scripted history", .serialized)
struct HistoryTests {
    /// 22 commits on two records, a rename among them.
    static let script: [[String]] = [
        ["new", "customer", "name=Acme s.r.o.", "status=lead"],
        ["set", "acme", "status=prospect"],
        ["set", "acme", "owner=jana"],
        ["add", "acme", "tags", "vip"],
        ["add", "acme", "tags", "partner"],
        ["set", "acme", "address.city=Brno"],
        ["set", "acme", "address.zip=602 00"],
        ["set", "acme", "status=active"],
        ["remove", "acme", "tags", "vip"],
        ["set", "acme", "email=info@acme.cz"],
        ["new", "contact", "name=Jan Novák", "customer=acme"],
        ["set", "jan-novak", "role=nákupčí"],
        ["set", "acme", "phone=+420 601 111 222"],
        ["unset", "acme", "owner"],
        ["set", "acme", "segment=smb"],
        ["mv", "acme", "acme-trading"],
        ["set", "acme-trading", "status=churned"],
        ["set", "jan-novak", "email=jan@acme.cz"],
        ["add", "acme-trading", "tags", "key account"],
        ["set", "acme-trading", "address.city=Praha"],
        ["set", "acme-trading", "owner=petr"],
        ["set", "acme-trading", "status=active", "owner=lucie"],
    ]

    static func scriptedHistory() throws -> GitFixture {
        let fixture = try GitFixture()
        for step in script {
            let result = fixture.crm(step)
            guard result.status == 0 else { throw FixtureError("\(step) failed: \(result.errors)") }
        }
        return fixture
    }

    @Test("log, blame and diff match their golden files", arguments: [
        ("history-log-record", ["log", "acme-trading"]),
        ("history-log-workspace", ["log", "--limit", "4"]),
        ("history-log-json", ["log", "jan-novak", "--format", "json"]),
        ("history-blame", ["blame", "acme-trading"]),
        ("history-diff-range", ["diff", "--from", "HEAD~6", "--to", "HEAD~2"]),
        ("history-diff-record", ["diff", "acme-trading", "--from", "HEAD~10"]),
    ])
    func golden(_ name: String, _ arguments: [String]) throws {
        let fixture = try Self.scriptedHistory()
        #expect(Int(try fixture.git("rev-list", "--count", "HEAD").trimmingCharacters(in: .newlines)) == Self.script.count + 1)
        let result = fixture.crm(arguments)
        let text = Golden.text(arguments: arguments, result: result, root: fixture.root)
        let (matches, stored) = try Golden.matches(name, text)
        #expect(matches, "golden \(name).txt differs:\n--- expected\n\(stored)\n--- actual\n\(text)")
    }

    @Test("Uncommitted changes show in diff and blame")
    func uncommitted() throws {
        let fixture = try Self.scriptedHistory()
        #expect(fixture.crm(["set", "acme-trading", "segment=enterprise", "--no-commit"]).status == 0)
        #expect(fixture.crm(["diff"]).output == "modified customer acme-trading\n  segment: smb → enterprise\n")
        let blame = fixture.crm(["blame", "acme-trading"]).output
        #expect(blame.contains("segment  -        "))
        #expect(blame.contains("not committed yet"))
        #expect(fixture.crm(["log", "acme-trading", "--limit", "1"]).output.contains("status: churned → active"))
    }

    @Test("A record in history larger than crm reads is reported, not read, as a file of that size would be")
    func sizeLimitInHistory() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": "name: Acme\n"])
        try fixture.write("customers/big.yaml", "name: Big\nnotes: " + String(repeating: "x", count: 1 << 20) + "\n")
        try fixture.git("add", "customers/big.yaml")
        try fixture.git("commit", "-q", "-m", "a big record")
        try FileManager.default.removeItem(atPath: fixture.root + "/customers/big.yaml")
        try fixture.git("commit", "-q", "-am", "gone")
        let listed = fixture.crm(["list", "customer", "--at", "HEAD~1", "--format", "ids"])
        #expect(listed.status == 2)
        #expect(listed.output == "acme\n")
        #expect(listed.errors.hasPrefix("customers/big.yaml: error: the file is 1048594 bytes; a record file may be at most 1048576 bytes"),
                "\(listed.errors)")
        #expect(fixture.crm(["show", "big", "--at", "HEAD~1"]).status == 2)
    }
}

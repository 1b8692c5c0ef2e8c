import Foundation
import Testing
@testable import CRMCommands

@Suite("crm duplicates and crm merge", .serialized)
struct DuplicateCommandTests {
    static let files = [
        "customers/acme.yaml": "name: Acme Trading s.r.o.   # legal name\nstatus: active\nphone: +420 601 111 222\ntags: [vip]\n",
        "customers/acme-2.yaml": "name: ACME Trading\nstatus: lead\nemail: info@acme.cz\nphone: 601111222\ntags: [export, vip]\n"
            + "address:\n  city: Brno\n",
        "customers/beta.yaml": "name: Beta\n",
        "contacts/jan.yaml": "name: Jan Novák\ncustomer: acme-2\nemail: jan@acme.cz\n",
        "contacts/eva.yaml": "name: Eva Malá\ncustomer: acme\n",
        "calls/c1.yaml": "customer: acme-2\ncontact: jan\nat: 2026-11-20T10:00\nsubject: Ceník\n",
        "complaints/x1.yaml": "customer: acme-2\nopened: 2026-11-18\nsubject: Pozdě\ncalls: [c1]\n",
    ]

    @Test("crm duplicates lists each likely pair with its score and evidence")
    func listsPairs() throws {
        let fixture = try GitFixture(files: Self.files)
        let result = fixture.crm(["duplicates", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.output == """
            [
              {
                "type": "customer",
                "first": "acme",
                "second": "acme-2",
                "score": 0.94,
                "evidence": [
                  "same phone +420601111222",
                  "same name 'acme trading'"
                ]
              }
            ]

            """)
        #expect(fixture.crm(["duplicates", "contact"]).status == 1)
        #expect(fixture.crm(["duplicates", "--threshold", "2"]).status == 64)
    }

    @Test("crm merge combines the fields, moves every reference, deletes DROP, in one commit crm log shows")
    func mergesAndMovesReferences() throws {
        let fixture = try GitFixture(files: Self.files)
        let commits = try fixture.git("rev-list", "--count", "HEAD")
        let refused = fixture.crm(["merge", "acme", "acme-2"])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("acme and acme-2 differ in 'name': 'Acme Trading s.r.o.' and 'ACME Trading'; nothing was changed"))
        #expect(try fixture.git("status", "--porcelain") == "")
        let answered = fixture.crm(["merge", "acme", "acme-2"], input: ["k", "maybe", "keep"])
        #expect(answered.status == 0, "\(answered.errors)")
        #expect(answered.output == "merged customer acme-2 into acme; took email, tags, address; moved 3 references\n")
        #expect(answered.errors == "name: keep acme's 'Acme Trading s.r.o.' [k] or take acme-2's 'ACME Trading' [d]? "
                + String(repeating: "status: keep acme's 'active' [k] or take acme-2's 'lead' [d]? ", count: 2))
        #expect(try fixture.read("customers/acme.yaml") == """
            name: Acme Trading s.r.o.   # legal name
            status: active
            email: info@acme.cz
            phone: +420 601 111 222
            address:
              city: Brno
            tags: [vip, export]
            merged-from: [acme-2]

            """)
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/customers/acme-2.yaml"))
        #expect(try fixture.read("contacts/jan.yaml") == "name: Jan Novák\ncustomer: acme\nemail: jan@acme.cz\n")
        #expect(try fixture.read("calls/c1.yaml").hasPrefix("customer: acme\n"))
        #expect(try fixture.read("complaints/x1.yaml").hasPrefix("customer: acme\n"))
        #expect(try fixture.git("rev-list", "--count", "HEAD") == "\(Int(commits.dropLast())! + 1)\n")
        #expect(try fixture.git("show", "--stat", "--format=%s", "HEAD").hasPrefix("crm: merge acme-2 into acme\n"))
        #expect(try fixture.git("status", "--porcelain") == "")
        let log = fixture.crm(["log", "acme", "--limit", "1"])
        #expect(log.output.contains("crm: merge acme-2 into acme"))
        #expect(log.output.contains("+ merged-from: [acme-2]"))
        #expect(fixture.crm(["check"]).status == 0)
    }

    @Test("A reference to a merged record is reported with the record it went into")
    func referenceToMergedRecord() throws {
        let fixture = try GitFixture(files: Self.files)
        #expect(fixture.crm(["merge", "acme", "acme-2", "--prefer", "drop"]).status == 0)
        #expect(try fixture.read("customers/acme.yaml").hasPrefix("name: ACME Trading\nstatus: lead\n"))
        try fixture.write("contacts/ota.yaml", "name: Ota\ncustomer: acme-2\n")
        let check = fixture.crm(["check"])
        #expect(check.status == 1)
        #expect(check.output.contains("contacts/ota.yaml:2:11: error: no customer 'acme-2'"))
        #expect(check.output.contains("hint: 'acme-2' was merged into 'acme'; refer to that"))
    }
}

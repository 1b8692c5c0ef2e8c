import Foundation
import CRMTestSupport
import Testing
@testable import CRMCheck
@testable import CRMWorkspace

/// One kind of problem `crm check` finds: the files that show it and the diagnostic it gives.
struct CheckCase: CustomTestStringConvertible, Sendable {
    let name: String
    let files: [String: String]
    let path: String
    let line: Int?
    let column: Int?
    let code: String
    let message: String
    var severity: CRMSyntaxSeverity = .error

    var testDescription: String { name }
}

typealias CRMSyntaxSeverity = Diagnostic.Severity

import CRMSyntax

let acme = "customers/acme.yaml"
let acmeText = "name: Acme\n"

let checkCases: [CheckCase] = [
    CheckCase(name: "a file that does not parse", files: ["customers/bad.yaml": "name: Bad\nowner: &me jan\n"],
              path: "customers/bad.yaml", line: 2, column: 8, code: "unsupported",
              message: "anchors (&) are not supported in records"),
    CheckCase(name: "an unknown field", files: [acme: "name: Acme\nstauts: active\n"], path: acme, line: 2, column: 1,
              code: "unknown-field", message: "unknown field 'stauts' for a customer"),
    CheckCase(name: "a missing required field", files: [acme: acmeText, "calls/c1.yaml": "customer: acme\nsubject: Hi\n"],
              path: "calls/c1.yaml", line: 1, column: 1, code: "missing-field", message: "missing required field 'at'"),
    CheckCase(name: "a date that does not exist", files: [acme: acmeText, "complaints/x1.yaml": "customer: acme\nopened: 2026-02-30\nsubject: Late\n"],
              path: "complaints/x1.yaml", line: 2, column: 9, code: "invalid-value", message: "'2026-02-30' is not a date"),
    CheckCase(name: "a date and time that is not one", files: [acme: acmeText, "calls/c2.yaml": "customer: acme\nat: 2026-11-20 10pm\n"],
              path: "calls/c2.yaml", line: 2, column: 5, code: "invalid-value", message: "'2026-11-20 10pm' is not a date and time"),
    CheckCase(name: "an enum value not in the list", files: [acme: "name: Acme\nstatus: actve\n"], path: acme, line: 2, column: 9,
              code: "invalid-value", message: "'actve' is not one of: lead, prospect, active, inactive, churned"),
    CheckCase(name: "a malformed e-mail", files: [acme: "name: Acme\nemail: jan.novak\n"], path: acme, line: 2, column: 8,
              code: "invalid-value", message: "'jan.novak' is not an e-mail address"),
    CheckCase(name: "a malformed phone number", files: [acme: "name: Acme\nphone: call me\n"], path: acme, line: 2, column: 8,
              code: "invalid-value", message: "'call me' is not a phone number"),
    CheckCase(name: "a web address without a scheme", files: [acme: "name: Acme\nwebsite: acme.cz\n"], path: acme, line: 2, column: 10,
              code: "invalid-value", message: "'acme.cz' is not a web address"),
    CheckCase(name: "a value that does not match the field's pattern", files: [acme: "name: Acme\nreg-no: '123'\n"], path: acme,
              line: 2, column: 9, code: "invalid-value", message: "'123' does not match the pattern '[0-9]{8}' of 'reg-no'"),
    CheckCase(name: "a single value where a list belongs", files: [acme: "name: Acme\ntags: vip\n"], path: acme, line: 2, column: 7,
              code: "invalid-value", message: "'tags' is a list"),
    CheckCase(name: "an unknown map entry", files: [acme: "name: Acme\naddress:\n  cty: Brno\n"], path: acme, line: 3, column: 3,
              code: "unknown-field", message: "unknown entry 'cty' in 'address'"),
    CheckCase(name: "a reference to a record that does not exist", files: [acme: acmeText, "contacts/jan.yaml": "name: Jan\ncustomer: acme-corp\n"],
              path: "contacts/jan.yaml", line: 2, column: 11, code: "broken-reference", message: "no customer 'acme-corp'"),
    CheckCase(name: "a reference to a record of another type",
              files: [acme: acmeText, "contacts/jan.yaml": "name: Jan\ncustomer: acme\n", "contacts/eva.yaml": "name: Eva\ncustomer: jan\n"],
              path: "contacts/eva.yaml", line: 2, column: 11, code: "broken-reference", message: "'jan' is a contact, not a customer"),
    CheckCase(name: "a broken reference inside a list",
              files: [acme: acmeText, "complaints/x2.yaml": "customer: acme\nopened: 2026-11-20\nsubject: Late\ncalls: [nope]\n"],
              path: "complaints/x2.yaml", line: 4, column: 9, code: "broken-reference", message: "no call 'nope'"),
    CheckCase(name: "a duplicate id", files: [acme: acmeText, "contacts/acme.yaml": "name: Acme contact\n"],
              path: "customers/acme.yaml", line: nil, column: nil, code: "duplicate-id",
              message: "duplicate id 'acme': contacts/acme.yaml has it too"),
    CheckCase(name: "an id that is not valid", files: ["customers/Acme_Corp.yaml": acmeText], path: "customers/Acme_Corp.yaml",
              line: nil, column: nil, code: "invalid-id", message: "invalid id 'Acme_Corp': an id is lowercase: 'A' is uppercase"),
    CheckCase(name: "a file outside any type folder", files: ["notes/meeting.yaml": "name: x\n"], path: "notes/meeting.yaml",
              line: nil, column: nil, code: "outside-type-folder",
              message: "file outside any type folder; it is not read as a record", severity: .warning),
    CheckCase(name: "a conflict a merge left", files: [acme: "name: Acme\nstatus: active\nconflicts:\n  status: churned\nconflicts-with: 1a2b3c4\n"],
              path: acme, line: 4, column: 3, code: "merge-conflict",
              message: "merge conflict in 'status': ours is 'active', the other side (1a2b3c4) has 'churned'"),
    CheckCase(name: "a conflict over a field the other side removed", files: [acme: "name: Acme\ntags: [vip]\nconflicts:\n  tags: \"\"\n"],
              path: acme, line: 4, column: 3, code: "merge-conflict",
              message: "merge conflict in 'tags': ours is [vip], the other side removed it"),
    CheckCase(name: "conflicts that are not a map", files: [acme: "name: Acme\nconflicts: status\n"],
              path: acme, line: 2, column: 12, code: "merge-conflict",
              message: "'conflicts' must list each field in conflict with the other side's value"),
    CheckCase(name: "two customers of the same name", files: [acme: "name: Acme s.r.o.\n", "customers/acme-2.yaml": "name: ACME S.R.O.\n"],
              path: "customers/acme-2.yaml", line: 1, column: 7, code: "likely-duplicate",
              message: "likely the same customer as 'acme' (same name 'ACME S.R.O.')", severity: .warning),
    CheckCase(name: "two contacts with one e-mail address",
              files: [acme: acmeText, "contacts/jan.yaml": "name: Jan\nemail: jan@acme.cz\n", "contacts/honza.yaml": "name: Honza\nemail: Jan@Acme.cz\n"],
              path: "contacts/jan.yaml", line: 2, column: 8, code: "duplicate-value",
              message: "honza has email 'jan@acme.cz' already; no two contacts may share it", severity: .warning),
    CheckCase(name: "two customers with one IČO", files: [acme: "name: Acme\nreg-no: 12345678\n", "customers/beta.yaml": "name: Beta\nreg-no: '12345678'\n"],
              path: "customers/beta.yaml", line: 2, column: 9, code: "duplicate-value",
              message: "acme has reg-no '12345678' already; no two customers may share it", severity: .warning),
    CheckCase(name: "a call with another customer's contact",
              files: [acme: acmeText, "customers/beta.yaml": "name: Beta\n", "contacts/ota.yaml": "name: Ota\ncustomer: beta\n",
                      "calls/2026/11/c1.yaml": "customer: acme\ncontact: ota\nat: 2026-11-20T10:00\nsubject: Ceník\n"],
              path: "calls/2026/11/c1.yaml", line: 2, column: 10, code: "wrong-owner", message: "contact ota is a contact of beta, not of acme"),
    CheckCase(name: "a broken type file", files: [".crm/types/thing.yaml": "name:\n  kind: nummber\n"], path: ".crm/types/thing.yaml",
              line: 2, column: 9, code: "schema", message: "field 'name': unknown kind 'nummber'"),
    CheckCase(name: "a saved query whose condition no longer fits the schema",
              files: [".crm/queries/smb.yaml": "type: customer\nwhere: status = active and segmnt = smb\n"], path: ".crm/queries/smb.yaml",
              line: 2, column: 28, code: "query", message: "where: unknown field 'segmnt' for a customer"),
    CheckCase(name: "a hidden record file", files: [acme: acmeText, "customers/.acme.yaml": acmeText], path: "customers/.acme.yaml",
              line: nil, column: nil, code: "hidden-file", message: "a hidden file in a type folder; crm does not read it as a record",
              severity: .warning),
    CheckCase(name: "an unknown setting", files: [".crm/config.yaml": "name: x\nauto-comit: false\n"], path: ".crm/config.yaml",
              line: 2, column: 1, code: "config", message: "unknown setting 'auto-comit'", severity: .warning),
]

@Suite("crm check")
struct CheckerTests {
    @Test("A change is checked against the rest: references among new records, referrers of deleted ones, duplicate ids, workflow")
    func changes() throws {
        let fixture = try TemporaryWorkspace(files: [acme: acmeText, "contacts/jan.yaml": "name: Jan\ncustomer: acme\n",
                                                     "complaints/x1.yaml": "customer: acme\nopened: 2026-11-01\nsubject: Late\nstatus: open\n"])
        let check = WorkspaceCheck(fixture.workspace)
        #expect(check.changes([
            ChangedFile(path: "customers/beta.yaml", bytes: Array("name: Beta\n".utf8), before: nil),
            ChangedFile(path: "contacts/eva.yaml", bytes: Array("name: Eva\ncustomer: beta\n".utf8), before: nil),
        ]).isEmpty)
        #expect(check.changes([ChangedFile(path: acme, bytes: nil, before: Array(acmeText.utf8))]).map(\.description)
            == ["contacts/jan.yaml:2:11: error: 'customer' refers to acme, which is deleted (customers/acme.yaml)",
                "complaints/x1.yaml:1:11: error: 'customer' refers to acme, which is deleted (customers/acme.yaml)"].sorted())
        #expect(check.changes([ChangedFile(path: "contacts/sub/acme.yaml", bytes: Array("name: Other\n".utf8), before: nil)])
            .map(\.code) == ["duplicate-id"])
        let resolved = "customer: acme\nopened: 2026-11-01\nsubject: Late\nstatus: resolved\nresolution: Done\nclosed: 2026-11-02\n"
        #expect(check.changes([ChangedFile(path: "complaints/x1.yaml", bytes: Array(resolved.utf8),
                                           before: Array("customer: acme\nopened: 2026-11-01\nsubject: Late\nstatus: open\n".utf8))])
            .map(\.message) == ["a complaint cannot go from open to resolved"])
    }

    @Test("Contacts of one name at different customers are not duplicates; at the same customer they are")
    func namesWithinOwners() throws {
        let fixture = try TemporaryWorkspace(files: [
            acme: acmeText, "customers/beta.yaml": "name: Beta\n",
            "contacts/jan-novak.yaml": "name: Jan Novák\ncustomer: acme\n", "contacts/jan-novak-2.yaml": "name: Jan Novák\ncustomer: beta\n",
        ])
        #expect(WorkspaceCheck(fixture.workspace).all().problems.isEmpty)
        try fixture.write("contacts/jan-novak-3.yaml", "name: Jan Novak\ncustomer: beta\n")
        #expect(WorkspaceCheck(fixture.workspace).all().problems.map(\.description)
                    == ["contacts/jan-novak-3.yaml:1:7: warning: likely the same contact as 'jan-novak-2' (same name 'Jan Novak')"])
    }

    @Test("Finds each kind of problem", arguments: checkCases)
    func problemKinds(_ example: CheckCase) throws {
        let fixture = try TemporaryWorkspace(files: example.files)
        let problems = WorkspaceCheck(fixture.workspace).all().problems
        #expect(problems.count == 1, "\(problems.map(\.description))")
        let problem = try #require(problems.first)
        #expect(problem.path == example.path)
        #expect(problem.location?.line == example.line)
        #expect(problem.location?.column == example.column)
        #expect(problem.code == example.code)
        #expect(problem.message == example.message)
        #expect(problem.severity == example.severity)
        #expect(problem.hint != nil)
    }

    @Test("Every problem is reported, in file order")
    func everyProblem() throws {
        let fixture = try TemporaryWorkspace(files: [
            "customers/b.yaml": "name: B\nstatus: nope\nemail: x\n",
            "customers/a.yaml": "stauts: active\n",
        ])
        let problems = WorkspaceCheck(fixture.workspace).all().problems
        #expect(problems.map { "\($0.path):\($0.location?.line ?? 0) \($0.code)" } == [
            "customers/a.yaml:1 unknown-field", "customers/a.yaml:1 missing-field",
            "customers/b.yaml:2 invalid-value", "customers/b.yaml:3 invalid-value",
        ])
    }

    @Test("Symbolic links and folders named like records are reported, not followed")
    func specialEntries() throws {
        let fixture = try TemporaryWorkspace(files: [acme: acmeText])
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/customers/link.yaml", withDestinationPath: "/etc/passwd")
        try FileManager.default.createDirectory(atPath: fixture.root + "/customers/folder.yaml", withIntermediateDirectories: true)
        let problems = WorkspaceCheck(fixture.workspace).all().problems
        #expect(problems.map(\.code).sorted() == ["not-a-file", "symlink"])
    }

    @Test("A clean workspace has no problems")
    func clean() throws {
        let fixture = try TemporaryWorkspace(files: [
            acme: "name: Acme\nstatus: active\naddress:\n  city: Brno\ntags: [vip]\nreg-no: '12345678'\n",
            "contacts/jan.yaml": "name: Jan\ncustomer: acme\nemail: jan@acme.cz\nphone: +420 601 111 222\n",
            "calls/2026/11/c1.yaml": "customer: acme\ncontact: jan\nat: 2026-11-20T10:00\nchannel: phone\nduration: 5\nfollow-up: 2026-11-25\n",
        ])
        #expect(WorkspaceCheck(fixture.workspace).all().problems.isEmpty)
    }
}

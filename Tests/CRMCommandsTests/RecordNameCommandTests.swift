import Foundation
import Testing

/// Where a command expects an id, a record's name does, written as its id.
@Suite("Records named by their names on the command line", .serialized)
struct RecordNameCommandTests {
    static let files = [
        "customers/acme.yaml": "name: Acme Plzeň s.r.o.\nstatus: active\nowner: jana\n",
        "customers/beta.yaml": "name: Beta a.s.\nstatus: active\nowner: petr\n",
        "customers/beta-2.yaml": "name: Beta a.s.\nstatus: lead\n",
        "contacts/jan.yaml": "name: Jan Novák\ncustomer: acme\n",
        "contacts/jan-2.yaml": "name: Jan Novák\ncustomer: beta\n",
    ]

    @Test("set, new and log-call take names; the files and commits hold ids")
    func names() throws {
        let fixture = try GitFixture(files: Self.files)
        let set = fixture.crm(["set", "acme plzen s.r.o.", "status=inactive"])
        #expect(set.status == 0)
        #expect(set.output == "acme: status: active → inactive\n")
        #expect(try fixture.git("log", "-1", "--format=%s") == "crm: set acme status=inactive\n")
        let contact = fixture.crm(["new", "contact", "name=Eva Malá", "customer=ACME PLZEŇ S.R.O."])
        #expect(contact.status == 0)
        #expect(try fixture.read("contacts/eva-mala.yaml") == "name: Eva Malá\ncustomer: acme\n")
        // Jan Novák is a contact of acme and of beta: the customer's own is meant.
        let call = fixture.crm(["log-call", "Acme Plzeň s.r.o.", "--contact", "jan novák", "--subject", "Ceník"])
        #expect(call.status == 0)
        let id = call.output.trimmingCharacters(in: .newlines)
        #expect(try fixture.read("calls/2026/11/\(id).yaml").contains("customer: acme\ncontact: jan\n"))
        #expect(try fixture.git("log", "-1", "--format=%s") == "crm: log-call acme \(id)\n")
    }

    @Test("A name several records have is refused, listing them; nothing changes")
    func ambiguous() throws {
        let fixture = try GitFixture(files: Self.files)
        let head = try fixture.git("rev-parse", "HEAD")
        let refused = fixture.crm(["set", "Beta a.s.", "owner=jana"])
        #expect(refused.status == 2)
        #expect(refused.errors == "crm: error: 'Beta a.s.' could be 2 records:\n  beta    Beta a.s.\n  beta-2  Beta a.s.\nhint: name one by its id\n")
        let new = fixture.crm(["new", "contact", "name=Ota", "customer=beta a.s."])
        #expect(new.status == 2)
        #expect(new.errors.hasPrefix("crm: error: customer: 'beta a.s.' could be 2 records"))
        #expect(try fixture.git("rev-parse", "HEAD") == head)
        #expect(try fixture.git("status", "--porcelain") == "")
    }

    @Test("A word that names nothing suggests the records holding it")
    func suggestions() throws {
        let fixture = try GitFixture(files: Self.files)
        let shown = fixture.crm(["show", "plzen"])
        #expect(shown.status == 1)
        #expect(shown.errors == "crm: error: no record 'plzen'\nhint: did you mean 'acme' (Acme Plzeň s.r.o.)?\n")
        let call = fixture.crm(["log-call", "novak", "--subject", "x"])
        #expect(call.status == 2)
        #expect(call.errors == "crm: error: no customer 'novak'\nhint: `crm search WORDS` finds records by their content\n")
    }

    @Test("CSV import writes a customer named in a column as its id")
    func importByName() throws {
        let fixture = try GitFixture(files: Self.files)
        try fixture.write("people.csv", "name,company\nKarel Nový,Acme Plzeň s.r.o.\nOta Beran,Beta a.s.\n")
        let result = fixture.crm(["import", "csv", "people.csv", "--type", "contact", "--map", "company=customer"])
        #expect(result.status == 2)
        #expect(try fixture.read("contacts/karel-novy.yaml") == "name: Karel Nový\ncustomer: acme\n")
        #expect(result.errors.contains("row 3: rejected: customer: 'Beta a.s.' could be 2 records: beta, beta-2"))
    }
}

/// `crm set --type TYPE --where EXPR`: many records in one commit.
@Suite("Setting fields of every matching record", .serialized)
struct BulkSetTests {
    @Test("Every match changes in one commit; --dry-run lists them and changes nothing")
    func bulk() throws {
        let fixture = try GitFixture(files: RecordNameCommandTests.files)
        let head = try fixture.git("rev-parse", "HEAD")
        let dry = fixture.crm(["set", "--type", "customer", "--where", "status = active", "segment=smb", "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.output == "acme: + segment: smb\nbeta: + segment: smb\n")
        #expect(dry.errors == "would change 2 of 2 customer records; changed nothing (--dry-run)\n")
        #expect(try fixture.git("rev-parse", "HEAD") == head)
        #expect(try fixture.git("status", "--porcelain") == "")
        let done = fixture.crm(["set", "--type", "customer", "--where", "status = active", "segment=smb"])
        #expect(done.status == 0)
        #expect(done.errors == "changed 2 of 2 customer records\n")
        #expect(try fixture.git("rev-list", "--count", "\(head.trimmingCharacters(in: .newlines))..HEAD") == "1\n")
        #expect(try fixture.git("log", "-1", "--format=%s") == "crm: set --type customer --where 'status = active' segment=smb\n")
        let none = fixture.crm(["set", "--type", "customer", "--where", "status = churned", "segment=x"])
        #expect(none.status == 1)
        // One record the change would leave invalid refuses the whole change.
        let refused = fixture.crm(["set", "--type", "contact", "--where", "has customer", "email=same@acme.cz"])
        #expect(refused.status == 2)
        #expect(try fixture.git("status", "--porcelain") == "")
    }
}

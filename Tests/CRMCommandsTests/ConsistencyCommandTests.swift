import Foundation
import Testing

/// What `crm set` enforces, every other way of changing records enforces too, and `crm check`
/// reports for a file changed by hand: unique values, a contact of the record's own customer,
/// the workflow against the committed version.
@Suite("The same rules for every change", .serialized)
struct ConsistencyCommandTests {
    static let files = [
        "customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\nreg-no: 12345678\n",
        "customers/beta.yaml": "name: Beta a.s.\nstatus: active\n",
        "contacts/jan.yaml": "name: Jan Novák\ncustomer: acme\nemail: jan@acme.cz\n",
        "contacts/ota.yaml": "name: Ota Beran\ncustomer: beta\n",
    ]

    @Test("A second record with a unique value is refused by new, set, import and the editor; --allow-duplicate keeps it")
    func unique() throws {
        let fixture = try GitFixture(files: Self.files)
        let head = try fixture.git("rev-parse", "HEAD")
        let new = fixture.crm(["new", "customer", "name=Acme Trading", "reg-no=12345678"])
        #expect(new.status == 2)
        #expect(new.errors.contains("customers/acme-trading.yaml:4:9: error: acme has reg-no '12345678' already; no two customers may share it"))
        let set = fixture.crm(["set", "ota", "email=JAN@acme.cz"])
        #expect(set.status == 2)
        #expect(set.errors.contains("jan has email 'JAN@acme.cz' already"))
        try fixture.write("people.csv", "Jméno,E-mail\nHonza,jan@acme.cz\n")
        let imported = fixture.crm(["import", "csv", "people.csv", "--type", "contact"])
        #expect(imported.status == 2)
        let edited = fixture.crm(["edit", "beta"], extra: ["EDITOR": "sed -i 's/status: active/status: active\\nreg-no: 12345678/'"])
        #expect(edited.status == 2)
        #expect(try fixture.git("rev-parse", "HEAD") == head)
        try fixture.git("clean", "-fdq")
        #expect(try fixture.git("status", "--porcelain") == "")
        let allowed = fixture.crm(["set", "beta", "reg-no=12345678", "--allow-duplicate"])
        #expect(allowed.status == 0)
        let check = fixture.crm(["check"])
        #expect(check.status == 0)
        #expect(check.output.contains("customers/beta.yaml:3:9: warning: acme has reg-no '12345678' already"))
    }

    @Test("A call's contact must be a contact of its customer, whoever writes it")
    func owner() throws {
        let fixture = try GitFixture(files: Self.files)
        let call = fixture.crm(["new", "call", "customer=acme", "contact=ota", "subject=Ceník"])
        #expect(call.status == 2)
        #expect(call.errors.contains("error: contact ota is a contact of beta, not of acme"))
        try FileManager.default.createDirectory(atPath: fixture.root + "/calls/2026/11", withIntermediateDirectories: true)
        try fixture.write("calls/2026/11/c1.yaml", "customer: acme\ncontact: ota\nat: 2026-11-20T10:00\nsubject: Ceník\n")
        let check = fixture.crm(["check"])
        #expect(check.status == 1)
        #expect(check.output.contains("calls/2026/11/c1.yaml:2:10: error: contact ota is a contact of beta, not of acme"))
        #expect(fixture.crm(["commit", "-m", "by hand"]).status == 2)
    }

    @Test("crm check sees a hand edit's forbidden change of state, as crm commit does")
    func handEditedState() throws {
        let fixture = try GitFixture(files: Self.files.merging([
            "complaints/x1.yaml": "customer: acme\nopened: 2026-11-20\nstatus: open\nseverity: high\nsubject: Leak\ndue: 2026-11-23\n",
        ]) { $1 })
        try fixture.write("complaints/x1.yaml", "customer: acme\nopened: 2026-11-20\nstatus: resolved\nseverity: high\nsubject: Leak\n"
                          + "due: 2026-11-23\nresolution: Fixed\nclosed: 2026-11-21\n")
        let check = fixture.crm(["check"])
        #expect(check.status == 1)
        #expect(check.output.contains("complaints/x1.yaml:3:9: error: a complaint cannot go from open to resolved"))
        try fixture.write("complaints/x1.yaml", "customer: acme\nopened: 2026-11-20\nstatus: resolved\nseverity: high\nsubject: Leak\n")
        let unstamped = fixture.crm(["check"]).output
        #expect(unstamped.contains("a resolved complaint needs 'resolution'"))
        #expect(unstamped.contains("a resolved complaint needs 'closed', the day it closed"))
    }

    @Test("crm new names a very close existing record")
    func closeNames() throws {
        let fixture = try GitFixture(files: Self.files)
        let new = fixture.crm(["new", "customer", "name=ACME, s.r.o."])
        #expect(new.status == 0)
        #expect(new.errors == "warning: acme-2 is very close to acme (Acme s.r.o.): same name 'acme'\n"
                + "hint: if they are one customer, `crm merge acme acme-2` keeps the first\n")
        #expect(fixture.crm(["new", "customer", "name=Gama"]).errors == "")
    }

    @Test("CSV headers are matched through the type's aliases; empty rows are skipped")
    func aliases() throws {
        let fixture = try GitFixture(files: Self.files)
        try fixture.write("firmy.csv", "Název firmy;IČO;DIČ;Ulice;Město;PSČ;E-mail;Telefon\n"
                          + "Gama s.r.o.;87654321;CZ87654321;Hlavní 1;Brno;602 00;info@gama.cz;777 000 111\n;;;;;;;\n\n")
        let result = fixture.crm(["import", "csv", "firmy.csv", "--type", "customer"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "row 2: created customer gama\ncreated 1, updated 0, left 0 unchanged, rejected 0\n")
        #expect(try fixture.read("customers/gama.yaml") == "name: Gama s.r.o.\nkind: company\nstatus: lead\nemail: info@gama.cz\n"
                + "phone: 777 000 111\naddress:\n  street: Hlavní 1\n  city: Brno\n  zip: 602 00\nreg-no: 87654321\nvat-id: CZ87654321\n"
                + "created: 2026-11-22\n")
    }

    @Test("--map takes a map's entry: COLUMN=FIELD.ENTRY")
    func mapEntry() throws {
        let fixture = try GitFixture(files: Self.files)
        try fixture.write("firmy.csv", "Název firmy,Obec\nGama s.r.o.,Brno\n")
        let result = fixture.crm(["import", "csv", "firmy.csv", "--type", "customer", "--map", "Obec=address.city"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try fixture.read("customers/gama.yaml").contains("address:\n  city: Brno\n"))
        let wrong = fixture.crm(["import", "csv", "firmy.csv", "--type", "customer", "--map", "Obec=address.cty"])
        #expect(wrong.status != 0)
        #expect(wrong.errors.contains("did you mean 'address.city'?"), "\(wrong.errors)")
    }
}

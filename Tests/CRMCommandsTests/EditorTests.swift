import Foundation
import Testing

@Suite("crm edit and crm new --edit with an editor", .serialized)
struct EditorTests {
    static let acme = "# Our oldest customer\nname: Acme\nstatus: active\n"

    @Test("A valid edit is saved and committed")
    func validEdit() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        let result = fixture.crm(["edit", "acme"], extra: ["EDITOR": "sed -i 's/status: active/status: churned/'"])
        #expect(result.status == 0)
        #expect(result.output == "acme: status: active → churned\n")
        #expect(try fixture.read("customers/acme.yaml") == "# Our oldest customer\nname: Acme\nstatus: churned\n")
        #expect(try fixture.git("log", "-1", "--format=%s") == "crm: edit acme\n")
    }

    @Test("An invalid edit is shown; discarding or keeping the draft leaves the record alone", arguments: [
        ("d", "Discarded; nothing was changed.\n", false),
        ("k", "Kept the draft in ", true),
        ("", "Kept the draft in ", true),
    ])
    func invalidEdit(_ answer: String, _ message: String, _ draftKept: Bool) throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        let drafts = try CLIHarness.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: drafts) }
        let result = fixture.crm(["edit", "acme"], input: answer.isEmpty ? [] : [answer],
                                 extra: ["EDITOR": "sed -i 's/status: active/status: activ/'", "TMPDIR": drafts])
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("""
            customers/acme.yaml:3:9: error: 'activ' is not one of: lead, prospect, active, inactive, churned
             3 | status: activ
               |         ^
            hint: did you mean 'active'?
            The record has 1 problem. [r]e-open the editor, [k]eep the draft, or [d]iscard it? 
            """))
        #expect(result.errors.contains(message))
        #expect(try FileManager.default.contentsOfDirectory(atPath: drafts).count == (draftKept ? 1 : 0))
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
        #expect(try fixture.git("status", "--porcelain") == "")
    }

    @Test("Re-opening the editor lets a second edit fix the record")
    func reopen() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        let counter = fixture.root + "/.git/editor-count"
        let editor = """
            f() { if [ -f '\(counter)' ]; then sed -i 's/status: activ$/status: inactive/' "$1"; \
            else touch '\(counter)'; sed -i 's/status: active/status: activ/' "$1"; fi; }; f
            """
        let result = fixture.crm(["edit", "acme"], input: ["r"], extra: ["EDITOR": editor])
        #expect(result.status == 0)
        #expect(result.output == "acme: status: active → inactive\n")
    }

    @Test("An editor that is missing or crashes changes nothing", arguments: ["/nonexistent/editor", "kill -9 $$ #"])
    func brokenEditor(_ editor: String) throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        let result = fixture.crm(["edit", "acme"], extra: ["EDITOR": editor, "VISUAL": ""])
        #expect(result.status == 2)
        #expect(result.errors.contains("failed"))
        #expect(result.errors.contains("nothing was changed"))
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
    }

    @Test("A record that does not parse can be fixed with crm edit")
    func fixBroken() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        try fixture.write("customers/acme.yaml", "name: Acme\nstatus: [active\n")
        let result = fixture.crm(["edit", "acme"], extra: ["EDITOR": "sed -i 's/\\[active/active/'"])
        #expect(result.status == 0)
        #expect(try fixture.read("customers/acme.yaml") == "name: Acme\nstatus: active\n")
    }

    @Test("new --edit opens the draft with the defaults and saves it when valid")
    func newWithEditor() throws {
        let fixture = try GitFixture()
        let result = fixture.crm(["new", "customer", "--edit"], extra: ["EDITOR": "sed -i '1i name: Nový zákazník s.r.o.'"])
        #expect(result.status == 0)
        #expect(result.output == "novy-zakaznik\n")
        #expect(try fixture.read("customers/novy-zakaznik.yaml")
                    == "name: Nový zákazník s.r.o.\nkind: company\nstatus: lead\ncreated: 2026-11-22\n")
    }

    @Test("Without $VISUAL or $EDITOR and without a terminal, crm says so instead of starting a vi that waits")
    func noEditor() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        for editor in [["EDITOR": ""], ["EDITOR": " ", "VISUAL": ""], [:]] {
            let result = fixture.crm(["edit", "acme"], extra: editor)
            #expect(result.status == 2)
            #expect(result.errors.hasPrefix("crm: error: no editor to run: $VISUAL and $EDITOR are unset or empty, and vi needs a terminal"),
                    "\(result.errors)")
        }
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
        #expect(try fixture.git("status", "--porcelain") == "")
    }
}

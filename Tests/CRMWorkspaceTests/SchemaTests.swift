import CRMTestSupport
import Testing
@testable import CRMWorkspace

@Suite("Schema")
struct SchemaTests {
    @Test("Built-in types have the contract's fields")
    func builtinFields() throws {
        let workspace = try TemporaryWorkspace().workspace
        let customer = try #require(workspace.schema.type(named: "customer"))
        #expect(customer.fieldKeys == ["name", "kind", "status", "segment", "owner", "email", "phone", "website", "address",
                                       "reg-no", "vat-id", "tags", "created", "opt-outs", "contact-every", "uid", "lawful-basis", "consent", "erased",
                                       "notes"])
        #expect(customer.fields.filter(\.personal).map(\.key) == ["name", "email", "phone", "notes"])
        #expect(customer.field("lawful-basis")?.kind == .enumeration(["consent", "contract", "legal-obligation", "legitimate-interest"]))
        #expect(customer.field("status")?.kind == .enumeration(["lead", "prospect", "active", "inactive", "churned"]))
        #expect(customer.field("address")?.kind == .map(["street", "city", "zip", "country"]))
        #expect(customer.field("name")?.required == true)
        let complaint = try #require(workspace.schema.type(named: "complaint"))
        #expect(complaint.field("severity")?.kind == .enumeration(["low", "normal", "high", "critical"]))
        #expect(complaint.field("calls")?.kind == .list(.reference("call")))
        let call = try #require(workspace.schema.type(named: "call"))
        #expect(call.fieldKeys == ["customer", "contact", "at", "direction", "channel", "duration", "by", "subject", "summary",
                                   "outcome", "follow-up", "follow-up-done", "message-id", "attachments", "in-reply-to"])
        #expect(call.field("at")?.kind == .datetime)
        #expect(call.fields.filter(\.personal).map(\.key) == ["summary"])
        #expect(try #require(workspace.schema.type(named: "contact")).field("customer")?.kind == .reference("customer"))
    }

    @Test("Broken type files are reported with their line and column", arguments: [
        ("kind: texxt", "field 'extra': unknown kind 'texxt'", "did you mean 'text'?"),
        ("kind: integer", "field 'extra': unknown kind 'integer'",
         "known: text, long-text, enum, date, datetime, number, money, email, phone, url, bool, reference, list, map"),
        ("kind: text\n  unique: maybe", "unique is true or false", nil),
        ("kind: text\n  personal: perhaps", "personal is true or false", nil),
        ("kind: map\n  fields: [city]\n  aliases: [Město > town]", "unknown entry of 'extra' 'town'", "known: city"),
        ("kind: map\n  fields: [city]\n  aliases: [Město]", "'Město': a map's alias names its entry", "write ALIAS > ENTRY, for example Město > city"),
        ("kind: enum", "enum field 'extra' needs its values", "add `values: [first, second, ...]`"),
        ("kind: reference\n  to: custommer", "field 'extra' refers to unknown type 'custommer'", "did you mean 'customer'?"),
        ("kind: text\n  requird: true", "unknown field property 'requird'", "did you mean 'required'?"),
        ("kind: list\n  of: list", "a list holds single values, not list", nil),
    ])
    func brokenTypes(_ definition: String, _ message: String, _ hint: String?) throws {
        let fixture = try TemporaryWorkspace(files: [".crm/types/thing.yaml": "type:\n  folder: things\n  title: name\nname:\n  kind: text\nextra:\n  \(definition)\n"])
        let workspace = fixture.workspace
        let problem = try #require(workspace.problems.first)
        #expect(problem.path == ".crm/types/thing.yaml")
        #expect(problem.message == message)
        #expect(problem.hint == hint)
        // One typo costs one error: the rest of the type loads, the wrong field is read as text.
        let thing = try #require(workspace.schema.type(named: "thing"))
        #expect(thing.fieldKeys == ["name", "extra"])
        #expect(workspace.problems.count == 1)
        #expect(workspace.schema.type(named: "customer") != nil)
    }

    @Test("A type that cannot be placed is left out", arguments: [
        "type:\n  folder: Things!\nname:\n  kind: text\n",
        "type:\n  folder: customers\nname:\n  kind: text\n",
    ])
    func unplaceable(_ text: String) throws {
        let fixture = try TemporaryWorkspace(files: [".crm/types/thing.yaml": text])
        #expect(fixture.workspace.schema.type(named: "thing") == nil)
        #expect(!fixture.workspace.problems.isEmpty)
    }

    @Test("Aliases and unique fields are read from the type file")
    func aliases() throws {
        let fixture = try TemporaryWorkspace()
        let customer = try #require(fixture.workspace.schema.type(named: "customer"))
        #expect(customer.field("reg-no")?.aliases.contains("IČO") == true)
        #expect(customer.field("reg-no")?.unique == true)
        #expect(customer.field("address")?.entryAliases["Město"] == "city")
        #expect(customer.field("name")?.unique == false)
        #expect(try #require(fixture.workspace.schema.type(named: "contact")).field("email")?.unique == true)
    }

    @Test("Problems point into the type file")
    func location() throws {
        let fixture = try TemporaryWorkspace(files: [".crm/types/thing.yaml": "name:\n  kind: text\nsize:\n  kind: nummber\n"])
        let problem = try #require(fixture.workspace.problems.first)
        #expect(problem.location?.line == 4)
        #expect(problem.location?.column == 9)
        #expect(problem.sourceLine == "  kind: nummber")
    }
}

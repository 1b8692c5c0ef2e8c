import CRMTestSupport
import Foundation
import Testing

/// `crm types --format json-schema`: the types as draft-07 JSON Schemas, checked with a real
/// validator (python3-jsonschema) against every record of sample-workspace, read as crm reads
/// it (every value text) and as a YAML 1.2 tool reads it (numbers, booleans, nulls), and
/// against records `crm check` rejects.
@Suite("JSON Schemas of the types", .serialized)
struct JSONSchemaTests {
    static let hasJSONSchema = (try? GitFixture.shell(["python3", "-c", "import jsonschema, yaml"]))?.status == 0

    /// The validator's findings for each `(type, record path)` of `fixture`, keyed by path.
    static func validate(_ records: [(type: String, path: String)], in fixture: GitFixture) throws -> [String: [String: Any]] {
        let folder = fixture.root + "/.crm/schemas"
        let written = fixture.crm(["types", "--format", "json-schema", ".crm/schemas"])
        #expect(written.status == 0, "\(written.errors)")
        let input = records.map { "\(folder)/\($0.type).schema.json\t\(fixture.root)/\($0.path)" }
        let results = try PythonHelper.jsonLines(PythonHelper.script("jsonschema_records.py"), input: input, needs: "python3-jsonschema and python3-yaml")
        return Dictionary(uniqueKeysWithValues: results.map { (($0["path"] as? String ?? "").replacingOccurrences(of: fixture.root + "/", with: ""), $0) })
    }

    @Test("Every record of sample-workspace is valid, read as text and read as typed YAML",
          .enabled(if: hasJSONSchema, "python3's jsonschema or yaml is not installed (make deps installs them)"))
    func sample() throws {
        let fixture = try GitFixture(copyOfSample: ())
        var records: [(type: String, path: String)] = []
        for type in ["customer", "contact", "call", "complaint", "deal", "invoice"] {
            let paths = fixture.crm(["list", type, "--format", "paths"]).output.split(separator: "\n").map(String.init)
            records += paths.map { (type, $0) }
        }
        #expect(records.count > 300)
        let results = try Self.validate(records, in: fixture)
        #expect(results.count == records.count)
        for (path, result) in results.sorted(by: { $0.key < $1.key }) {
            #expect((result["text"] as? [String]) == [], "\(path): \(result["text"] ?? "")")
            #expect((result["typed"] as? [String]) == [], "\(path): \(result["typed"] ?? "")")
        }
    }

    @Test("Records crm check rejects are rejected by the schema too (as typed YAML, where the value survives reading)", .enabled(if: hasJSONSchema, "python3's jsonschema is not installed"),
          arguments: [
              ("customer", "name: Alfa\nstatus: activ\n", "status", true),
              ("customer", "name: Alfa\nnmae: Beta\n", "nmae", true),
              ("customer", "status: active\n", "name", true),
              ("customer", "name: Alfa\ntags: vip\n", "tags", true),
              ("customer", "name: Alfa\naddress:\n  town: Brno\n", "town", true),
              ("customer", "name: Alfa\nwebsite: alfa.cz\n", "website", true),
              ("customer", "name: Alfa\nreg-no: \"1234\"\n", "reg-no", true),
              ("contact", "name: Jana\ncustomer: acme\nemail: jana@@acme.cz\n", "email", true),
              ("contact", "name: Jana\ncustomer: acme\nemail: jana@acme\n", "email", true),
              ("contact", "name: Jana\ncustomer: acme\nphone: +420 60x 123\n", "phone", true),
              ("contact", "name: Jana\ncustomer: acme\nphone: \"12345\"\n", "phone", true),
              ("call", "customer: acme\nat: 2026-13-02T10:00\nsubject: Servis\n", "at", true),
              ("call", "customer: acme\nat: 2026-11-02\nsubject: Servis\n", "at", true),
              ("invoice", "number: FV-1\ncustomer: acme\nissued: 2026-11-02\ndue: 2026-11-16\namount: 12.345\n", "amount", false),
              ("invoice", "number: FV-1\ncustomer: acme\nissued: 2026-11-02\ndue: 2026-11-16\namount: 1 500\n", "amount", true),
          ])
    func rejected(type: String, text: String, field: String, typedToo: Bool) throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\nreg-no: \"12345678\"\n"])
        let paths = ["customer": "customers/bad.yaml", "contact": "contacts/bad.yaml", "call": "calls/2026/11/2026-11-02-acme-a1b2.yaml",
                     "invoice": "invoices/fv-1.yaml"]
        let path = try #require(paths[type])
        try FileManager.default.createDirectory(atPath: fixture.root + "/" + path.split(separator: "/").dropLast().joined(separator: "/"),
                                                withIntermediateDirectories: true)
        try fixture.write(path, text)
        let check = fixture.crm(["check"])
        let said = check.output + check.errors
        #expect(check.status == 1 && said.contains("\(path):") && said.contains(field), "crm check: \(said)")
        let result = try #require(try Self.validate([(type, path)], in: fixture)[path])
        let problems = (result["text"] as? [String] ?? []) + (result["typed"] as? [String] ?? [])
        #expect((result["text"] as? [String])?.isEmpty == false, "read as text")
        // A YAML tool reads 12.345 as a number; how many decimals it had is gone, so only crm check knows.
        #expect((result["typed"] as? [String])?.isEmpty == !typedToo, "read as typed YAML")
        #expect(problems.contains { $0.contains(field) }, "\(problems)")
    }

    @Test("An erased person needs nothing; empty optional fields and numbers where text is meant are fine",
          .enabled(if: hasJSONSchema, "python3's jsonschema is not installed"))
    func accepted() throws {
        let fixture = try GitFixture(files: [
            "customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\nsegment:\nreg-no: \"12345678\"\n",
            "customers/person-1.yaml": "kind: person\nerased: 2026-11-01\n",
            "contacts/jana.yaml": "name: 2026\ncustomer: acme\nphone: 601123456\n",
        ])
        #expect(fixture.crm(["check"]).status == 0)
        let results = try Self.validate([("customer", "customers/acme.yaml"), ("customer", "customers/person-1.yaml"),
                                         ("contact", "contacts/jana.yaml")], in: fixture)
        for (path, result) in results {
            #expect((result["text"] as? [String]) == [], "\(path): \(result)")
            #expect((result["typed"] as? [String]) == [], "\(path): \(result)")
        }
    }

    @Test("One type to standard output; a folder holding records is refused; no type and no folder is a usage error")
    func command() throws {
        let fixture = try GitFixture(files: [:])
        let one = fixture.crm(["types", "contact", "--format", "json-schema"])
        #expect(one.status == 0)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(one.output.utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        #expect(schema["additionalProperties"] as? Bool == false)
        #expect(((schema["else"] as? [String: Any])?["required"] as? [String])?.contains("name") == true)
        let refused = fixture.crm(["types", "--format", "json-schema", "contacts/"])
        #expect(refused.status == 2 && refused.errors.contains("contacts/ holds records"), "\(refused.errors)")
        #expect(fixture.crm(["types", "--format", "json-schema"]).status == 64)
        let unknown = fixture.crm(["types", "contakt", "--format", "json-schema"])
        #expect(unknown.status == 64 && unknown.errors.contains("did you mean 'contact'?"))
    }
}

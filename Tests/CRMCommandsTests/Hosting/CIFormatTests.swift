@testable import CRMCommands
import Foundation
import Testing

/// `crm check --format github|gitlab`: problems as CI hosts show them, paths the repository's.
@Suite("CI annotations from crm check")
struct CIFormatTests {
    static func fixture() throws -> GitFixture {
        let fixture = try GitFixture()
        try fixture.write("customers/acme.yaml", "name: Acme, s.r.o.\nstatuss: active\n")
        try fixture.write("customers/beta.yaml", "name: Beta\nstatus: nope\n")
        return fixture
    }

    @Test("GitHub Actions workflow commands, escaped as GitHub reads them")
    func github() throws {
        let fixture = try Self.fixture()
        let result = fixture.crm(["check", "--format", "github"])
        #expect(result.status == 1)
        #expect(result.output == """
            ::error file=customers/acme.yaml,line=2,col=1,title=crm unknown-field::unknown field 'statuss' for a customer (did you mean 'status'?)
            ::error file=customers/beta.yaml,line=2,col=9,title=crm invalid-value::'nope' is not one of: lead, prospect, active, inactive, churned

            """)
    }

    @Test("Property values escape the separators; messages escape line breaks and percent signs")
    func escaping() {
        #expect(CIAnnotations.escapedProperty("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae")
        #expect(CIAnnotations.escapedData("50 % off\r\nnow") == "50 %25 off%0D%0Anow")
    }

    static let hasJSONSchema = (try? GitFixture.shell(["python3", "-c", "import jsonschema"]))?.status == 0

    @Test("A GitLab Code Quality report that the report's schema accepts, one fingerprint per problem",
          .enabled(if: hasJSONSchema, "python3's jsonschema is not installed (make deps installs it)"))
    func gitlab() throws {
        let fixture = try Self.fixture()
        let result = fixture.crm(["check", "--format", "gitlab"])
        #expect(result.status == 1)
        let report = fixture.root + "/gl-code-quality-report.json"
        try Data(result.output.utf8).write(to: URL(fileURLWithPath: report))
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/gitlab-codequality.schema.json").path
        let validated = try GitFixture.shell(["python3", "-c", """
            import json, sys, jsonschema
            jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))
            """, report, schema])
        #expect(validated.status == 0, "\(validated.errors)")
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(issues.count == 2)
        #expect(Set(issues.compactMap { $0["fingerprint"] as? String }).count == 2)
        #expect((issues[0]["location"] as? [String: Any])?["path"] as? String == "customers/acme.yaml")
    }
}

import Foundation
import Testing

/// Runs an editor's test script against a fixture workspace and reads what the script saw:
/// the script gets `CRM_ROOT` (the workspace), `CRM_BIN` (the crm under test) and `CRM_OUT`
/// (where it writes its findings as JSON), and a home folder of its own.
enum EditorScript {
    /// The fixture every editor test opens: a customer, and a contact with a misspelt enum value.
    static func fixture() throws -> GitFixture {
        let fixture = try GitFixture(files: ["customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\n"])
        try fixture.write("contacts/jana-mala.yaml", "name: Jana Malá\ncustomer: acme\nrole: nákupčí\nlawful-basis: contrct\n")
        return fixture
    }

    /// Writes `script` as `file` in a fresh folder, runs `command` (in which `SCRIPT` stands for
    /// the script's path) and returns the JSON object the script wrote. The variables in `homes`
    /// name the home folder too (an editor's XDG folders).
    static func run(_ script: String, as file: String, command: [String], fixture: GitFixture,
                    homes: [String] = []) throws -> [String: Any] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-editor-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try script.write(toFile: folder + "/" + file, atomically: true, encoding: .utf8)
        let arguments = command.map { $0.replacingOccurrences(of: "SCRIPT", with: folder + "/" + file) }
        let result = try GitFixture.shell(["timeout", "90"] + arguments,
                                          environment: ["CRM_ROOT": fixture.root, "CRM_BIN": GitFixture.executable, "CRM_OUT": folder + "/out.json",
                                                        "HOME": folder].merging(homes.map { ($0, folder) }) { $1 })
        #expect(result.status == 0, "\(result.errors)")
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/out.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

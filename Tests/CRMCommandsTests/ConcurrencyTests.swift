import Foundation
import Testing
@testable import CRMWorkspace

@Suite("Concurrent writers and crash safety", .serialized)
struct ConcurrencyTests {
    @Test("Two processes making 200 crm set calls each lose no update and make 400 commits")
    func twoWriters() throws {
        let fixture = try GitFixture(files: [
            "customers/acme.yaml": "name: Acme\n", "customers/beta.yaml": "name: Beta\n", "customers/gamma.yaml": "name: Gamma\n",
        ])
        let before = Int(try fixture.git("rev-list", "--count", "HEAD").trimmingCharacters(in: .newlines))!
        func script(_ name: String, odd: String, even: String) -> String {
            """
            for i in $(seq 1 200); do
              if [ $((i % 2)) -eq 1 ]; then "$CRM" set \(odd)=\(name)$i; else "$CRM" set \(even)=\(name)$i; fi >/dev/null || exit 1
            done
            """
        }
        var environment = fixture.environment
        environment["CRM"] = GitFixture.executable
        environment["CRM_WORKSPACE"] = fixture.root
        let writers = [script("a", odd: "acme owner", even: "beta segment"), script("b", odd: "acme segment", even: "gamma owner")]
            .map { text -> Process in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", text]
                process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
                return process
            }
        for writer in writers { try writer.run() }
        for writer in writers { writer.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        #expect(try fixture.read("customers/acme.yaml") == "name: Acme\nsegment: b199\nowner: a199\n")
        #expect(try fixture.read("customers/beta.yaml") == "name: Beta\nsegment: a200\n")
        #expect(try fixture.read("customers/gamma.yaml") == "name: Gamma\nowner: b200\n")
        #expect(Int(try fixture.git("rev-list", "--count", "HEAD").trimmingCharacters(in: .newlines)) == before + 400)
        #expect(try fixture.git("status", "--porcelain") == "")
        #expect(try fixture.git("fsck", "--no-progress").isEmpty)
    }

    @Test("The lock makes a second writer wait, then fail with a clear message")
    func lockTimeout() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": "name: Acme\n"])
        let workspace = Workspace(root: fixture.root)
        let held = try WorkspaceLock(workspace: workspace)
        #expect(throws: FileError.self) { try WorkspaceLock(workspace: workspace, timeout: 0.2) }
        withExtendedLifetime(held) {}
    }
}

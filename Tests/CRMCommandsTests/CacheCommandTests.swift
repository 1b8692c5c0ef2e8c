#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import CRMWorkspace

/// The record cache seen from the command line: what git does to the files is seen, and
/// processes running at once leave caches that are whole.
@Suite("The cache on the command line", .serialized)
struct CacheCommandTests {
    /// Sets the file times of every record an hour back, so the cache trusts them.
    static func age(_ root: String) throws {
        for file in RecordScanner.scan(Workspace(root: root)).files {
            var times = [timespec(tv_sec: time(nil) - 3600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3600, tv_nsec: 0)]
            guard utimensat(AT_FDCWD, root + "/" + file.path, &times, 0) == 0 else { throw FixtureError("cannot age \(file.path)") }
        }
    }

    @Test("A git checkout that rewrites files is seen; --no-cache agrees")
    func gitCheckout() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": "name: Acme\nstatus: active\n", "customers/beta.yaml": "name: Beta\n"])
        #expect(fixture.crm(["set", "acme", "status=churned"]).status == 0)
        try Self.age(fixture.root)
        let list = ["list", "customer", "--fields", "name,status", "--format", "csv"]
        #expect(fixture.crm(list).output == "id,name,status\r\nacme,Acme,churned\r\nbeta,Beta,\r\n")
        #expect(fixture.crm(list).output == "id,name,status\r\nacme,Acme,churned\r\nbeta,Beta,\r\n")
        try fixture.git("checkout", "-q", "HEAD~1", "--", "customers/acme.yaml")
        #expect(fixture.crm(list).output == "id,name,status\r\nacme,Acme,active\r\nbeta,Beta,\r\n")
        #expect(fixture.crm(["--no-cache"] + list).output == fixture.crm(list).output)
        #expect(FileIO.kind(of: fixture.root + "/.crm/cache/customer.records") == .file)
        #expect(try fixture.git("status", "--porcelain", "--ignored", ".crm") == "!! .crm/cache/\n")
    }

    @Test("Processes reading and rewriting the cache at once leave it whole and right")
    func concurrentProcesses() throws {
        var files: [String: String] = [:]
        for number in 0..<200 { files["calls/2026/11/c\(number).yaml"] = "customer: acme\nat: 2026-11-20T10:00\nsubject: Call \(number)\n" }
        files["customers/acme.yaml"] = "name: Acme\n"
        let fixture = try GitFixture(files: files)
        try Self.age(fixture.root)
        let reader = "for i in $(seq 1 25); do \"$CRM\" list call --format ids > /dev/null || exit 1; done"
        let editor = """
            for i in $(seq 1 25); do
              printf 'customer: acme\\nat: 2026-11-21T10:00\\nsubject: Edited %s\\n' "$i" > "$CRM_WORKSPACE/calls/2026/11/c$((i % 7)).yaml"
              rm -f "$CRM_WORKSPACE/.crm/cache/call.records"
            done
            """
        var environment = fixture.environment
        environment["CRM"] = GitFixture.executable
        environment["CRM_WORKSPACE"] = fixture.root
        let processes = [reader, reader, editor].map { text -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", text]
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let list = ["list", "call", "--fields", "subject", "--format", "csv"]
        #expect(fixture.crm(list).output == fixture.crm(["--no-cache"] + list).output)
        let cache = fixture.root + "/.crm/cache/call.records"
        if FileIO.kind(of: cache) != nil {
            let type = try #require(Workspace(root: fixture.root).schema.type(named: "call"))
            #expect(RecordCacheFile(path: cache, key: RecordCacheFile.key(for: type)) != nil)
        }
    }
}

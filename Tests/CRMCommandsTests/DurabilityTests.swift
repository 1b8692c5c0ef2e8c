import CRMWorkspace
import Foundation
import Testing

/// Where crm meets plain git: hooks, filters, hand edits, a crash followed by `git commit -am`,
/// records near the size limit and merges of files crm cannot read. Each runs the real `crm`
/// binary and checks with the real `git`.
@Suite("Durability next to plain git", .serialized)
struct DurabilityTests {
    static let acme = "name: Acme\nstatus: active\n"

    private func crm(_ fixture: GitFixture, _ arguments: [String], fault: String = "", extra: [String: String] = [:]) throws -> CLIHarness.Result {
        var environment = fixture.environment.merging(extra) { $1 }
        environment["CRM_FAULT"] = fault
        return try fixture.execute([GitFixture.executable, "-C", fixture.root] + arguments, environment: environment)
    }

    private func hook(_ fixture: GitFixture, _ name: String, _ script: String) throws {
        let path = fixture.root + "/.git/hooks/" + name
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    @Test("A refusing pre-commit hook stops crm set: its output is shown and nothing changes; --no-verify skips it")
    func refusingHook() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        try hook(fixture, "pre-commit", "#!/bin/sh\necho \"refused: $(git diff --cached --name-only)\" >&2\nexit 1\n")
        let head = try fixture.git("rev-parse", "HEAD")
        let refused = try crm(fixture, ["set", "acme", "owner=jana"])
        #expect(refused.status == 2)
        #expect(refused.errors == """
            refused: customers/acme.yaml
            crm: error: the pre-commit hook refused the commit (exit status 1); nothing was changed
            hint: fix what it says, or skip the hooks with --no-verify

            """, "\(refused.errors)")
        #expect(try fixture.read("customers/acme.yaml") == Self.acme)
        #expect(try fixture.git("rev-parse", "HEAD") == head)
        #expect(try fixture.git("status", "--porcelain") == "")
        #expect(try crm(fixture, ["set", "acme", "owner=jana", "--no-verify"]).status == 0)
        #expect(try fixture.git("log", "-1", "--format=%s") == "crm: set acme owner=jana\n")
    }

    @Test("Hooks from core.hooksPath run; commit-msg may change the message; post-commit's output is shown")
    func hooksPath() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        try fixture.git("config", "core.hooksPath", "tools/hooks")
        try FileManager.default.createDirectory(atPath: fixture.root + "/tools/hooks", withIntermediateDirectories: true)
        for (name, script) in [("commit-msg", "#!/bin/sh\nprintf '\\nRefs: CRM-7\\n' >> \"$1\"\n"),
                               ("post-commit", "#!/bin/sh\necho \"committed $(git rev-parse --short HEAD)\"\n")] {
            let path = fixture.root + "/tools/hooks/" + name
            try Data(script.utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        let result = try crm(fixture, ["set", "acme", "owner=jana"])
        #expect(result.status == 0, "\(result.errors)")
        let short = try fixture.git("rev-parse", "--short", "HEAD").trimmingCharacters(in: .newlines)
        #expect(result.errors == "committed \(short)\n")
        #expect(try fixture.git("log", "-1", "--format=%B") == "crm: set acme owner=jana\n\nRefs: CRM-7\n\n")
    }

    @Test("A clean filter (as git-crypt uses) is applied to what crm commits: HEAD holds the filtered form, git status is clean")
    func cleanFilter() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        try fixture.git("config", "filter.rot13.clean", "tr A-Za-z N-ZA-Mn-za-m")
        try fixture.git("config", "filter.rot13.smudge", "tr A-Za-z N-ZA-Mn-za-m")
        try fixture.write(".gitattributes", try fixture.read(".gitattributes") + "customers/*.yaml filter=rot13\n")
        try fixture.git("add", ".gitattributes", "customers/acme.yaml")
        try fixture.git("commit", "-qm", "encrypt customers")
        #expect(try crm(fixture, ["set", "acme", "owner=jana"]).status == 0)
        #expect(try fixture.read("customers/acme.yaml") == Self.acme + "owner: jana\n")
        #expect(try fixture.git("cat-file", "-p", "HEAD:customers/acme.yaml") == "anzr: Npzr\nfgnghf: npgvir\nbjare: wnan\n")
        #expect(try fixture.git("status", "--porcelain") == "")
        try fixture.git("config", "--unset", "filter.rot13.clean")
        try fixture.git("config", "filter.rot13.required", "true")
        let refused = try crm(fixture, ["set", "acme", "owner=petr"])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("which is required (filter.rot13.required) but has no clean command"), "\(refused.errors)")
        #expect(try fixture.read("customers/acme.yaml") == Self.acme + "owner: jana\n")
    }

    @Test("Hand edits in a record crm changes: invalid ones are refused, valid ones are named and committed with it")
    func handEdits() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        try fixture.write("customers/acme.yaml", "name: Acme\nstatus: bogus\n")
        let refused = try crm(fixture, ["set", "acme", "owner=jana"])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("customers/acme.yaml:2:9: error: 'bogus' is not one of"), "\(refused.errors)")
        #expect(refused.errors.contains("crm: error: customers/acme.yaml has hand edits that are not valid, so crm will not commit them"))
        #expect(try fixture.read("customers/acme.yaml") == "name: Acme\nstatus: bogus\n")
        try fixture.write("customers/acme.yaml", "name: Acme\nstatus: prospect\n")
        let named = try crm(fixture, ["set", "acme", "owner=jana"])
        #expect(named.status == 0)
        #expect(named.errors == "customers/acme.yaml: also committed hand edits: status: active → prospect\n", "\(named.errors)")
        #expect(try fixture.git("log", "-1", "--format=%B") == "crm: set acme owner=jana\n\nAlso commits hand edits of customers/acme.yaml: status.\n\n")
    }

    @Test("A crash, then `git commit -am`: the next crm keeps what the user's commit holds and commits the rest",
          arguments: ["kill:renamed:2", "kill:stored", "kill:committed"])
    func crashThenCommitAll(_ fault: String) throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme,
                                             "contacts/jan.yaml": "name: Jan\ncustomer: acme\n"])
        #expect(try crm(fixture, ["mv", "acme", "acme-corp"], fault: fault).status == SIGKILL)
        try? FileManager.default.removeItem(atPath: fixture.root + "/.git/index.lock")
        try fixture.git("commit", "-qam", "the user's commit")
        let next = try crm(fixture, ["check"])
        #expect(next.status == 0, "\(next.output)\(next.errors)")
        #expect(!next.errors.contains("put back"), "\(next.errors)")
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/customers/acme-corp.yaml"))
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/customers/acme.yaml"))
        #expect(try fixture.read("contacts/jan.yaml") == "name: Jan\ncustomer: acme-corp\n")
        #expect(try fixture.git("ls-files", "customers") == "customers/acme-corp.yaml\n")
        #expect(try fixture.git("status", "--porcelain", "--untracked-files=all") == "")
        #expect(!FileManager.default.fileExists(atPath: WorkspaceState(root: fixture.root).journalPath))
    }

    @Test("A record is never made larger than crm reads: the add that would is refused, and subjects are cut")
    func sizeLimit() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme])
        var added = 0
        var refused: CLIHarness.Result?
        for round in 0..<12 {
            let result = try crm(fixture, ["add", "acme", "tags", String(repeating: Character(UnicodeScalar(97 + round)!), count: 120_000)])
            if result.status != 0 {
                refused = result
                break
            }
            added += 1
        }
        #expect(added == 8)
        #expect(refused?.status == 2)
        #expect(refused?.errors.contains("the record would be ") == true && refused?.errors.contains("at most 1048576 bytes (1 MiB)") == true,
                "\(refused?.errors ?? "")")
        #expect(try FileManager.default.attributesOfItem(atPath: fixture.root + "/customers/acme.yaml")[.size] as? Int ?? 0 <= 1 << 20)
        for subject in try fixture.git("log", "--format=%s").split(separator: "\n") { #expect(subject.count <= 100) }
        #expect(try crm(fixture, ["show", "acme", "--format", "ids"]).status == 64)
        #expect(try crm(fixture, ["check"]).status == 0)
        try fixture.write("big.csv", "name,notes\nHuge,\"" + String(repeating: "x", count: 2 << 20) + "\"\nSmall,fine\n")
        let imported = try crm(fixture, ["import", "csv", fixture.root + "/big.csv", "--type", "customer"])
        #expect(imported.status == 2)
        #expect(imported.errors.contains("row 2: rejected: the record would be"), "\(imported.errors)")
        #expect(imported.output.contains("row 3: created customer small"))
    }

    @Test("git pull with the record driver: a Windows-1250 or binary record is left to git as a conflict, byte for byte",
          arguments: [
              Array("name: Strojírny Novák\nstatus: active\n".utf8).map { $0 },
              [0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0x53, 0x74, 0x72, 0x6F, 0x6A, 0xED, 0x72, 0x6E, 0x79, 0x0A],
              [0x00, 0xFF, 0x13, 0x37, 0x0A, 0x80, 0x81],
          ])
    func unreadableMerge(_ base: [UInt8]) throws {
        let team = try TeamFixture(files: ["customers/acme.yaml": Self.acme])
        try Data(base).write(to: URL(fileURLWithPath: team.ana.root + "/customers/odd.yaml"))
        try team.ana.git("add", "customers/odd.yaml")
        try team.ana.git("commit", "-qm", "odd")
        try team.ana.git("push", "-q", "origin", "HEAD")
        _ = try team.benMerges(.gitPull)
        let ours = base + Array("owner: ben\n".utf8)
        try Data(base + Array("owner: ana\n".utf8)).write(to: URL(fileURLWithPath: team.ana.root + "/customers/odd.yaml"))
        try team.ana.git("commit", "-qam", "ana's edit")
        try team.ana.git("push", "-q", "origin", "HEAD")
        try Data(ours).write(to: URL(fileURLWithPath: team.ben.root + "/customers/odd.yaml"))
        try team.ben.git("commit", "-qam", "ben's edit")
        let pulled = try team.benMerges(.gitPull)
        #expect(pulled.status != 0)
        let merged = try Data(contentsOf: URL(fileURLWithPath: team.ben.root + "/customers/odd.yaml"))
        let isUTF8 = String(data: Data(base), encoding: .utf8) != nil && !base.contains(0)
        if isUTF8 {
            #expect(!String(decoding: merged, as: UTF8.self).contains("\u{FFFD}"))
        } else {
            #expect(Array(merged) == ours, "the driver left ours untouched")
        }
        #expect(try team.ben.git("status", "--porcelain").contains("UU customers/odd.yaml"))
    }

    @Test("crm check reports a hidden record file and a file name that is not UTF-8, never skipping them")
    func hiddenAndInvalidNames() throws {
        let fixture = try GitFixture(files: ["customers/acme.yaml": Self.acme, "customers/.draft.yaml": "name: Draft\n"])
        let name = Array((fixture.root + "/customers/caf").utf8) + [0xE9] + Array(".yaml".utf8) + [0]
        let descriptor = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(descriptor >= 0)
        close(descriptor)
        let check = try crm(fixture, ["check"])
        #expect(check.status == 1)
        #expect(check.output.contains("customers/.draft.yaml: warning: a hidden file in a type folder; crm does not read it as a record"),
                "\(check.output)")
        #expect(check.output.contains("customers/caf\u{FFFD}.yaml: error: the file name is not valid UTF-8, so crm cannot read it as a record"),
                "\(check.output)")
    }
}

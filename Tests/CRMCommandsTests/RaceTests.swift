import Foundation
import Testing

/// crm writers racing what people do beside them with plain git and the file manager: a user
/// running `git commit -am` once in a while, and a script deleting `.crm/cache/` (documented as
/// safe) over and over. Every write that exited 0 must be in the files and in git afterwards.
/// `CRM_RACE_SECONDS` sets how long (a few seconds by default; `make soak` runs 30).
@Suite("Races with plain git and a deleted cache", .serialized)
struct RaceTests {
    static let seconds = Int(ProcessInfo.processInfo.environment["CRM_RACE_SECONDS"] ?? "") ?? 3

    /// A crm worker: new records of its own and `owner` set on them, logging `ok new ID` and `ok set ID VALUE`.
    static func writer(_ worker: Int, deadline: Int) -> String {
        """
        n=0; mine=()
        while [ "$(date +%s)" -lt \(deadline) ]; do
          n=$((n + 1))
          if [ ${#mine[@]} -eq 0 ] || [ $((RANDOM % 3)) -eq 0 ]; then
            id="w\(worker)-$n"
            if "$CRM" new customer --id "$id" "name=Worker w\(worker)n$n" >/dev/null 2>>"$ERRORS"; then mine+=("$id"); echo "ok new $id"
            else echo "failed $? new $id"; fi
          else
            id=${mine[$((RANDOM % ${#mine[@]}))]}
            if "$CRM" set "$id" "owner=w\(worker)v$n" >/dev/null 2>>"$ERRORS"; then echo "ok set $id w\(worker)v$n"
            else echo "failed $? set $id"; fi
          fi
        done
        """
    }

    /// Runs `scripts` at once until they end, with `crm` and the fixture's identity; returns each one's output lines.
    static func race(_ fixture: GitFixture, _ scripts: [String]) throws -> [[String]] {
        let processes = try scripts.enumerated().map { offset, script -> (Process, Pipe) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script]
            var environment = ProcessInfo.processInfo.environment.merging(fixture.environment) { $1 }
            environment["CRM"] = GitFixture.executable
            environment["CRM_WORKSPACE"] = fixture.root
            environment["ERRORS"] = fixture.root + "/.git/race-errors-\(offset)"
            process.environment = environment
            process.currentDirectoryURL = URL(fileURLWithPath: fixture.root)
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            return (process, output)
        }
        return processes.map { process, output in
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
    }

    /// Each acknowledged write is in the files and in git's history, and the last value of each record is in HEAD.
    static func expectAcknowledged(_ logs: [String], in fixture: GitFixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var last: [String: String?] = [:]
        for line in logs {
            let words = line.split(separator: " ").map(String.init)
            #expect(words.first == "ok", "\(line)", sourceLocation: sourceLocation)
            guard words.first == "ok" else { continue }
            if words[1] == "new" { last[words[2]] = .some(nil) } else { last[words[2]] = .some(words[3]) }
            if words[1] == "set" {
                #expect(try fixture.git("log", "--format=%h", "-S", "owner: \(words[3])", "--", "customers/\(words[2]).yaml") != "",
                        "\(line) is not in git's history", sourceLocation: sourceLocation)
            }
        }
        #expect(!last.isEmpty, sourceLocation: sourceLocation)
        for (id, owner) in last {
            let head = try fixture.execute(["git", "-C", fixture.root, "show", "HEAD:customers/\(id).yaml"])
            #expect(head.status == 0, "\(id) is not in HEAD", sourceLocation: sourceLocation)
            let text = (try? fixture.read("customers/\(id).yaml")) ?? ""
            #expect(text == head.output, "\(id): the file and HEAD differ", sourceLocation: sourceLocation)
            if let owner { #expect(text.contains("owner: \(owner)\n"), "\(id): \(text)", sourceLocation: sourceLocation) }
        }
        #expect(try fixture.git("fsck", "--no-progress", "--no-dangling", "--strict") == "", sourceLocation: sourceLocation)
        #expect(fixture.crm(["check"]).status == 0, sourceLocation: sourceLocation)
    }

    @Test("A user's `git commit -am` racing three crm writers loses no acknowledged write from HEAD or from disk")
    func commitAllRace() throws {
        let fixture = try GitFixture(files: ["customers/shared.yaml": "name: Shared\n"])
        try fixture.write("notes.txt", "0\n")
        try fixture.git("add", "notes.txt")
        try fixture.git("commit", "-qm", "notes")
        let deadline = Int(Date().timeIntervalSince1970) + Self.seconds
        let user = """
            n=0
            while [ "$(date +%s)" -lt \(deadline) ]; do
              n=$((n + 1)); echo "$n" >> notes.txt
              git commit -qam "the user's commit $n" >/dev/null 2>&1 && echo "user $n" || echo "user-refused $n"
              sleep 0.1
            done
            """
        let logs = try Self.race(fixture, (1...3).map { Self.writer($0, deadline: deadline) } + [user])
        let userCommits = logs[3].filter { $0.hasPrefix("user ") }.count
        print("race: \(logs.prefix(3).joined().count) crm writes, \(userCommits) git commit -am, \(logs[3].count - userCommits) refused by a held index")
        try Self.expectAcknowledged(Array(logs.prefix(3).joined()), in: fixture)
        let status = try fixture.git("status", "--porcelain", "--untracked-files=all")
        #expect(status == "" || status == " M notes.txt\n", "\(status)")
    }

    @Test("Deleting .crm/cache/ over and over while three crm writers work loses nothing and puts nothing back")
    func deletedCache() throws {
        let fixture = try GitFixture(files: ["customers/shared.yaml": "name: Shared\n"])
        let before = Int(try fixture.git("rev-list", "--count", "HEAD").trimmingCharacters(in: .newlines)) ?? 0
        let deadline = Int(Date().timeIntervalSince1970) + Self.seconds
        let deleter = "while [ \"$(date +%s)\" -lt \(deadline) ]; do rm -rf .crm/cache; done"
        let logs = try Self.race(fixture, (1...3).map { Self.writer($0, deadline: deadline) } + [deleter])
        let writes = Array(logs.prefix(3).joined())
        try Self.expectAcknowledged(writes, in: fixture)
        let errors = (0..<3).compactMap { try? String(contentsOfFile: fixture.root + "/.git/race-errors-\($0)", encoding: .utf8) }.joined()
        #expect(errors == "", "\(errors)")
        #expect(Int(try fixture.git("rev-list", "--count", "HEAD").trimmingCharacters(in: .newlines)) == before + writes.count)
        #expect(try fixture.git("status", "--porcelain", "--untracked-files=all") == "")
    }
}

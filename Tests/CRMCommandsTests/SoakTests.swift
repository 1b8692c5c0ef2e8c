import Foundation
import Testing

/// Four `crm` processes making mixed `new`, `set`, `rm` and `list` calls on one workspace for
/// `CRM_SOAK_SECONDS` seconds (a few by default; `make soak` runs a minute). Each worker logs
/// the calls that succeeded; afterwards the files and git history hold exactly those writes.
@Suite("Soak: four processes writing and reading one workspace", .serialized)
struct SoakTests {
    static let seconds = Int(ProcessInfo.processInfo.environment["CRM_SOAK_SECONDS"] ?? "") ?? 4
    /// The field of the shared record each worker sets (workers own disjoint fields, so the
    /// last acknowledged value of each is known).
    static let sharedFields = ["segment", "owner", "address.city", "address.street"]

    /// One worker: a loop of random calls until the deadline, logging `ok new ID`,
    /// `ok set ID FIELD VALUE`, `ok rm ID`, `ok list`, `missing ID` (a record it made and did
    /// not delete is absent from a listing) or `failed ...` with the exit status.
    static func script(worker: Int, deadline: Int) -> String {
        """
        set -u
        mine=()
        n=0
        while [ "$(date +%s)" -lt \(deadline) ]; do
          n=$((n + 1))
          choice=$((RANDOM % 10))
          if [ ${#mine[@]} -eq 0 ] || [ $choice -le 2 ]; then
            id="w\(worker)-$n"
            if "$CRM" new customer --id "$id" "name=Worker w\(worker)n$n" >/dev/null 2>>"$ERRORS"; then
              mine+=("$id"); echo "ok new $id"
            else echo "failed $? new $id"; fi
          elif [ $choice -le 5 ]; then
            id=${mine[$((RANDOM % ${#mine[@]}))]}
            if "$CRM" set "$id" "owner=w\(worker)v$n" >/dev/null 2>>"$ERRORS"; then echo "ok set $id owner w\(worker)v$n"
            else echo "failed $? set $id"; fi
          elif [ $choice -eq 6 ]; then
            if "$CRM" set shared "\(sharedFields[worker - 1])=w\(worker)v$n" >/dev/null 2>>"$ERRORS"; then
              echo "ok set shared \(sharedFields[worker - 1]) w\(worker)v$n"
            else echo "failed $? set shared"; fi
          elif [ $choice -eq 7 ]; then
            index=$((RANDOM % ${#mine[@]})); id=${mine[$index]}
            if "$CRM" rm "$id" >/dev/null 2>>"$ERRORS"; then
              echo "ok rm $id"; unset "mine[$index]"; mine=("${mine[@]}")
            else echo "failed $? rm $id"; fi
          else
            if listing=$("$CRM" list customer --format ids 2>>"$ERRORS"); then
              echo "ok list"
              for id in "${mine[@]}"; do grep -qx "$id" <<<"$listing" || echo "missing $id"; done
            else echo "failed $? list"; fi
          fi
        done
        """
    }

    @Test("Every acknowledged write is in the files and in git history, and nothing else")
    func soak() throws {
        let fixture = try GitFixture(files: ["customers/shared.yaml": "name: Shared\n"])
        let before = Int(try fixture.git("rev-list", "--count", "HEAD").trimmingCharacters(in: .newlines)) ?? 0
        let deadline = Int(Date().timeIntervalSince1970) + Self.seconds
        let workers = try (1...4).map { worker -> (Process, Pipe) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", Self.script(worker: worker, deadline: deadline)]
            var environment = ProcessInfo.processInfo.environment.merging(fixture.environment) { $1 }
            environment["CRM"] = GitFixture.executable
            environment["CRM_WORKSPACE"] = fixture.root
            environment["ERRORS"] = fixture.root + "/.git/errors-\(worker)"
            process.environment = environment
            let log = Pipe()
            process.standardOutput = log
            try process.run()
            return (process, log)
        }
        var logs: [[String]] = []
        for (process, log) in workers {
            let data = log.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            logs.append(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
        }
        let errors = (1...4).compactMap { try? String(contentsOfFile: fixture.root + "/.git/errors-\($0)", encoding: .utf8) }.joined()
        #expect(errors == "")
        var records: [String: String?] = [:]
        var shared: [String: String] = [:]
        var writes = 0
        for line in logs.joined() {
            let words = line.split(separator: " ").map(String.init)
            #expect(words[0] == "ok", "\(line)")
            guard words[0] == "ok" else { continue }
            switch words[1] {
            case "new": records[words[2]] = .some(nil)
            case "set" where words[2] == "shared": shared[words[3]] = words[4]
            case "set": records[words[2]] = .some(words[4])
            case "rm": records[words[2]] = nil
            default: continue
            }
            writes += 1
        }
        #expect(writes > 0)
        let lists = logs.joined().filter { $0 == "ok list" }.count
        print("soak: 4 workers, \(Self.seconds) s: \(writes) acknowledged writes, \(lists) listings, \(records.count + 1) records left")
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/customers")
        #expect(Set(files) == Set(records.keys.map { $0 + ".yaml" } + ["shared.yaml"]))
        for (id, owner) in records {
            let text = try fixture.read("customers/\(id).yaml")
            #expect(text.hasPrefix("name: Worker "), "\(id): \(text)")
            #expect(text.contains("\nowner: ") == (owner != nil), "\(id): \(text)")
            if let owner { #expect(text.contains("\nowner: \(owner)\n"), "\(id): \(text)") }
        }
        let sharedText = try fixture.read("customers/shared.yaml")
        for (field, value) in shared {
            #expect(sharedText.contains("\(field.hasPrefix("address.") ? "  " + field.dropFirst(8) : field): \(value)\n"), "\(sharedText)")
        }
        #expect(Int(try fixture.git("rev-list", "--count", "HEAD").trimmingCharacters(in: .newlines)) == before + writes)
        let subjects = Set(try fixture.git("log", "--format=%s").split(separator: "\n").map(String.init))
        for line in logs.joined() where line.hasPrefix("ok set ") {
            let words = line.split(separator: " ")
            #expect(subjects.contains("crm: set \(words[2]) \(words[3])=\(words[4])"), "\(line)")
        }
        #expect(try fixture.git("status", "--porcelain") == "")
        #expect(try fixture.git("fsck", "--no-progress", "--no-dangling", "--strict") == "")
        #expect(fixture.crm(["check"]).status == 0)
    }
}

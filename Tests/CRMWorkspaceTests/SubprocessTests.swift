import Foundation
import Testing
import CRMWorkspace

/// Programs crm runs (git's hooks and filters, git itself, unzip): their input, output and status.
@Suite("Subprocess")
struct SubprocessTests {
    @Test("Input goes in; output, errors and the exit status come back", arguments: [
        ("cat; echo warned >&2; exit 3", "hello\n", Int32(3), "hello\n", "warned\n"),
        ("kill -TERM $$", "", 128 + SIGTERM, "", ""),
        ("head -c 1 >/dev/null; printf done", String(repeating: "x", count: 1 << 20), 0, "done", ""),
        // SIGPIPE, which crm ignores, is the program's to take: yes ends when head has enough.
        ("yes | head -n 2", "", 0, "y\ny\n", ""),
    ])
    func runs(script: String, input: String, status: Int32, output: String, errors: String) throws {
        let result = try Subprocess("/bin/sh", ["-c", script], environment: [:], input: Array(input.utf8)).run()
        #expect(result.status == status)
        #expect(String(decoding: result.output, as: UTF8.self) == output)
        #expect(String(decoding: result.errors, as: UTF8.self) == errors)
    }

    /// A hook written a moment ago can still be open for writing in a child that another thread
    /// forked meanwhile; exec then fails with ETXTBSY until that child execs or exits.
    @Test("A program still open for writing is run once it is closed")
    func busyProgramIsTriedAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-spawn-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/hook"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        try #require(descriptor >= 0)
        let script = Array("#!/bin/sh\necho ran\n".utf8)
        #expect(write(descriptor, script, script.count) == script.count)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { close(descriptor) }
        let result = try Subprocess(path, [], environment: [:]).run()
        #expect(result.status == 0)
        #expect(String(decoding: result.output, as: UTF8.self) == "ran\n")
    }
}

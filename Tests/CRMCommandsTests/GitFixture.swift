import CRMCommands
import Foundation

/// A workspace in its own git repository, made by `crm init --git` in a temporary folder, with a
/// fixed author and date so history is reproducible, and the real `git` CLI at hand to check
/// what libgit2 wrote.
final class GitFixture {
    let root: String
    var environment: [String: String]
    /// Commit times advance by a minute per commit from here.
    private var clock = 1_795_000_000

    init(files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("crm-git-\(UUID().uuidString.prefix(8))").path
        environment = ["CRM_TODAY": "2026-11-22", "CRM_NOW": "2026-11-22T10:00", "GIT_AUTHOR_NAME": "Jana Tester",
                       "GIT_AUTHOR_EMAIL": "jana@example.cz", "GIT_COMMITTER_NAME": "Jana Tester",
                       "GIT_COMMITTER_EMAIL": "jana@example.cz"]
        let created = crm(["init", root, "--git", "--name", "test"], in: "/")
        guard created.status == 0 else { throw FixtureError("crm init --git failed: \(created.errors)") }
        for (path, text) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        if !files.isEmpty {
            let committed = crm(["commit", "-m", "fixture"])
            guard committed.status == 0 else { throw FixtureError("committing the fixture failed: \(committed.errors)") }
        }
    }

    /// A copy of sample-workspace in a new git repository, its files committed as they are.
    init(copyOfSample: Void) throws {
        root = try CLIHarness.copyOfSample()
        environment = ["CRM_TODAY": "2026-11-22", "CRM_NOW": "2026-11-22T10:00", "GIT_AUTHOR_NAME": "Jana Tester",
                       "GIT_AUTHOR_EMAIL": "jana@example.cz", "GIT_COMMITTER_NAME": "Jana Tester",
                       "GIT_COMMITTER_EMAIL": "jana@example.cz"]
        try run(["git", "init", "-q", root])
        try git("add", "-A")
        try git("commit", "-q", "-m", "sample-workspace")
    }

    /// A clone of `url` made with the real `git clone`, set up with `crm setup-git`, committing as `author`.
    init(cloning url: String, author: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("crm-clone-\(UUID().uuidString.prefix(8))").path
        environment = ["CRM_TODAY": "2026-11-22", "CRM_NOW": "2026-11-22T10:00", "GIT_AUTHOR_NAME": author,
                       "GIT_AUTHOR_EMAIL": "\(author.lowercased())@example.cz", "GIT_COMMITTER_NAME": author,
                       "GIT_COMMITTER_EMAIL": "\(author.lowercased())@example.cz"]
        try run(["git", "clone", "-q", url, root])
        let setUp = crm(["setup-git"])
        guard setUp.status == 0 else { throw FixtureError("crm setup-git failed: \(setUp.errors)") }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Runs `crm` in-process in the workspace (or `directory`), the next minute.
    @discardableResult
    func crm(_ arguments: [String], in directory: String? = nil, input: [String] = [],
             extra: [String: String] = [:]) -> CLIHarness.Result {
        clock += 60
        var environment = self.environment.merging(extra) { $1 }
        environment["GIT_AUTHOR_DATE"] = "@\(clock) +0100"
        environment["GIT_COMMITTER_DATE"] = "@\(clock) +0100"
        var context = CommandContext(console: .memory(input: input), environment: environment,
                                     currentDirectory: directory ?? root)
        let status = CRM.run(arguments, context: &context)
        return CLIHarness.Result(status: status, output: context.console.output, errors: context.console.errors)
    }

    /// Runs the real `git` CLI in the workspace (as the fixture's author, whatever git's
    /// configuration on the machine says) and returns its standard output.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try run(["git", "-C", root] + arguments, environment: environment.filter { $0.key.hasPrefix("GIT_") })
    }

    /// Runs the real `git` CLI with our `crm` first on the PATH (so git's merges use the record
    /// driver), whatever its exit status.
    func gitWithDriver(_ arguments: String...) throws -> CLIHarness.Result {
        let folder = URL(fileURLWithPath: Self.executable).deletingLastPathComponent().path
        var variables = environment.filter { $0.key.hasPrefix("GIT_") }
        variables["GIT_AUTHOR_DATE"] = "@\(clock) +0100"
        variables["GIT_COMMITTER_DATE"] = "@\(clock) +0100"
        variables["PATH"] = folder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try execute(["git", "-c", "pull.rebase=false", "-C", root] + arguments, environment: variables)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + path))
    }

    /// Runs a program to completion; fails on a non-zero exit status.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let result = try execute(arguments, environment: environment)
        guard result.status == 0 else { throw FixtureError("\(arguments.joined(separator: " ")) failed: \(result.errors)") }
        return result.output
    }

    /// Runs a program to completion and returns its exit status and output.
    func execute(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIHarness.Result {
        try Self.shell(arguments, environment: environment)
    }

    /// Runs a program (found on the PATH) to completion, with `input` on its standard input
    /// (a pipe only when there is input: tests run in parallel, and every extra pipe is another
    /// descriptor Foundation's Process closes behind the other tests' backs).
    static func shell(_ arguments: [String], environment: [String: String] = [:], input: String = "") throws -> CLIHarness.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let standardInput = input.isEmpty ? nil : Pipe()
        if let standardInput { process.standardInput = standardInput }
        try process.run()
        if let standardInput {
            standardInput.fileHandleForWriting.write(Data(input.utf8))
            try standardInput.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIHarness.Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self),
                                 errors: String(decoding: errorData, as: UTF8.self))
    }

    /// The `crm` executable built next to the tests.
    static var executable: String {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("crm").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("crm").path
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

import Foundation
import CRMWorkspace

/// A workspace made by `crm init` in its own repository made by the real `git init`, with a
/// fixed identity, for tests of the libraries against the git command.
public final class GitWorkspace {
    public let fixture: TemporaryWorkspace
    /// The identity commits are made as, and the variables the git command runs with.
    public let environment: [String: String] = [
        "GIT_AUTHOR_NAME": "Jana Tester", "GIT_AUTHOR_EMAIL": "jana@example.cz",
        "GIT_COMMITTER_NAME": "Jana Tester", "GIT_COMMITTER_EMAIL": "jana@example.cz",
        "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent", "PATH": "/usr/local/bin:/usr/bin:/bin",
    ]

    /// The workspace with `files`, committed by `git commit` as the first commit.
    public init(files: [String: String] = [:]) throws {
        fixture = try TemporaryWorkspace(files: files)
        try git("init", "-q", "-b", "main")
        try git("add", "-A")
        try git("commit", "-q", "-m", "fixture")
    }

    public var root: String { fixture.root }
    public var workspace: Workspace { fixture.workspace }

    /// Runs the real git command in the workspace and returns what it printed; fails on a non-zero exit.
    @discardableResult
    public func git(_ arguments: String...) throws -> String {
        let result = try run(["git", "-C", root] + arguments)
        guard result.status == 0 else {
            throw GitCommandFailed(message: "git \(arguments.joined(separator: " ")) exited with \(result.status): \(result.errors)")
        }
        return result.output
    }

    /// Runs a command with the fixture's environment, whatever its exit status.
    public func run(_ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        if let input {
            let pipe = Pipe()
            process.standardInput = pipe
            try process.run()
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// A file of the workspace.
    public func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    public func write(_ path: String, _ text: String) throws {
        try fixture.write(path, text)
    }
}

/// The git command failed where a test needed it to succeed.
public struct GitCommandFailed: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

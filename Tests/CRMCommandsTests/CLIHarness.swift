import CRMCommands
import CRMWorkspace
import Foundation

/// Runs `crm` in-process on a fresh copy of sample-workspace (or another folder) with a fixed
/// date, and captures what it writes, as a person or a script would see it.
struct CLIHarness {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sampleWorkspace = repository.appendingPathComponent("sample-workspace")
    /// The date sample-workspace's records were generated for (the Makefile's SAMPLE_TODAY).
    static let sampleToday = "2026-11-22"

    struct Result: Equatable {
        var status: Int32
        var output: String
        var errors: String
    }

    /// A temporary folder holding a copy of sample-workspace, removed on `cleanUp()`.
    static func copyOfSample() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(at: sampleWorkspace, to: folder)
        return folder.path
    }

    static func emptyFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-empty-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }

    /// Runs `crm ARGUMENTS` in `directory`.
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                    terminalWidth: Int? = nil) -> Result {
        var context = CommandContext(console: .memory(terminalWidth: terminalWidth),
                                     environment: ["CRM_TODAY": sampleToday].merging(environment) { $1 },
                                     currentDirectory: directory)
        let status = CRM.run(arguments, context: &context)
        return Result(status: status, output: context.console.output, errors: context.console.errors)
    }
}

/// A golden file: the command, its exit status, standard output and standard error.
struct Golden {
    static let folder = CLIHarness.repository.appendingPathComponent("Tests/CRMCommandsTests/Golden")

    /// The text stored for a run; `root` is replaced by `$WORKSPACE` so that it does not depend on the folder.
    static func text(arguments: [String], result: CLIHarness.Result, root: String) -> String {
        let special = Set(" ()'\"|&;<>$*?!#`\\[]{}")
        func needsQuotes(_ argument: String) -> Bool {
            argument.isEmpty || argument.hasPrefix("~") || argument.contains(where: special.contains)
        }
        var text = "$ crm " + arguments.map { needsQuotes($0) ? "'\($0)'" : $0 }.joined(separator: " ") + "\n"
        text += "[exit \(result.status)]\n"
        text += "--- stdout\n" + result.output
        if !result.errors.isEmpty { text += "--- stderr\n" + result.errors }
        return text.replacing(root, with: "$WORKSPACE")
    }

    /// Compares with the stored file, or writes it when `CRM_UPDATE_GOLDEN` is set.
    static func matches(_ name: String, _ text: String) throws -> (Bool, String) {
        let url = folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["CRM_UPDATE_GOLDEN"] != nil {
            try Data(text.utf8).write(to: url)
            return (true, text)
        }
        let stored = (try? String(contentsOf: url, encoding: .utf8)) ?? "(no golden file \(name).txt; run with CRM_UPDATE_GOLDEN=1)"
        return (stored == text, stored)
    }
}

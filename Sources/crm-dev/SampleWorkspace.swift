import CRMWorkspace
import Foundation

/// `crm-dev sample-workspace DIR [--today YYYY-MM-DD]`: (re)writes the demo records of a
/// small Czech company that sells and services compressors: customers, contacts, calls,
/// complaints, invoices and deals, all dated relative to `--today` (2026-11-22 by default)
/// and drawn from fixed seeds, so every run gives the same files.
///
/// Only the record folders are deleted and rewritten; `.crm/` stays. Nothing is written
/// unless every record passes the workspace schema, the sample's conventions and stories.
enum SampleWorkspace {
    static let defaultToday = "2026-11-22"
    /// The folders the command owns; the types in `.crm/types` must keep their records here.
    static let recordFolders = ["customers", "contacts", "calls", "complaints", "invoices", "deals"]

    static func main(_ arguments: [String]) throws {
        var directory: String?
        var todayText = defaultToday
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--today":
                guard let value = rest.popFirst() else { throw SampleWorkspaceError("--today needs a date YYYY-MM-DD") }
                todayText = value
            case _ where argument.hasPrefix("--today="):
                todayText = String(argument.dropFirst("--today=".count))
            case _ where argument.hasPrefix("-"):
                throw SampleWorkspaceError("unknown option '\(argument)'\n\(usage)")
            default:
                guard directory == nil else { throw SampleWorkspaceError("more than one DIR given\n\(usage)") }
                directory = argument
            }
        }
        guard let directory else { throw SampleWorkspaceError("expected the workspace DIR\n\(usage)") }
        guard let today = CivilDate(todayText) else { throw SampleWorkspaceError("--today '\(todayText)' is not a date YYYY-MM-DD") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory + "/.crm/types", isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SampleWorkspaceError("\(directory) is not a workspace: it has no .crm/types folder")
        }

        let workspace = Workspace(root: FileIO.absolute(directory, from: FileManager.default.currentDirectoryPath))
        let errors = workspace.problems.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw SampleWorkspaceError("the workspace has problems:\n" + errors.map { "  \($0)" }.joined(separator: "\n"))
        }
        let schema = workspace.schema
        for type in schema.types where !recordFolders.contains(type.folder) {
            throw SampleWorkspaceError("type '\(type.name)' keeps its records in '\(type.folder)', which this command does not write")
        }
        var generator = SampleGenerator(today: today)
        let records = try generator.generate()
        try check(records, against: schema)
        let stories = try SampleStories(generator).check()
        try write(records, to: directory)

        let counts = recordFolders.map { folder in
            "\(records.filter { $0.folder == folder || $0.folder.hasPrefix(folder + "/") }.count) \(folder)"
        }
        print("wrote \(records.count) records to \(directory) (today \(today)): \(counts.joined(separator: ", "))")
        for line in stories { print("  " + line) }
    }

    /// Replaces the record folders of `directory` with `records`.
    private static func write(_ records: [SampleRecord], to directory: String) throws {
        let files = FileManager.default
        var contents: [(String, Data)] = []
        for record in records {
            guard let top = record.folder.split(separator: "/").first, recordFolders.contains(String(top)) else {
                throw SampleWorkspaceError("\(record.path) is outside the record folders")
            }
            contents.append((record.path, Data(try record.bytes())))
        }
        for folder in recordFolders where files.fileExists(atPath: directory + "/" + folder) {
            try files.removeItem(atPath: directory + "/" + folder)
        }
        for (path, data) in contents {
            let url = URL(fileURLWithPath: directory + "/" + path)
            try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }
}

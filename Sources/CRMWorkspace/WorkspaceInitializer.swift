#if canImport(Glibc)
import Glibc
#endif
import CRMSyntax

/// Why `crm init` did not create a workspace.
public enum InitError: Error, Sendable, Hashable, CustomStringConvertible {
    case alreadyAWorkspace(String)
    case cannotCreate(FileError)

    public var description: String {
        switch self {
        case .alreadyAWorkspace(let path): return "\(path) is already a crm workspace; nothing was changed"
        case .cannotCreate(let error): return error.description
        }
    }
}

/// `crm init [DIR]`: creates a workspace with the built-in types and reports.
public enum WorkspaceInitializer {
    public static let config = """
        # Settings of this crm workspace.
        name: crm
        # Commit every change crm makes to git (when the workspace is in a git repository).
        auto-commit: true
        # The currency of money fields that do not name one.
        currency: CZK
        # The language text sorts in: cs, sk or en.
        language: en
        # The team's own mail domains: mail from them is outbound (crm log-email).
        mail-domains: []

        """

    public static let gitignore = """
        # crm's caches, rebuilt from the records whenever needed, and its state outside git.
        .crm/cache/
        .crm/lock
        .crm/journal

        """

    /// Creates the workspace at `path` (made if missing), its text sorted in `language`, and returns the files it wrote, relative to it.
    /// Refuses, changing nothing, when `path` already holds `.crm/`; a failure half-way (a full
    /// disk) removes what was made.
    @discardableResult
    public static func create(at path: String, name: String, language: Language = .english) throws(InitError) -> [String] {
        if Workspace.isWorkspace(path) { throw .alreadyAWorkspace(path) }
        var written: [String] = []
        var made: [String] = []
        func makeDirectory(_ folder: String) throws(FileError) {
            if try FileIO.makeDirectory(folder) { made.append(folder) }
        }
        do {
            try makeDirectory(path)
            try makeDirectory(path + "/.crm")
            try makeDirectory(path + "/.crm/types")
            try write(configText(name: name, language: language), to: path + "/" + WorkspaceConfig.path)
            written.append(WorkspaceConfig.path)
            for (type, text) in BuiltinTypes.files {
                let file = ".crm/types/\(type).yaml"
                try write(text, to: path + "/" + file)
                written.append(file)
            }
            try makeDirectory(path + "/.crm/reports")
            let types = Set(BuiltinTypes.files.map(\.name))
            for report in BuiltinReports.files where types.contains(report.type) {
                let file = ".crm/reports/\(report.name).yaml"
                try write(report.text, to: path + "/" + file)
                written.append(file)
            }
            if FileIO.kind(of: path + "/.gitignore") == nil {
                try write(gitignore, to: path + "/.gitignore")
                written.append(".gitignore")
            }
            for folder in ["customers", "contacts", "calls", "complaints"] {
                try makeDirectory(path + "/" + folder)
            }
        } catch {
            for file in written.reversed() { _ = SystemCall.failure { unlink(path + "/" + file) } }
            for folder in made.reversed() { _ = SystemCall.failure { rmdir(folder) } }
            throw .cannotCreate(error)
        }
        return written
    }

    /// The settings file, with `name` written so that it reads back exactly.
    static func configText(name: String, language: Language) -> String {
        guard var document = try? RecordDocument(parsing: config),
              (try? document.set("language", to: .string(language.rawValue))) != nil else { return config }
        if !name.isEmpty { _ = try? document.set("name", to: .string(name)) }
        return document.text
    }

    private static func write(_ text: String, to path: String) throws(FileError) {
        let descriptor = try SystemCall.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, operation: "create")
        defer { SystemCall.close(descriptor) }
        do {
            try FileIO.writeAll(Array(text.utf8), to: descriptor, path: path)
            try SystemCall.sync(descriptor, path: path)
        } catch {
            _ = SystemCall.failure { unlink(path) }
            throw error
        }
    }
}

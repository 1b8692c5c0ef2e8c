import CRMSyntax

/// Why no workspace could be opened.
public enum WorkspaceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No folder holding `.crm/` at or above the starting folder.
    case notFound(from: String)
    /// A folder named by `-C`/`--workspace` or `$CRM_WORKSPACE` that holds no `.crm/`.
    case notAWorkspace(path: String, source: String)

    public var description: String {
        switch self {
        case .notFound(let folder):
            return "not inside a crm workspace (no .crm folder in \(folder) or any folder above it)"
        case .notAWorkspace(let path, let source):
            return "\(path) (from \(source)) is not a crm workspace: it has no .crm folder"
        }
    }

    public var hint: String {
        "create one with `crm init [DIR]`, or name one with `-C DIR` or $CRM_WORKSPACE"
    }
}

/// A folder with `.crm/` in it: its settings, its schema and its record files.
public struct Workspace: Sendable {
    /// The absolute path of the workspace folder.
    public let root: String
    public let config: WorkspaceConfig
    public let schema: Schema
    /// Problems in `.crm/config.yaml` and the type files.
    public let problems: [Diagnostic]
    /// Whether loading records goes through the persisted cache in `.crm/cache/`.
    public var usesCache = true

    public static let markerFolder = ".crm"

    /// Where the definition files are read from.
    public let definitions: DefinitionSource

    /// Opens the workspace at `root` (an absolute path holding `.crm/`); the definition files
    /// in `unsaved` are read from there instead of the disk, as an editor holds them.
    public init(root: String, unsaved: [String: [UInt8]] = [:]) {
        self.root = root
        definitions = DefinitionSource(root: root, unsaved: unsaved)
        let (config, configProblems) = WorkspaceConfig.load(definitions)
        var (schema, schemaProblems) = SchemaLoader.load(definitions)
        schema.currency = config.currency
        schema.language = config.language
        schema.cadence = config.cadence
        self.config = config
        self.schema = schema
        self.problems = configProblems + schemaProblems
    }

    /// Finds the workspace: `explicit` (from `-C`/`--workspace`), else `$CRM_WORKSPACE`,
    /// else the nearest folder at or above `currentDirectory` that holds `.crm/`.
    public static func locate(explicit: String?, environment: [String: String],
                              currentDirectory: String) throws(WorkspaceError) -> String {
        if let explicit {
            let path = FileIO.absolute(explicit, from: currentDirectory)
            guard isWorkspace(path) else { throw .notAWorkspace(path: path, source: "-C") }
            return path
        }
        if let variable = environment["CRM_WORKSPACE"], !variable.isEmpty {
            let path = FileIO.absolute(variable, from: currentDirectory)
            guard isWorkspace(path) else { throw .notAWorkspace(path: path, source: "CRM_WORKSPACE") }
            return path
        }
        var folder = FileIO.absolute(currentDirectory, from: "/")
        while true {
            if isWorkspace(folder) { return folder }
            if folder == "/" { break }
            let parent = folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)]
            folder = parent.isEmpty ? "/" : String(parent)
        }
        throw .notFound(from: FileIO.absolute(currentDirectory, from: "/"))
    }

    /// True when `path` holds a `.crm` folder.
    public static func isWorkspace(_ path: String) -> Bool {
        FileIO.isDirectory(path + "/" + markerFolder)
    }

    /// The absolute path of a workspace-relative path.
    public func absolute(_ relativePath: String) -> String {
        root + "/" + relativePath
    }
}

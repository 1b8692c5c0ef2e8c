/// What a file of the workspace is, by its path: a record of a type, part of the workspace's
/// definition (settings, types, saved queries and reports, git's ignore and attribute files),
/// crm's own state and caches, or something else.
public enum WorkspaceFile: Sendable, Hashable {
    case record(type: String)
    case config
    case typeFile
    case query
    case report
    case gitIgnore
    case gitAttributes
    /// `.crm/cache/`, `.crm/lock`, `.crm/journal`: never committed.
    case state
    case other

    /// The folders of the definition files below `.crm/`.
    public static let definitionFolders = [".crm/types", ".crm/queries", ".crm/reports"]

    /// What `path` (relative to the workspace) is in a workspace with `schema`.
    public init(path: String, schema: Schema) {
        switch path {
        case WorkspaceConfig.path: self = .config
        case ".gitignore": self = .gitIgnore
        case ".gitattributes": self = .gitAttributes
        case ".crm/lock", ".crm/journal": self = .state
        default:
            if path.hasPrefix(".crm/cache/") {
                self = .state
            } else if path.hasSuffix(".yaml"), let folder = Self.definitionFolders.first(where: { path.hasPrefix($0 + "/") }),
                      !path.dropFirst(folder.count + 1).contains("/") {
                self = folder == ".crm/types" ? .typeFile : folder == ".crm/queries" ? .query : .report
            } else if path.hasSuffix(".yaml"), !StagedFiles.name(of: path).hasPrefix("."), let type = schema.type(forPath: path) {
                self = .record(type: type.name)
            } else {
                self = .other
            }
        }
    }

    /// True for a record.
    public var isRecord: Bool {
        if case .record = self { return true }
        return false
    }

    /// True for the files that define the workspace: without them a clone is not the same workspace.
    public var isDefinition: Bool {
        switch self {
        case .config, .typeFile, .query, .report, .gitIgnore, .gitAttributes: return true
        case .record, .state, .other: return false
        }
    }

    /// True for the definition files that change how records are read and checked.
    public var changesSchema: Bool {
        switch self {
        case .config, .typeFile, .query, .report: return true
        default: return false
        }
    }

    /// How `crm status` names the kind: the record's type, `type`, `query`, `settings`, ...
    public var label: String {
        switch self {
        case .record(let type): return type
        case .config: return "settings"
        case .typeFile: return "type"
        case .query: return "query"
        case .report: return "report"
        case .gitIgnore, .gitAttributes: return "git"
        case .state: return "state"
        case .other: return "file"
        }
    }
}

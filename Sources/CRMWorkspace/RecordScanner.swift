#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CRMSyntax

/// A record file in a type folder.
public struct RecordFile: Sendable, Hashable {
    /// Relative to the workspace.
    public let path: String
    public let type: String
    /// The file name without `.yaml`.
    public let id: String

    /// The largest record file crm reads, 1 MiB: records are small text files, and a larger
    /// file is refused before any of it is read.
    public static let maximumSize = 1 << 20

    public init(path: String, type: String) {
        self.path = path
        self.type = type
        let utf8 = path.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let end = utf8.count - utf8.distance(from: utf8.startIndex, to: start) >= 5 ? utf8.index(utf8.endIndex, offsetBy: -5) : start
        id = String(Substring(utf8[start..<end]))
    }

    /// The bytes of the record file `path` (relative to `root`), refused when larger than `maximumSize`.
    public static func read(_ path: String, root: String) throws(FileError) -> [UInt8] {
        try FileIO.read(root + "/" + path, limit: maximumSize)
    }

    /// What a person is told about a record file that could not be read.
    public static func unreadable(_ path: String, _ error: FileError) -> Diagnostic {
        if error.code == EFBIG, let size = error.size {
            return Diagnostic(code: "too-large", path: path, location: nil,
                              message: "the file is \(size) bytes; a record file may be at most \(maximumSize) bytes (1 MiB)",
                              hint: "records are small text files: move long text or attachments into files outside the type folders")
        }
        return Diagnostic(code: "unreadable", path: path, location: nil, message: "cannot read the file: \(error.reason)",
                          hint: error.code == EACCES ? "check the file's permissions" : nil)
    }
}

/// Finds record files: `*.yaml` anywhere under each type's folder. Links are reported and not
/// followed; folders, FIFOs and devices named like records are reported.
public enum RecordScanner {
    /// The file of record `id` where `crm new` would have put it (`customers/ID.yaml`,
    /// `calls/YYYY/MM/ID.yaml` for a dated id), found without listing any folder; `nil` when
    /// it is not there (it may still be elsewhere in its type's folder).
    public static func likelyFile(of id: String, in workspace: Workspace) -> RecordFile? {
        let date = CivilDate(String(id.prefix(10)))
        for type in workspace.schema.types {
            var folders = [type.folder]
            if let date {
                let year = String(date.description.prefix(4))
                folders += ["\(type.folder)/\(year)", "\(type.folder)/\(year)/\(date.description.dropFirst(5).prefix(2))"]
            }
            for folder in folders where FileIO.kind(of: workspace.absolute("\(folder)/\(id).yaml")) == .file
                && WorkspacePath.problem(with: "\(folder)/\(id).yaml", in: workspace.root) == nil {
                return RecordFile(path: "\(folder)/\(id).yaml", type: type.name)
            }
        }
        return nil
    }

    /// The record files of `types` (every type when `nil`), sorted by path, and what was wrong on the way.
    /// With `includeStrays`, `.yaml` files outside every type folder are reported too.
    public static func scan(_ workspace: Workspace, types: [RecordType]? = nil,
                            includeStrays: Bool = false) -> (files: [RecordFile], problems: [Diagnostic]) {
        var files: [RecordFile] = []
        var problems: [Diagnostic] = []
        for type in types ?? workspace.schema.types {
            switch FileIO.kind(of: workspace.absolute(type.folder)) {
            case nil:
                continue
            case .directory:
                break
            case .symbolicLink:
                problems.append(Diagnostic(code: "symlink", path: type.folder, location: nil,
                                           message: "the \(type.name) folder is a symbolic link; crm does not follow links, so no \(type.name) is read",
                                           hint: "replace the link with the folder itself"))
                continue
            case .file, .special:
                problems.append(Diagnostic(code: "not-a-folder", path: type.folder, location: nil,
                                           message: "the \(type.name) folder is not a folder, so no \(type.name) is read",
                                           hint: "rename it; \(type.name) records live in \(type.folder)/"))
                continue
            }
            let (entries, errors) = DirectoryWalker.walk(root: workspace.root, folder: type.folder)
            problems += errors.map { Diagnostic(code: "unreadable", path: $0.path, location: nil, message: $0.description) }
            for entry in entries {
                let isRecord = entry.path.hasSuffix(".yaml")
                if !entry.hasValidName {
                    problems.append(Diagnostic(isRecord ? .error : .warning, code: "invalid-file-name", path: entry.path, location: nil,
                                               message: "the file name is not valid UTF-8, so crm cannot read it"
                                                   + (isRecord ? " as a record" : ""),
                                               hint: "rename it with letters, digits and hyphens (the bytes shown as \u{FFFD} are not UTF-8)"))
                    continue
                }
                if entry.isHidden {
                    if isRecord {
                        problems.append(Diagnostic(.warning, code: "hidden-file", path: entry.path, location: nil,
                                                   message: "a hidden file in a type folder; crm does not read it as a record",
                                                   hint: "if it is a record, rename it without the leading dot"))
                    }
                    continue
                }
                switch entry.kind {
                case .file where isRecord:
                    files.append(RecordFile(path: entry.path, type: type.name))
                case .symbolicLink:
                    problems.append(Diagnostic(isRecord ? .error : .warning, code: "symlink", path: entry.path, location: nil,
                                               message: "symbolic link in a type folder; crm does not follow links",
                                               hint: isRecord ? "replace the link with the record file itself"
                                                   : "records behind it are not read; move them into the folder"))
                case .directory where isRecord:
                    problems.append(Diagnostic(code: "not-a-file", path: entry.path, location: nil,
                                               message: "a folder named like a record",
                                               hint: "records are files; rename the folder"))
                case .special where isRecord:
                    problems.append(Diagnostic(code: "not-a-file", path: entry.path, location: nil,
                                               message: "not a regular file (a FIFO, socket or device)",
                                               hint: "records are regular files; remove it"))
                case .file, .directory, .special:
                    continue
                }
            }
        }
        if includeStrays { problems += strays(in: workspace) }
        files.sort { $0.path < $1.path }
        return (files, problems)
    }

    /// `.yaml` files at the top of the workspace or in folders that belong to no type.
    private static func strays(in workspace: Workspace) -> [Diagnostic] {
        let folders = Set(workspace.schema.types.map(\.folder))
        var problems: [Diagnostic] = []
        func stray(_ path: String, _ folder: String?) {
            var hint = "move it into a type folder (\(folders.sorted().map { $0 + "/" }.joined(separator: ", ")))"
            if let folder { hint += ", or add a type with `folder: \(folder)` in .crm/types/" }
            problems.append(Diagnostic(.warning, code: "outside-type-folder", path: path, location: nil,
                                       message: "file outside any type folder; it is not read as a record", hint: hint))
        }
        for name in DirectoryWalker.names(in: workspace.root) ?? [] where !folders.contains(name) {
            switch FileIO.kind(of: workspace.absolute(name)) {
            case .file where name.hasSuffix(".yaml"):
                stray(name, nil)
            case .directory:
                let (entries, _) = DirectoryWalker.walk(root: workspace.root, folder: name)
                for entry in entries where entry.kind == .file && entry.path.hasSuffix(".yaml") && !entry.isHidden {
                    stray(entry.path, name)
                }
            default:
                continue
            }
        }
        return problems
    }
}

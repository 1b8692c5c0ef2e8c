import CRMSyntax

/// Reads `.crm/types/*.yaml` into a schema. A broken type file is reported and left out;
/// the other types still load.
public enum SchemaLoader {
    /// The schema of the workspace at `root`, and the problems found in its type files.
    public static func load(root: String) -> (Schema, [Diagnostic]) {
        var types: [RecordType] = []
        var problems: [Diagnostic] = []
        let folder = ".crm/types"
        for name in DirectoryWalker.names(in: root + "/" + folder) ?? [] where name.hasSuffix(".yaml") {
            let path = folder + "/" + name
            do {
                let bytes = try FileIO.read(root + "/" + path)
                let document = try RecordDocument(parsing: bytes, path: path)
                var reader = TypeFileReader(document: document, name: String(name.dropLast(5)))
                if let type = reader.read() { types.append(type) }
                problems += reader.problems
            } catch let error as Diagnostic {
                problems.append(error)
            } catch {
                problems.append(Diagnostic(code: "unreadable", path: path, location: nil, message: "\(error)"))
            }
        }
        problems += crossCheck(types)
        let broken = Set(problems.filter { $0.severity == .error }.map(\.path))
        return (Schema(types: types.filter { !broken.contains($0.path) }), problems)
    }

    /// Problems between types: shared folders, references to unknown types.
    private static func crossCheck(_ types: [RecordType]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let names = Set(types.map(\.name))
        var folders: [String: String] = [:]
        for type in types {
            if let other = folders[type.folder] {
                problems.append(Diagnostic(code: "schema", path: type.path, location: nil,
                                           message: "types '\(other)' and '\(type.name)' share the folder '\(type.folder)'",
                                           hint: "give each type its own folder"))
            }
            folders[type.folder] = type.name
            for field in type.fields {
                if let target = field.kind.referencedType, !names.contains(target) {
                    var hint = "known types: \(names.sorted().joined(separator: ", "))"
                    if let close = Suggestions.closest(to: target, in: names) { hint = "did you mean '\(close)'?" }
                    problems.append(Diagnostic(code: "schema", path: type.path, location: nil,
                                               message: "field '\(field.key)' refers to unknown type '\(target)'", hint: hint))
                }
            }
        }
        return problems
    }
}

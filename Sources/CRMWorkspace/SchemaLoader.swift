import CRMSyntax

/// Reads `.crm/types/*.yaml` into a schema. Every problem is reported; a type that cannot be
/// placed (see `TypeFileReader`) is left out, the other types and the rest of a type with a
/// wrong field still load.
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
        let (crossProblems, clashing) = crossCheck(&types)
        problems += crossProblems
        return (Schema(types: types.filter { !clashing.contains($0.path) }), problems)
    }

    /// Problems between types: shared folders (the type files that clash are returned, to be
    /// left out), references to unknown types (such a field is read as text).
    private static func crossCheck(_ types: inout [RecordType]) -> ([Diagnostic], Set<String>) {
        var problems: [Diagnostic] = []
        var clashing: Set<String> = []
        let names = Set(types.map(\.name))
        var folders: [String: RecordType] = [:]
        for type in types {
            if let other = folders[type.folder] {
                problems.append(Diagnostic(code: "schema", path: type.path, location: nil,
                                           message: "types '\(other.name)' and '\(type.name)' share the folder '\(type.folder)'",
                                           hint: "give each type its own folder"))
                clashing.formUnion([type.path, other.path])
            }
            folders[type.folder] = type
        }
        for index in types.indices {
            for (position, field) in types[index].fields.enumerated() {
                guard let target = field.kind.referencedType, !names.contains(target) else { continue }
                var hint = "known types: \(names.sorted().joined(separator: ", "))"
                if let close = Suggestions.closest(to: target, in: names) { hint = "did you mean '\(close)'?" }
                problems.append(Diagnostic(code: "schema", path: types[index].path, location: nil,
                                           message: "field '\(field.key)' refers to unknown type '\(target)'", hint: hint))
                types[index].fields[position].kind = field.kind.isList ? .list(.text) : .text
            }
        }
        return (problems, clashing)
    }
}

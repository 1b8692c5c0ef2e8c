import CRMSyntax

/// Reads `.crm/types/*.yaml` into a schema. Every problem is reported; a type that cannot be
/// placed (see `TypeFileReader`) is left out, the other types and the rest of a type with a
/// wrong field still load.
public enum SchemaLoader {
    /// The schema of the workspace `source` reads, and the problems found in its type files.
    public static func load(_ source: DefinitionSource) -> (Schema, [Diagnostic]) {
        var types: [RecordType] = []
        var problems: [Diagnostic] = []
        var documents: [String: RecordDocument] = [:]
        let folder = ".crm/types"
        for name in source.names(in: folder) ?? [] where name.hasSuffix(".yaml") {
            let path = folder + "/" + name
            do {
                let bytes = try source.read(path)
                let document = try RecordDocument(parsing: bytes, path: path)
                documents[path] = document
                var reader = TypeFileReader(document: document, name: String(name.dropLast(5)))
                if let type = reader.read() { types.append(type) }
                problems += reader.problems
            } catch let error as Diagnostic {
                problems.append(error)
            } catch {
                problems.append(Diagnostic(code: "unreadable", path: path, location: nil, message: "\(error)"))
            }
        }
        let (crossProblems, clashing) = crossCheck(&types, documents: documents)
        problems += crossProblems
        return (Schema(types: types.filter { !clashing.contains($0.path) }), problems)
    }

    /// Problems between types: shared folders (the type files that clash are returned, to be
    /// left out), references to unknown types (such a field is read as text).
    private static func crossCheck(_ types: inout [RecordType], documents: [String: RecordDocument]) -> ([Diagnostic], Set<String>) {
        var problems: [Diagnostic] = []
        var clashing: Set<String> = []
        let names = Set(types.map(\.name))
        var folders: [String: RecordType] = [:]
        for type in types {
            if let other = folders[type.folder] {
                problems.append(problem("types '\(other.name)' and '\(type.name)' share the folder '\(type.folder)'",
                                        hint: "give each type its own folder", in: documents[type.path], path: type.path,
                                        at: documents[type.path]?.field("type")?.items.first { $0.key == "folder" }?.location))
                clashing.formUnion([type.path, other.path])
            }
            folders[type.folder] = type
        }
        for index in types.indices {
            for (position, field) in types[index].fields.enumerated() {
                guard let target = field.kind.referencedType, !names.contains(target) else { continue }
                var hint = "known types: \(names.sorted().joined(separator: ", "))"
                if let close = Suggestions.closest(to: target, in: names) { hint = "did you mean '\(close)'?" }
                let document = documents[types[index].path]
                problems.append(problem("field '\(field.key)' refers to unknown type '\(target)'", hint: hint, in: document,
                                        path: types[index].path,
                                        at: document?.field(field.key)?.items.first { $0.key == "to" }?.location))
                types[index].fields[position].kind = field.kind.isList ? .list(.text) : .text
            }
        }
        return (problems, clashing)
    }

    /// A problem in a type file, at `location` (the file's first line when it has none there).
    private static func problem(_ message: String, hint: String, in document: RecordDocument?, path: String,
                                at location: SourceLocation?) -> Diagnostic {
        let location = location ?? SourceLocation(line: 1, column: 1)
        return Diagnostic(code: "schema", path: path, location: location, message: message, hint: hint,
                          sourceLine: document?.sourceLine(location.line))
    }
}

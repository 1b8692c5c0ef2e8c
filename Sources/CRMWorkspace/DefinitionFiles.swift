import CRMSyntax

/// The files of a definition folder such as `.crm/queries` or `.crm/reports`: each `NAME.yaml`
/// read in the record format, with the problems of those that cannot be read.
public struct DefinitionFiles: Sendable {
    public var documents: [(name: String, document: RecordDocument)] = []
    public var problems: [Diagnostic] = []
    /// False when the folder does not exist.
    public var folderExists = false

    /// Reads `folder` (relative to the workspace).
    public init(_ folder: String, in workspace: Workspace) {
        guard let names = workspace.definitions.names(in: folder) else { return }
        folderExists = true
        for name in names.sorted() where name.hasSuffix(".yaml") {
            let path = folder + "/" + name
            do {
                documents.append((String(name.dropLast(5)), try RecordDocument(parsing: try workspace.definitions.read(path), path: path)))
            } catch let error as Diagnostic {
                problems.append(error)
            } catch {
                problems.append(Diagnostic(code: "unreadable", path: path, location: nil, message: "\(error)"))
            }
        }
    }

    /// Each file read into a definition by `read` (`nil` when it has errors), with every problem.
    public func definitions<Definition>(_ read: (RecordDocument, String) -> (Definition?, [Diagnostic]))
        -> (definitions: [Definition], problems: [Diagnostic]) {
        var definitions: [Definition] = []
        var problems = self.problems
        for (name, document) in documents {
            let (definition, found) = read(document, name)
            problems += found
            if let definition { definitions.append(definition) }
        }
        return (definitions, problems)
    }

    /// A problem located in `document`, with its source line.
    public static func problem(_ message: String, in document: RecordDocument, at location: SourceLocation?, code: String,
                               hint: String? = nil, severity: Diagnostic.Severity = .error) -> Diagnostic {
        Diagnostic(severity, code: code, path: document.path, location: location, message: message, hint: hint,
                   sourceLine: location.flatMap { document.sourceLine($0.line) })
    }

    /// Warnings for keys of `document` that are not among `keys`.
    public static func unknownKeys(in document: RecordDocument, keys: [String], what: String, code: String) -> [Diagnostic] {
        document.fields.filter { !keys.contains($0.key) }.map { field in
            problem("unknown key '\(field.key)' in \(English.a(what))", in: document, at: field.keyLocation, code: code,
                    hint: Suggestions.closest(to: field.key, in: keys).map { "did you mean '\($0)'?" } ?? "keys: \(keys.joined(separator: ", "))",
                    severity: .warning)
        }
    }
}

import CRMInterchange
import CRMSyntax
import CRMWorkspace
import CRMTerminal

/// `crm types [TYPE]`: the record types and their fields; `--format json-schema` writes them
/// as JSON Schemas.
enum TypesCommand {
    static let format = FormatOption.types

    static let spec = CommandSpec(
        name: "types",
        abstract: "Show the record types and their fields",
        discussion: """
            Types live in .crm/types/TYPE.yaml; edit those files to add fields or types.

            --format json-schema writes a type as a JSON Schema (draft-07) to standard output, or,
            given a folder instead of a type, every type into it as TYPE.schema.json, so an editor's
            YAML plug-in checks records without crm: crm types --format json-schema .crm/schemas
            """,
        arguments: [ArgumentSpec("type", help: "Show this type's fields (with --format json-schema: a type, or a folder).",
                                 optional: true, completion: .types)],
        options: [format.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let workspace = try context.workspace()
        for problem in workspace.problems { context.report(problem) }
        if chosen == .jsonSchema { return try schemas(invocation, workspace: workspace, context: &context) }
        let types = try invocation.arguments.first.map { name throws(CommandError) in
            [try RecordPresentation.type(named: name, in: workspace.schema)]
        } ?? workspace.schema.types
        let csv: (header: [String], rows: [[String]]) = invocation.arguments.isEmpty
            ? (["type", "folder", "fields", "description"], types.map { [$0.name, $0.folder, String($0.fields.count), $0.description] })
            : (["field", "kind", "required", "default", "description"], types[0].fields.map(fieldRow))
        if ScriptOutput.write(chosen, objects: types.map(json), csv: csv, context: &context) { return ExitStatus.success }
        if invocation.arguments.isEmpty {
            let rows = types.map { type in
                [type.name, type.folder + "/", String(type.fields.count), type.description]
            }
            context.console.write(TableRenderer(headers: ["type", "folder", "fields", "description"], rows: rows)
                .render(width: context.console.width, style: context.console.style))
            return ExitStatus.success
        }
        let type = types[0]
        let heading = type.name + " · " + type.folder + "/ · title: " + type.title + (type.description.isEmpty ? "" : " · " + type.description)
        for (number, line) in TerminalText.wrapped(heading, to: context.console.width ?? Int.max).enumerated() {
            context.console.line(number == 0 ? context.console.style.bold(type.name) + line.dropFirst(type.name.count) : line)
        }
        context.console.write(TableRenderer(headers: ["field", "kind", "required", "default", "description"], rows: type.fields.map(fieldRow))
            .render(width: context.console.width, style: context.console.style))
        for line in lifecycleLines(type) { context.console.line(line) }
        return ExitStatus.success
    }

    /// `--format json-schema`: one type's schema to standard output, or every type's into a folder.
    private static func schemas(_ invocation: Invocation, workspace: Workspace, context: inout CommandContext) throws -> Int32 {
        guard let argument = invocation.arguments.first else {
            throw UsageError("--format json-schema needs a type, or a folder to write every type's schema into", command: spec)
        }
        let folder = FileIO.absolute(argument, from: context.currentDirectory)
        if !argument.contains("/") && !argument.hasPrefix(".") {
            do {
                let type = try RecordPresentation.type(named: argument, in: workspace.schema)
                context.console.write(RecordJSONSchema.schema(of: type).pretty + "\n")
                return ExitStatus.success
            } catch {
                guard FileIO.isDirectory(folder) else { throw error }
            }
        }
        if let relative = FileIO.relative(folder, to: workspace.root), workspace.schema.type(forPath: relative) != nil {
            throw CommandError("\(argument) holds records; schemas there would be read as records",
                               hint: "write them elsewhere: crm types --format json-schema .crm/schemas")
        }
        do {
            try FileIO.makeDirectory(folder)
            for type in workspace.schema.types {
                try AtomicFile.write(Array((RecordJSONSchema.schema(of: type).pretty + "\n").utf8), to: folder + "/\(type.name).schema.json")
            }
        } catch {
            throw CommandError(error.description)
        }
        let shown = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
        for type in workspace.schema.types { context.console.error("wrote \(shown)/\(type.name).schema.json\n") }
        return ExitStatus.success
    }

    /// A field's row of the table of a type's fields.
    private static func fieldRow(_ field: FieldDefinition) -> [String] {
        [field.key, field.kind.description, field.required ? "yes" : "", field.defaultValue.map(RecordPresentation.inline) ?? "",
         [field.description, field.unit.map { "in \($0)" }, field.pattern.map { "pattern \($0)" }, field.unique ? "unique" : nil]
            .compactMap { $0 }.joined(separator: "; ")]
    }

    /// The workflow and service level in words, after the fields.
    static func lifecycleLines(_ type: RecordType) -> [String] {
        var lines: [String] = []
        for field in type.fields {
            if let workflow = field.workflow {
                let values = field.kind.enumValues ?? []
                let moves = values.compactMap { value in
                    workflow.transitions[value].map { "\(value) → \($0.joined(separator: ", "))" }
                }
                lines.append("\n\(field.key) changes: " + (moves.isEmpty ? "any" : moves.joined(separator: "; ")))
                if !workflow.closing.isEmpty {
                    var closing = "closing: \(workflow.closing.joined(separator: ", "))"
                    if !workflow.closingRequires.isEmpty { closing += "; needs \(workflow.closingRequires.joined(separator: ", "))" }
                    if let stamp = workflow.closingStamp { closing += "; stamps \(stamp)" }
                    lines.append(closing)
                }
            }
            if let level = field.serviceLevel {
                let values = type.field(level.by)?.kind.enumValues ?? []
                let days = values.compactMap { value in level.days[value].map { "\(value) \(plural($0, "day"))" } }
                lines.append("\(field.key): \(level.from) + service level by \(level.by): \(days.joined(separator: ", "))")
            }
        }
        return lines
    }

    static func json(_ type: RecordType) -> JSON {
        .object([
            (key: "name", value: .string(type.name)), (key: "folder", value: .string(type.folder)), (key: "title", value: .string(type.title)),
            (key: "columns", value: .array(type.columns.map(JSON.string))), (key: "description", value: .string(type.description)),
            (key: "fields", value: .array(type.fields.map { field in
                var members: [(key: String, value: JSON)] = [(key: "key", value: .string(field.key)), (key: "kind", value: .string(field.kind.name))]
                switch field.kind {
                case .enumeration(let values): members.append(("values", .array(values.map(JSON.string))))
                case .reference(let target): members.append(("to", .string(target)))
                case .list(let item):
                    members.append(("of", .string(item.name)))
                    if let target = item.referencedType { members.append(("to", .string(target))) }
                    if let values = item.enumValues { members.append(("values", .array(values.map(JSON.string)))) }
                case .map(let keys): members.append(("fields", .array(keys.map(JSON.string))))
                default: break
                }
                members.append(("required", .bool(field.required)))
                members.append(("unique", .bool(field.unique)))
                let aliases = field.aliases + field.entryAliases.sorted { $0.key < $1.key }.map { "\($0.key) > \($0.value)" }
                if !aliases.isEmpty { members.append(("aliases", .array(aliases.map(JSON.string)))) }
                if let value = field.defaultValue { members.append(("default", JSON(value))) }
                if let description = field.description { members.append(("description", .string(description))) }
                if let workflow = field.workflow {
                    members.append(("transitions", .object((field.kind.enumValues ?? []).compactMap { value in
                        workflow.transitions[value].map { (key: value, value: JSON.array($0.map(JSON.string))) }
                    })))
                    members.append(("closing", .array(workflow.closing.map(JSON.string))))
                    members.append(("closing-requires", .array(workflow.closingRequires.map(JSON.string))))
                    if let stamp = workflow.closingStamp { members.append(("closing-stamp", .string(stamp))) }
                }
                if let level = field.serviceLevel {
                    members.append(("service-level", .object(level.days.sorted { $0.key < $1.key }.map { (key: $0.key, value: JSON.integer($0.value)) })))
                    members.append(("service-level-by", .string(level.by)))
                    members.append(("service-level-from", .string(level.from)))
                }
                return .object(members)
            })),
        ])
    }
}

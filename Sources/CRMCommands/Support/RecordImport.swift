import CRMMerge
import CRMSyntax
import CRMWorkspace

/// Records arriving from another system (CSV rows, vCards, JSON objects), planned one by one and
/// then written together: each becomes a new record (with the schema's defaults, checked like
/// `crm new`), or updates the record its key or id matches, or is rejected with the reason.
/// Nothing is written until `write`, and a rejected item never leaves a file behind.
struct RecordImport {
    /// One incoming record.
    struct Item {
        /// Where it came from, for messages: `row 7`, `line 3`, `card at line 12`.
        var label: String
        var type: RecordType
        /// The id it asks for (a JSON export's, a CSV's `id` column); an existing record of that id is updated.
        var id: String?
        /// Values as they arrived: each string (and list item) is normalised to its field's kind.
        var fields: [Field]
    }

    enum Kind: Equatable {
        case created
        case updated([String])
        case unchanged
        case rejected(String)
    }

    struct Outcome {
        var label: String
        var type: String
        var id: String?
        var kind: Kind
        var path: String?
    }

    let workspace: Workspace
    private let input: ValueInput
    private let context: CommandContext
    private let loaded: RecordLoader.Result
    private var documents: [String: RecordDocument]
    /// Every record's path by id, existing and planned.
    private var paths: [String: String]
    private var generator = RecordIDGenerator(random: SystemRandomNumberGenerator())
    private(set) var outcomes: [Outcome] = []
    /// The planned files by path, with the outcome each belongs to.
    private var planned: [String: (document: RecordDocument, outcome: Int)] = [:]
    /// For each type and key field (`customer\0email`): each key value's normal form and the path of its record.
    private var lookups: [String: [String: String]] = [:]

    init(workspace: Workspace, context: CommandContext) throws(CommandError) {
        self.workspace = workspace
        self.context = context
        input = try context.valueInput()
        loaded = try ReferenceUpdate.loadAll(workspace)
        documents = Dictionary(loaded.documents.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        paths = Dictionary(loaded.records.map { ($0.id, $0.path) }, uniquingKeysWith: { first, _ in first })
    }

    /// The existing or planned record of `type` whose `key` field matches `value`
    /// (without case or diacritics; phone numbers and e-mail addresses in their normal form).
    /// Each type's key is indexed once, so a large import stays linear.
    mutating func match(type: RecordType, key: String, value: Value) -> (id: String, path: String)? {
        let kind = type.field(key)?.kind
        let wanted = Self.matchForm(value, kind: kind)
        guard !wanted.isEmpty else { return nil }
        let slot = type.name + "\u{0}" + key
        if lookups[slot] == nil {
            var lookup: [String: String] = [:]
            for record in loaded.records where record.type == type.name {
                let form = Self.matchForm(record[key] ?? .string(""), kind: kind)
                if !form.isEmpty && lookup[form] == nil { lookup[form] = record.path }
            }
            for (path, entry) in planned where workspace.schema.type(forPath: path)?.name == type.name {
                lookup[Self.matchForm(entry.document[key] ?? .string(""), kind: kind)] = path
            }
            lookups[slot] = lookup
        }
        return lookups[slot]?[wanted].map { (RecordFile(path: $0, type: type.name).id, $0) }
    }

    /// Plans `document` at `path`, keeping the key lookups up to date.
    private mutating func plan(_ document: RecordDocument, at path: String, type: RecordType) {
        planned[path] = (document, outcomes.count)
        for slot in lookups.keys where slot.hasPrefix(type.name + "\u{0}") {
            let key = String(slot.dropFirst(type.name.count + 1))
            let form = Self.matchForm(document[key] ?? .string(""), kind: type.field(key)?.kind)
            if !form.isEmpty { lookups[slot]?[form] = path }
        }
    }

    /// A value as keys are compared: each item in its normal form, joined.
    private static func matchForm(_ value: Value, kind: FieldKind?) -> String {
        value.strings.map { text in
            switch kind {
            case .phone?: return MatchKeys.phone(text) ?? text
            case .email?: return MatchKeys.email(text) ?? text
            default: return TextFold.fold(text.trimmingWhitespace())
            }
        }.filter { !$0.isEmpty }.joined(separator: "\u{1}")
    }

    /// Plans `item`: an update of the record with its id or matching `key`, else a new record.
    /// Returns the record's id, or `nil` when the item is rejected.
    @discardableResult
    mutating func add(_ item: Item, key: String?) -> String? {
        do throws(CommandError) {
            let fields = try normalized(item)
            if let id = item.id, let problem = RecordID.problem(with: id) { throw CommandError("invalid id '\(id)': \(problem)") }
            let target = item.id.flatMap { paths[$0] }
                ?? key.flatMap { key in fields[key].flatMap { match(type: item.type, key: key, value: $0) }?.path }
            if let path = target { return try update(path, with: fields, item: item) }
            return try create(fields, item: item)
        } catch {
            outcomes.append(Outcome(label: item.label, type: item.type.name, id: item.id, kind: .rejected(error.message), path: nil))
            return nil
        }
    }

    /// Records an item that cannot become a record.
    mutating func reject(_ label: String, type: RecordType?, reason: String) {
        outcomes.append(Outcome(label: label, type: type?.name ?? "record", id: nil, kind: .rejected(reason), path: nil))
    }

    /// The item's values in their stored form, in schema order, unknown fields refused.
    private func normalized(_ item: Item) throws(CommandError) -> [Field] {
        var fields: [Field] = []
        for field in item.fields {
            guard let definition = item.type.field(field.key) else {
                throw CommandError("unknown field '\(field.key)' for \(English.a(item.type.name))")
            }
            func one(_ text: String, kind: FieldKind) throws(CommandError) -> String {
                if kind == .longText {
                    return text.trimmingWhitespace().isEmpty ? "" : text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
                }
                switch input.normalize(text.trimmingWhitespace(), kind: kind) {
                case .success(let value): return value
                case .failure(let problem): throw CommandError("\(definition.key): \(problem.message)")
                }
            }
            switch (definition.kind, field.value) {
            case (_, .string("")), (_, .list([])), (_, .map([])):
                continue
            case (.list(let item), .list(let items)):
                var values: [String] = []
                for text in items { values.append(try one(text, kind: item)) }
                fields.append(Field(key: field.key, value: .list(values)))
            case (.list(let item), .string(let text)):
                var values: [String] = []
                for text in text.split(separator: ",") where !text.trimmingWhitespace().isEmpty { values.append(try one(String(text), kind: item)) }
                fields.append(Field(key: field.key, value: .list(values)))
            case (.map, .map(let entries)):
                fields.append(Field(key: field.key, value: .map(entries.map { MapEntry(key: $0.key, value: .string($0.value.string?.trimmingWhitespace() ?? "")) })))
            case (let kind, .string(let text)):
                fields.append(Field(key: field.key, value: .string(try one(text, kind: kind))))
            default:
                throw CommandError("'\(field.key)' is \(English.a(definition.kind.name)) field; it cannot hold \(RecordPresentation.inline(field.value))")
            }
        }
        return item.type.fields.compactMap { definition in fields.last { $0.key == definition.key } }
    }

    private mutating func create(_ fields: [Field], item: Item) throws(CommandError) -> String {
        var values = fields
        for definition in item.type.fields where values[definition.key] == nil {
            guard let fallback = definition.defaultValue else { continue }
            if case .string(let text) = fallback, case .success(let value) = input.normalize(text, kind: definition.kind) {
                values.append(Field(key: definition.key, value: .string(value)))
            } else {
                values.append(Field(key: definition.key, value: fallback))
            }
        }
        values = item.type.fields.compactMap { definition in values.first { $0.key == definition.key } }
        let missing = item.type.fields.filter { $0.required && (values[$0.key]?.isEmpty ?? true) }.map(\.key)
        if !missing.isEmpty { throw CommandError("missing required field" + (missing.count == 1 ? " " : "s ") + missing.map { "'\($0)'" }.joined(separator: ", ")) }
        var document: RecordDocument
        do { document = try RecordDocument(fields: values) } catch { throw CommandError(error.description) }
        try RecordEdit.applyLifecycle(item.type, before: nil, to: &document, context: context)
        guard let id = item.id ?? generator.id(for: item.type, fields: document.values, existing: paths.keys) else {
            throw CommandError("cannot make an id: its '\(item.type.title)' is empty")
        }
        if paths[id] != nil { throw CommandError("a record with id '\(id)' exists already") }
        let path = RecordIDGenerator<SystemRandomNumberGenerator>.folder(for: item.type, fields: document.values) + "/\(id).yaml"
        paths[id] = path
        plan(document, at: path, type: item.type)
        outcomes.append(Outcome(label: item.label, type: item.type.name, id: id, kind: .created, path: path))
        return id
    }

    private mutating func update(_ path: String, with fields: [Field], item: Item) throws(CommandError) -> String {
        let id = RecordFile(path: path, type: item.type.name).id
        guard var document = planned[path]?.document ?? documents[path] else { throw CommandError("\(path) cannot be read") }
        let before = document.values
        var changed: [String] = []
        for field in fields where document[field.key] != field.value {
            try RecordEdit.apply { () throws(RecordEditError) in
                try document.set(field.key, to: field.value, at: item.type.position(forNewField: field.key, in: document))
            }
            changed.append(field.key)
        }
        guard !changed.isEmpty else {
            outcomes.append(Outcome(label: item.label, type: item.type.name, id: id, kind: .unchanged, path: path))
            return id
        }
        try RecordEdit.applyLifecycle(item.type, before: before, to: &document, context: context)
        plan(document, at: path, type: item.type)
        outcomes.append(Outcome(label: item.label, type: item.type.name, id: id, kind: .updated(changed), path: path))
        return id
    }

    /// Checks every planned record against the schema and the workspace as it will be (so a new
    /// contact may refer to a new customer), rejecting those with errors.
    mutating func validate() {
        var rejected = true
        while rejected {
            rejected = false
            let plannedRecords = planned.map { path, entry in
                Record(id: RecordFile(path: path, type: "").id, type: workspace.schema.type(forPath: path)?.name ?? "", path: path,
                       fields: entry.document.values)
            }
            let kept = loaded.records.filter { planned[$0.path] == nil }
            var validator = RecordValidator(index: WorkspaceIndex(schema: workspace.schema, records: kept + plannedRecords))
            for (path, entry) in planned.sorted(by: { $0.key < $1.key }) {
                guard let type = workspace.schema.type(forPath: path) else { continue }
                guard let problem = validator.validate(entry.document, as: type).first(where: { $0.severity == .error }) else { continue }
                outcomes[entry.outcome].kind = .rejected(problem.message + (problem.hint.map { " (\($0))" } ?? ""))
                planned[path] = nil
                rejected = true
            }
        }
    }

    /// Writes every planned record and commits them as one commit.
    func write(message: String, invocation: Invocation, context: inout CommandContext) throws(CommandError) {
        guard !planned.isEmpty else { return }
        for path in planned.keys { try NewCommand.ensureInside(path, workspace) }
        var mutation = try WorkspaceMutation(workspace)
        for (path, entry) in planned.sorted(by: { $0.key < $1.key }) { try mutation.write(entry.document.bytes, to: path) }
        _ = try mutation.commit(message, invocation: invocation, context: &context)
    }
}

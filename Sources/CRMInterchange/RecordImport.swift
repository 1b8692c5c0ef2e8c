import CRMCheck
import CRMMerge
import CRMSyntax
import CRMWorkspace

/// Records arriving from another system (CSV rows, vCards, JSON objects), planned one by one:
/// each becomes a new record (with the schema's defaults, checked like `crm new`), or updates
/// the record its key or id matches, or is rejected with the reason. Nothing is written here:
/// `files` are what the caller writes, in one change, once `validate` has run.
public struct RecordImport {
    /// One incoming record.
    public struct Item: Sendable {
        /// Where it came from, for messages: `row 7`, `line 3`, `card at line 12`.
        var label: String
        var type: RecordType
        /// The id it asks for (a JSON export's, a CSV's `id` column); an existing record of that id is updated.
        var id: String?
        /// Values as they arrived: each string (and list item) is normalised to its field's kind.
        var fields: [Field]

        public init(label: String, type: RecordType, id: String?, fields: [Field]) {
            self.label = label
            self.type = type
            self.id = id
            self.fields = fields
        }
    }

    public enum Kind: Sendable, Equatable {
        case created
        case updated([String])
        case unchanged
        case rejected(String)
    }

    /// What became of one item.
    public struct Outcome: Sendable {
        public var label: String
        public var type: String
        public var id: String?
        public var kind: Kind
        public var path: String?
    }

    public let workspace: Workspace
    private let input: ValueInput
    private let loaded: RecordLoader.Result
    private var documents: [String: RecordDocument]
    /// Every record's path by id, existing and planned.
    private var paths: [String: String]
    private var generator = RecordIDGenerator(random: SystemRandomNumberGenerator())
    public private(set) var outcomes: [Outcome] = []
    /// The planned files by path, with the outcome each belongs to.
    private var planned: [String: (document: RecordDocument, outcome: Int)] = [:]
    /// For each type and key field (`customer\0email`): each key value's normal form and the path of its record.
    private var lookups: [String: [String: String]] = [:]
    /// For each referenced type: the ids of its records by folded title, built when first needed.
    private var titles: [String: [String: [String]]] = [:]

    /// An import into `workspace`; `input` reads values as people type them (dates relative to
    /// its today). Refuses while a record does not parse, since an item could be meant to update it.
    public init(workspace: Workspace, input: ValueInput) throws(ImportError) {
        self.workspace = workspace
        self.input = input
        let (files, _) = RecordScanner.scan(workspace)
        loaded = RecordLoader.load(files, root: workspace.root, keepDocuments: true)
        if !loaded.problems.isEmpty {
            throw ImportError("\(loaded.problems.count) \(loaded.problems.count == 1 ? "record does" : "records do") not parse: "
                              + loaded.problems.prefix(5).map(\.path).joined(separator: ", "),
                              hint: "fix them first (crm check shows how), so that nothing is imported twice", problems: loaded.problems)
        }
        documents = Dictionary(loaded.documents.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        paths = Dictionary(loaded.records.map { ($0.id, $0.path) }, uniquingKeysWith: { first, _ in first })
    }

    /// The workspace's records as they were before the import.
    public var existing: [Record] { loaded.records }

    /// The record with that id as the import leaves it so far (planned, else as it is).
    public func current(_ id: String) -> RecordDocument? {
        paths[id].flatMap { planned[$0]?.document ?? documents[$0] }
    }

    /// The existing or planned record of `type` whose `key` field matches `value`
    /// (without case or diacritics; phone numbers and e-mail addresses in their normal form).
    /// Each type's key is indexed once, so a large import stays linear.
    public mutating func match(type: RecordType, key: String, value: Value) -> (id: String, path: String)? {
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
    public mutating func add(_ item: Item, key: String?) -> String? {
        do throws(ImportError) {
            let fields = try normalized(item)
            if let id = item.id, let problem = RecordID.problem(with: id) { throw ImportError("invalid id '\(id)': \(problem)") }
            let target = item.id.flatMap { paths[$0] }
                ?? key.flatMap { key in fields[key].flatMap { match(type: item.type, key: key, value: $0) }?.path }
            if let path = target { return try update(path, with: fields, item: item) }
            return try create(fields, item: item)
        } catch {
            outcomes.append(Outcome(label: item.label, type: item.type.name, id: item.id, kind: .rejected(error.message), path: nil))
            return nil
        }
    }

    /// Removes fields from record `id` as the import leaves it (a value gone from the source);
    /// required fields stay. Returns the keys removed.
    @discardableResult
    public mutating func clear(_ keys: [String], in id: String, type: RecordType, label: String) -> [String] {
        guard let path = paths[id], var document = planned[path]?.document ?? documents[path] else { return [] }
        var removed: [String] = []
        for key in keys where !(type.field(key)?.required ?? true) && document[key] != nil {
            guard (try? document.remove(key)) == true else { continue }
            removed.append(key)
        }
        guard !removed.isEmpty else { return [] }
        plan(document, at: path, type: type)
        outcomes.append(Outcome(label: label, type: type.name, id: id, kind: .updated(removed), path: path))
        return removed
    }

    /// Records an item that cannot become a record.
    public mutating func reject(_ label: String, type: RecordType?, reason: String) {
        outcomes.append(Outcome(label: label, type: type?.name ?? "record", id: nil, kind: .rejected(reason), path: nil))
    }

    /// The item's values in their stored form, in schema order, unknown fields refused.
    private mutating func normalized(_ item: Item) throws(ImportError) -> [Field] {
        var fields: [Field] = []
        for field in item.fields {
            guard let definition = item.type.field(field.key) else {
                throw ImportError("unknown field '\(field.key)' for \(English.a(item.type.name))")
            }
            func one(_ text: String, kind: FieldKind) throws(ImportError) -> String {
                if kind == .longText {
                    return text.trimmingWhitespace().isEmpty ? "" : text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
                }
                switch input.normalize(text.trimmingWhitespace(), kind: kind) {
                case .success(let value):
                    guard let target = kind.referencedType, !value.isEmpty, paths[value] == nil else { return value }
                    return try referenceID(value, to: target, field: definition.key)
                case .failure(let problem): throw ImportError("\(definition.key): \(problem.message)")
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
                for text in ListCell.split(text) where !text.trimmingWhitespace().isEmpty { values.append(try one(text, kind: item)) }
                fields.append(Field(key: field.key, value: .list(values)))
            case (.map, .map(let entries)):
                fields.append(Field(key: field.key, value: .map(entries.map { MapEntry(key: $0.key, value: .string($0.value.string?.trimmingWhitespace() ?? "")) })))
            case (let kind, .string(let text)):
                fields.append(Field(key: field.key, value: .string(try one(text, kind: kind))))
            default:
                throw ImportError("'\(field.key)' is \(English.a(definition.kind.name)) field; it cannot hold \(field.value.strings.joined(separator: ", "))")
            }
        }
        return item.type.fields.compactMap { definition in fields.last { $0.key == definition.key } }
    }

    /// The id of the `target` record a reference names by its title (a customer's name): the
    /// one record with that title, exactly but for case and diacritics. A value no title has is
    /// kept, and the check reports it.
    private mutating func referenceID(_ value: String, to target: String, field: String) throws(ImportError) -> String {
        if titles[target] == nil {
            let type = workspace.schema.type(named: target)
            var byTitle: [String: [String]] = [:]
            for record in loaded.records where record.type == target {
                let title = type.flatMap { record.string($0.title) } ?? ""
                if !title.isEmpty { byTitle[TextFold.fold(title), default: []].append(record.id) }
            }
            titles[target] = byTitle
        }
        let ids = titles[target]?[TextFold.fold(value)] ?? []
        if ids.count > 1 {
            throw ImportError("\(field): '\(value)' could be \(ids.count) records: \(ids.sorted().joined(separator: ", "))")
        }
        return ids.first ?? value
    }

    private mutating func create(_ fields: [Field], item: Item) throws(ImportError) -> String {
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
        if !missing.isEmpty { throw ImportError("missing required field" + (missing.count == 1 ? " " : "s ") + missing.map { "'\($0)'" }.joined(separator: ", ")) }
        var document: RecordDocument
        do { document = try RecordDocument(fields: values) } catch { throw ImportError(error.description) }
        try applyLifecycle(item.type, before: nil, to: &document)
        guard let id = item.id ?? generator.id(for: item.type, fields: document.values, existing: paths.keys) else {
            throw ImportError("cannot make an id: its '\(item.type.title)' is empty")
        }
        if paths[id] != nil { throw ImportError("a record with id '\(id)' exists already") }
        let path = RecordIDGenerator<SystemRandomNumberGenerator>.folder(for: item.type, fields: document.values) + "/\(id).yaml"
        paths[id] = path
        plan(document, at: path, type: item.type)
        outcomes.append(Outcome(label: item.label, type: item.type.name, id: id, kind: .created, path: path))
        return id
    }

    private mutating func update(_ path: String, with fields: [Field], item: Item) throws(ImportError) -> String {
        let id = RecordFile(path: path, type: item.type.name).id
        guard var document = planned[path]?.document ?? documents[path] else { throw ImportError("\(path) cannot be read") }
        let before = document.values
        var changed: [String] = []
        for field in fields where document[field.key] != field.value {
            do {
                try document.set(field.key, to: field.value, at: item.type.position(forNewField: field.key, in: document))
            } catch {
                throw ImportError(error.description)
            }
            changed.append(field.key)
        }
        guard !changed.isEmpty else {
            outcomes.append(Outcome(label: item.label, type: item.type.name, id: id, kind: .unchanged, path: path))
            return id
        }
        try applyLifecycle(item.type, before: before, to: &document)
        plan(document, at: path, type: item.type)
        outcomes.append(Outcome(label: item.label, type: item.type.name, id: id, kind: .updated(changed), path: path))
        return id
    }

    /// Checks a planned record against its type's lifecycle and adds its stamps.
    private func applyLifecycle(_ type: RecordType, before: [Field]?, to document: inout RecordDocument) throws(ImportError) {
        guard let lifecycle = Lifecycle(type: type) else { return }
        do {
            try lifecycle.apply(before: before, to: &document, today: input.today)
        } catch {
            throw ImportError(error.message, hint: error.hint)
        }
    }

    /// Checks every planned record with `WorkspaceCheck`, against the workspace as it will be
    /// (so a new contact may refer to a new customer), and rejects those with errors, until
    /// what is left is valid.
    public mutating func validate() {
        let check = WorkspaceCheck(workspace)
        var rejected = true
        while rejected && !planned.isEmpty {
            rejected = false
            let files = planned.keys.sorted().map { path in
                ChangedFile(path: path, bytes: planned[path]!.document.bytes, before: documents[path]?.bytes)
            }
            let problems = Dictionary(grouping: check.changes(files).filter { $0.severity == .error }, by: \.path)
            for (path, found) in problems.sorted(by: { $0.key < $1.key }) {
                guard let entry = planned[path], let problem = found.first else { continue }
                outcomes[entry.outcome].kind = .rejected(problem.message + (problem.hint.map { " (\($0))" } ?? ""))
                planned[path] = nil
                rejected = true
            }
        }
    }

    /// The files to write, by path, once `validate` has run.
    public var files: [(path: String, bytes: [UInt8])] {
        planned.keys.sorted().map { ($0, planned[$0]!.document.bytes) }
    }
}

/// Why an item or an import cannot be done.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String?
    /// The records behind the refusal, located in their files.
    public var problems: [Diagnostic]

    public init(_ message: String, hint: String? = nil, problems: [Diagnostic] = []) {
        self.message = message
        self.hint = hint
        self.problems = problems
    }

    /// The error that is one reader's problem, located in its file.
    public init(_ problem: Diagnostic) {
        self.init(problem.message, hint: problem.hint, problems: [problem])
    }

    public var description: String { message }
}

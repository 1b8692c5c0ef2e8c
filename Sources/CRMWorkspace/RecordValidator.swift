import CRMSyntax

/// Checks records against their type: unknown fields, missing required fields, values that
/// do not fit their kind or pattern, and references to records that do not exist.
public struct RecordValidator {
    public let index: WorkspaceIndex
    /// With a date, records past their service level's deadline get a warning.
    public let today: CivilDate?
    /// With `true`, a person (`PersonalFields.isPerson`) without a lawful basis gets a warning.
    public var requiresLawfulBasis = false
    private var patterns: [String: Regex<AnyRegexOutput>?] = [:]
    private var lifecycles: [String: Lifecycle?] = [:]

    public init(index: WorkspaceIndex, today: CivilDate? = nil) {
        self.index = index
        self.today = today
    }

    /// Every problem of one record, located in its file.
    public mutating func validate(_ document: RecordDocument, as type: RecordType) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var lines: SourceLines?
        func report(_ code: String, _ message: String, at location: SourceLocation, hint: String?) {
            if lines == nil { lines = SourceLines(document.bytes) }
            problems.append(Diagnostic(code: code, path: document.path, location: location, message: message, hint: hint,
                                       sourceLine: lines?.line(location.line)))
        }
        for field in document.fields {
            guard let definition = type.field(field.key) else {
                if ConflictMarks.keys.contains(field.key) || field.key == MergedRecords.field { continue }
                let hint = Suggestions.closest(to: field.key, in: type.fieldKeys).map { "did you mean '\($0)'?" }
                    ?? "\(English.a(type.name)) has: \(type.fieldKeys.joined(separator: ", "))"
                report("unknown-field", "unknown field '\(field.key)' for \(English.a(type.name))", at: field.keyLocation, hint: hint)
                continue
            }
            for problem in check(field, definition) {
                report(problem.code, problem.message, at: problem.location, hint: problem.hint)
            }
        }
        let values = document.values
        let erased = PersonalFields.isErased(values)
        for definition in type.fields where definition.required && !erased && (document[definition.key]?.isEmpty ?? true) {
            let location = document.field(definition.key)?.valueLocation ?? SourceLocation(line: 1, column: 1)
            report("missing-field", "missing required field '\(definition.key)'", at: location,
                   hint: "every \(type.name) needs `\(definition.key): ...`")
        }
        if erased, let back = PersonalFields.of(type).first(where: { !(document[$0.key]?.isEmpty ?? true) }),
           let field = document.field(back.key) {
            report("erased-data", "this person's data was erased on \(document[PersonalFields.erased]?.string ?? "?"), and '\(back.key)' is back",
                   at: field.keyLocation, hint: "a merge or sync of an older copy brought it back; run `crm privacy erase` on this record again")
        }
        if requiresLawfulBasis, !erased, let basis = type.field(PersonalFields.lawfulBasis), document[basis.key]?.isEmpty ?? true,
           PersonalFields.isPerson(type, fields: values) {
            var problem = Diagnostic(.warning, code: "lawful-basis", path: document.path, location: SourceLocation(line: 1, column: 1),
                                     message: "no lawful basis for keeping this person's data",
                                     hint: "write `lawful-basis: contract` (or consent, legal-obligation, legitimate-interest)")
            problem.sourceLine = document.sourceLine(1)
            problems.append(problem)
        }
        if type.field(ConflictMarks.field) == nil { problems += ConflictMarks.problems(in: document) }
        if let lifecycle = lifecycle(of: type) {
            problems += lifecycle.problems(of: document)
            if let today, let late = lifecycle.daysLate(document.values, today: today), let field = lifecycle.deadlineField {
                let due = lifecycle.deadline(of: document.values).map(\.description) ?? ""
                let id = document.path.split(separator: "/").last.map { String($0.dropLast(5)) } ?? ""
                problems.append(lifecycle.diagnostic(
                    LifecycleError(field: document[field] == nil ? lifecycle.stateField ?? field : field,
                                   message: "past its service level: due \(due), \(late == 1 ? "1 day" : "\(late) days") ago",
                                   hint: "resolve it, or agree a new date with the customer: crm set \(id) \(field)=..."),
                    code: "service-level", in: document, severity: .warning))
            }
        }
        return problems
    }

    private mutating func lifecycle(of type: RecordType) -> Lifecycle? {
        if let known = lifecycles[type.name] { return known }
        let lifecycle = Lifecycle(type: type)
        lifecycles[type.name] = lifecycle
        return lifecycle
    }

    private struct Problem {
        var code: String
        var message: String
        var hint: String?
        var location: SourceLocation
    }

    private mutating func check(_ field: FieldSyntax, _ definition: FieldDefinition) -> [Problem] {
        var problems: [Problem] = []
        switch (definition.kind, field.value) {
        case (_, .string("")):
            break
        case (.list(let item), .list(let values)):
            for (offset, value) in values.enumerated() {
                let location = offset < field.items.count ? field.items[offset].location : field.valueLocation
                problems += check(value, kind: item, definition: definition, at: location)
            }
        case (.list, _):
            problems.append(Problem(code: "invalid-value", message: "'\(definition.key)' is a list",
                                    hint: "write [\(field.value.string ?? "a, b")] or one `- item` line per item",
                                    location: field.valueLocation))
        case (.map(let keys), .map(let entries)):
            for (entry, item) in zip(entries, field.items) where !keys.contains(entry.key) {
                let hint = Suggestions.closest(to: entry.key, in: keys).map { "did you mean '\($0)'?" }
                    ?? "'\(definition.key)' has: \(keys.joined(separator: ", "))"
                problems.append(Problem(code: "unknown-field", message: "unknown entry '\(entry.key)' in '\(definition.key)'",
                                        hint: hint, location: item.keyLocation ?? item.location))
            }
        case (.map(let keys), _):
            problems.append(Problem(code: "invalid-value", message: "'\(definition.key)' is a map",
                                    hint: "write indented lines under it: \(keys.prefix(2).map { "`\($0): ...`" }.joined(separator: ", "))",
                                    location: field.valueLocation))
        case (let kind, .string(let text)):
            problems += check(text, kind: kind, definition: definition, at: field.valueLocation)
        case (let kind, _):
            problems.append(Problem(code: "invalid-value", message: "'\(definition.key)' holds a single value (\(kind.name))",
                                    hint: "write `\(definition.key): value` on one line", location: field.valueLocation))
        }
        return problems
    }

    private mutating func check(_ text: String, kind: FieldKind, definition: FieldDefinition,
                                at location: SourceLocation) -> [Problem] {
        if text.isEmpty { return [] }
        if case .reference(let target) = kind {
            guard let record = index.record(text) else {
                let candidates = index.records(ofType: target).map(\.id)
                let hint = MergedRecords.successor(of: text, in: index).map { "'\(text)' was merged into '\($0.id)'; refer to that" }
                    ?? Suggestions.closest(to: text, in: candidates).map { "did you mean '\($0)'?" }
                    ?? "no \(target) has this id; `crm list \(target) --format ids` lists them"
                return [Problem(code: "broken-reference", message: "no \(target) '\(text)'", hint: hint, location: location)]
            }
            if record.type != target {
                return [Problem(code: "broken-reference", message: "'\(text)' is \(English.a(record.type)), not \(English.a(target))",
                                hint: "'\(definition.key)' refers to \(English.a(target))", location: location)]
            }
            return []
        }
        if let problem = ValueCheck.problem(with: text, kind: kind) {
            return [Problem(code: "invalid-value", message: problem.message, hint: problem.hint, location: location)]
        }
        if let pattern = definition.pattern, let regex = compiled(pattern), (try? regex.wholeMatch(in: text)) == nil {
            let hint = definition.description.map { "\(definition.key): \($0)" }
            return [Problem(code: "invalid-value", message: "'\(text)' does not match the pattern '\(pattern)' of '\(definition.key)'",
                            hint: hint, location: location)]
        }
        return []
    }

    private mutating func compiled(_ pattern: String) -> Regex<AnyRegexOutput>? {
        if let known = patterns[pattern] { return known }
        let regex = try? Regex(pattern)
        patterns[pattern] = regex
        return regex
    }
}

import CRMInterchange
import CRMLocale
import CRMSyntax
import CRMWorkspace

/// `FIELD=VALUE` arguments checked against a type: the field exists (with "did you mean"),
/// the value is normalised to the field's kind, references name records of the right type (by
/// id, or by a name only one record of that type has, which is written as its id).
struct Assignments {
    struct Assignment {
        /// The top-level field.
        var key: String
        /// The map entry, for `address.city=Brno`.
        var entry: String?
        var value: Value
        var text: String

        var path: String { entry.map { "\(key).\($0)" } ?? key }
    }

    let type: RecordType
    let input: ValueInput
    /// Finds referenced records.
    var locator: RecordLocator

    /// Reads `name=value` arguments.
    mutating func parse(_ arguments: [String]) throws(CommandError) -> [Assignment] {
        var assignments: [Assignment] = []
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                throw CommandError(tr("err-not-assignment", ["argument": argument]), hint: tr("hint-assignment"),
                                   status: ExitStatus.usage)
            }
            assignments.append(try assign(String(argument[..<equals]), String(argument[argument.index(after: equals)...])))
        }
        return assignments
    }

    /// One field (`status`, `address.city`) given a value as typed, checked and normalised.
    mutating func assign(_ name: String, _ text: String) throws(CommandError) -> Assignment {
        let (definition, entry) = try field(name)
        return Assignment(key: definition.key, entry: entry, value: try value(text, for: definition, entry: entry), text: name + "=" + text)
    }

    /// The field a name (`status`, `address.city`) refers to.
    func field(_ name: String) throws(CommandError) -> (FieldDefinition, entry: String?) {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard let definition = type.field(parts[0]) else {
            let hint = CommandError.didYouMean(parts[0], in: type.fieldKeys)
                ?? "\(English.a(type.name)) has: \(type.fieldKeys.joined(separator: ", "))"
            throw CommandError(tr("err-unknown-field", ["field": parts[0], "type": Translation.current.typeName(type.name)]), hint: hint, status: ExitStatus.usage)
        }
        if case .map(let entries) = definition.kind {
            guard parts.count == 2 else {
                throw CommandError(tr("err-map-field", ["field": definition.key]), hint: tr("hint-for-example", ["example": "\(definition.key).\(entries[0])=..."]),
                                   status: ExitStatus.usage)
            }
            guard entries.contains(parts[1]) else {
                throw CommandError(tr("err-no-entry", ["field": definition.key, "entry": parts[1]]),
                                   hint: CommandError.didYouMean(parts[1], in: entries)
                                       ?? tr("hint-entries", ["field": definition.key, "entries": entries.joined(separator: ", ")]), status: ExitStatus.usage)
            }
            return (definition, parts[1])
        }
        if parts.count == 2 {
            throw CommandError("'\(definition.key)' is \(definition.kind.name), not a map; it has no '\(parts[1])'", status: ExitStatus.usage)
        }
        return (definition, nil)
    }

    /// The stored value for `text`: list fields take comma-separated items.
    mutating func value(_ text: String, for definition: FieldDefinition, entry: String?) throws(CommandError) -> Value {
        if entry != nil { return .string(text.trimmingWhitespace()) }
        if definition.kind.isList {
            var items: [String] = []
            for item in ListCell.split(text) where !item.isEmpty {
                items.append(try scalar(item, for: definition))
            }
            return .list(items)
        }
        return .string(try scalar(text, for: definition))
    }

    /// One value or list item, normalised and checked.
    mutating func scalar(_ text: String, for definition: FieldDefinition) throws(CommandError) -> String {
        var value: String
        switch input.normalize(text, kind: definition.kind) {
        case .success(let normalized): value = normalized
        case .failure(let problem): throw CommandError("\(definition.key): \(problem.message)", hint: problem.hint)
        }
        if let target = definition.kind.referencedType, !value.isEmpty {
            if let found = locator.type(of: value) {
                guard found == target else {
                    throw CommandError(tr("err-wrong-reference", ["field": definition.key, "value": value, "found": Translation.current.typeName(found),
                                                                    "target": Translation.current.typeName(target)]))
                }
            } else {
                // Not an id: the record's name, written as its id.
                do {
                    value = try locator.file(value, type: target).id
                } catch {
                    throw CommandError("\(definition.key): " + error.message, hint: error.hint, status: error.status)
                }
            }
        }
        if let pattern = definition.pattern, !value.isEmpty, let regex = try? Regex(pattern), (try? regex.wholeMatch(in: value)) == nil {
            throw CommandError(tr("err-pattern", ["field": definition.key, "value": value, "pattern": pattern]),
                               hint: definition.description)
        }
        return value
    }
}

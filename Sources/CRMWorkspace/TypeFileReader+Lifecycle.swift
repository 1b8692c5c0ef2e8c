import CRMSyntax

/// The lifecycle properties of a type file's fields: an enum field's `transitions`, `closing`,
/// `closing-requires` and `closing-stamp`, and a date field's `service-level`.
extension TypeFileReader {
    static let workflowKeys = ["transitions", "closing", "closing-requires", "closing-stamp"]
    static let serviceLevelKeys = ["service-level", "service-level-by", "service-level-from"]

    typealias Properties = [String: (value: Value, location: SourceLocation)]

    /// The field's workflow, when it has any of the workflow properties.
    mutating func workflow(of key: String, kind: FieldKind, _ values: Properties) -> Workflow? {
        let given = Self.workflowKeys.filter { values[$0] != nil }
        guard let first = given.first else { return nil }
        guard case .enumeration(let allowed) = kind else {
            report("'\(first)' belongs to an enum field; '\(key)' is \(kind.name)", at: values[first]!.location)
            return nil
        }
        func checkValue(_ value: String, at location: SourceLocation) {
            guard !allowed.contains(value) else { return }
            report("'\(value)' is not a value of '\(key)'", at: location,
                   hint: suggestion(for: value, among: allowed) ?? "the values are: \(allowed.joined(separator: ", "))")
        }
        var transitions: [String: [String]] = [:]
        if let (value, location) = values["transitions"] {
            for item in list(value, "transitions", at: location, example: "[open > in-progress, in-progress > resolved]") {
                let sides = item.replacing("->", with: ">").replacing("→", with: ">").split(separator: ">")
                    .map { String($0).trimmingWhitespace() }
                guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else {
                    report("'\(item)' is not a transition", at: location, hint: "write FROM > TO, for example open > in-progress")
                    continue
                }
                checkValue(sides[0], at: location)
                checkValue(sides[1], at: location)
                transitions[sides[0], default: []].append(sides[1])
            }
        }
        var closing: [String] = []
        if let (value, location) = values["closing"] {
            closing = list(value, "closing", at: location, example: "[resolved, rejected]")
            for item in closing { checkValue(item, at: location) }
        }
        var requires: [String] = []
        if let (value, location) = values["closing-requires"] {
            requires = list(value, "closing-requires", at: location, example: "[resolution]")
        }
        let stamp = values["closing-stamp"]?.value.string
        return Workflow(transitions: transitions, closing: closing, closingRequires: requires, closingStamp: stamp)
    }

    /// The field's service level, when it has `service-level`.
    mutating func serviceLevel(of key: String, kind: FieldKind, _ values: Properties) -> ServiceLevel? {
        guard let (value, location) = values["service-level"] else {
            for other in ["service-level-by", "service-level-from"] where values[other] != nil {
                report("'\(other)' needs 'service-level'", at: values[other]!.location,
                       hint: "for example service-level: [critical 1d, high 3d, normal 10d, low 30d]")
            }
            return nil
        }
        guard kind == .date else {
            report("'service-level' belongs to a date field; '\(key)' is \(kind.name)", at: location)
            return nil
        }
        var days: [String: Int] = [:]
        for item in list(value, "service-level", at: location, example: "[critical 1d, high 3d, normal 10d, low 30d]") {
            let parts = item.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard parts.count == 2, let count = Int(parts[1].dropLast()), count >= 0,
                  let unit = parts[1].last, unit == "d" || unit == "w" else {
                report("'\(item)' is not a service level", at: location, hint: "write VALUE DAYS, for example critical 1d or low 2w")
                continue
            }
            days[parts[0]] = unit == "w" ? count * 7 : count
        }
        guard let by = values["service-level-by"]?.value.string else {
            report("'service-level' needs 'service-level-by': the enum field whose value picks the days", at: location,
                   hint: "for example service-level-by: severity")
            return nil
        }
        return ServiceLevel(days: days, by: by, from: values["service-level-from"]?.value.string ?? "")
    }

    /// Checks the fields a lifecycle names against the type's fields, and gives a service level
    /// without `service-level-from` the type's date field.
    mutating func checkingLifecycle(of type: RecordType) -> RecordType {
        var type = type
        func location(_ field: String, _ property: String) -> SourceLocation? {
            guard case .map(let entries)? = document.field(field)?.value,
                  let index = entries.firstIndex(where: { $0.key == property }) else { return nil }
            return document.field(field)?.items[index].location
        }
        for (position, field) in type.fields.enumerated() {
            if let workflow = field.workflow {
                for required in workflow.closingRequires where type.field(required) == nil {
                    report("closing-requires names '\(required)', which is not a field of the type",
                           at: location(field.key, "closing-requires"), hint: suggestion(for: required, among: type.fieldKeys))
                }
                if let stamp = workflow.closingStamp, type.field(stamp)?.kind != .date {
                    report("closing-stamp '\(stamp)' must be a date field of the type", at: location(field.key, "closing-stamp"),
                           hint: suggestion(for: stamp, among: type.fieldKeys))
                }
            }
            if let level = field.serviceLevel {
                if case .enumeration(let allowed)? = type.field(level.by)?.kind {
                    for value in level.days.keys.sorted() where !allowed.contains(value) {
                        report("service-level names '\(value)', which is not a value of '\(level.by)'",
                               at: location(field.key, "service-level"), hint: suggestion(for: value, among: allowed))
                    }
                } else {
                    report("service-level-by '\(level.by)' must be an enum field of the type",
                           at: location(field.key, "service-level-by"), hint: suggestion(for: level.by, among: type.fieldKeys))
                }
                let from = level.from.isEmpty ? type.dateField?.key ?? "" : level.from
                if type.field(from).map({ $0.kind != .date && $0.kind != .datetime }) ?? true {
                    report("service-level-from '\(from)' must be a date field of the type", at: location(field.key, "service-level-from")
                           ?? location(field.key, "service-level"), hint: "for example service-level-from: opened")
                }
                type.fields[position].serviceLevel?.from = from
            }
        }
        return type
    }

    /// A list property's items; reports a scalar.
    private mutating func list(_ value: Value, _ name: String, at location: SourceLocation, example: String) -> [String] {
        if let items = value.list { return items }
        report("'\(name)' must be a list", at: location, hint: "for example \(name): \(example)")
        return []
    }
}

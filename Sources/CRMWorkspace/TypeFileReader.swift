import CRMSyntax

/// Turns one parsed type file into a `RecordType`, collecting every problem with its location.
/// Only a type that cannot be placed (a bad name or folder, no fields, `type` not a map) is
/// left out; a wrong field is read as text and a wrong title or column falls back, so one typo
/// costs one error, not the type.
struct TypeFileReader {
    let document: RecordDocument
    let name: String
    private(set) var problems: [Diagnostic] = []

    private static let propertyKeys = ["folder", "title", "columns", "description", "id", "subfolders"]
    private static let definitionKeys = ["kind", "values", "to", "of", "required", "default", "description", "pattern",
                                         "unit", "fields", "aliases", "unique", "personal"] + workflowKeys + serviceLevelKeys

    init(document: RecordDocument, name: String) {
        self.document = document
        self.name = name
    }

    mutating func read() -> RecordType? {
        guard RecordID.isValid(name) else {
            report("a type name is lowercase letters, digits and hyphens", at: nil, hint: "rename the file")
            return nil
        }
        var properties: [String: (Value, SourceLocation)] = [:]
        if let type = document.field("type") {
            guard case .map = type.value else {
                report("'type' must be a map of folder, title, columns and description", at: type.valueLocation)
                return nil
            }
            for item in type.items {
                let key = item.key ?? ""
                guard Self.propertyKeys.contains(key) else {
                    reportUnknown(key, among: Self.propertyKeys, what: "type property", at: item.location)
                    continue
                }
                properties[key] = (item.value, item.location)
            }
        }
        // A field whose definition is wrong is reported and read as text, so that the rest of
        // the type still loads and its records are still checked and listed.
        var fields: [FieldDefinition] = []
        for field in document.fields where field.key != "type" {
            fields.append(definition(of: field) ?? FieldDefinition(key: field.key, kind: .text))
        }
        if fields.isEmpty {
            report("the type has no fields", at: nil, hint: "add fields as `key:` with indented `kind: text` lines")
            return nil
        }
        let folder = properties["folder"]?.0.string ?? name + "s"
        if !RecordID.isValid(folder) {
            report("folder '\(folder)' must be a simple folder name (lowercase letters, digits, hyphens)",
                   at: properties["folder"]?.1)
            return nil
        }
        let keys = fields.map(\.key)
        var title = properties["title"]?.0.string ?? keys[0]
        if !keys.contains(title) {
            report("title field '\(title)' is not a field of the type", at: properties["title"]?.1,
                   hint: suggestion(for: title, among: keys))
            title = keys[0]
        }
        var columns = properties["columns"]?.0.list ?? Array(keys.prefix(5))
        if let value = properties["columns"]?.0, value.list == nil {
            report("columns must be a list, for example [name, status]", at: properties["columns"]?.1)
            columns = Array(keys.prefix(5))
        }
        for column in columns where !isValidColumn(column, fields: fields) {
            report("column '\(column)' is not a field of the type", at: properties["columns"]?.1,
                   hint: suggestion(for: column, among: keys))
        }
        columns = columns.filter { isValidColumn($0, fields: fields) }
        let idStyle = option(properties["id"], default: RecordType.IDStyle.title, name: "id")
        let subfolders = option(properties["subfolders"], default: RecordType.Subfolders.none, name: "subfolders")
        var type = RecordType(name: name, folder: folder, title: title, columns: columns,
                              description: properties["description"]?.0.string ?? "", fields: fields,
                              path: document.path, idStyle: idStyle, subfolders: subfolders)
        if (idStyle == .dated || subfolders != .none) && type.dateField == nil {
            report("'id: dated' and subfolders need a required date or datetime field", at: properties["id"]?.1 ?? properties["subfolders"]?.1)
            type.idStyle = .title
            type.subfolders = .none
        }
        return checkingLifecycle(of: type)
    }

    /// A type property with a fixed set of values.
    private mutating func option<T: RawRepresentable & CaseIterable>(_ property: (Value, SourceLocation)?, default fallback: T,
                                                                      name: String) -> T where T.RawValue == String {
        guard let (value, location) = property else { return fallback }
        if let text = value.string, let option = T(rawValue: text) { return option }
        report("\(name) is one of \(T.allCases.map(\.rawValue).joined(separator: ", "))", at: location)
        return fallback
    }

    private func isValidColumn(_ column: String, fields: [FieldDefinition]) -> Bool {
        let parts = column.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let field = fields.first(where: { $0.key == parts[0] }) else { return false }
        guard parts.count == 2 else { return true }
        if case .map(let entries) = field.kind { return entries.contains(parts[1]) }
        return field.kind.referencedType != nil
    }

    private mutating func definition(of field: FieldSyntax) -> FieldDefinition? {
        guard case .map(let entries) = field.value else {
            report("field '\(field.key)' needs a definition: indented lines such as `kind: text`",
                   at: field.valueLocation)
            return nil
        }
        var values: [String: (value: Value, location: SourceLocation)] = [:]
        for (entry, item) in zip(entries, field.items) {
            guard Self.definitionKeys.contains(entry.key) else {
                reportUnknown(entry.key, among: Self.definitionKeys, what: "field property", at: item.location)
                continue
            }
            values[entry.key] = (entry.value, item.location)
        }
        guard let kindName = values["kind"]?.value.string else {
            report("field '\(field.key)' has no kind", at: field.keyLocation,
                   hint: "add `kind:` with one of \(FieldKind.names.joined(separator: ", "))")
            return nil
        }
        guard var kind = self.kind(named: kindName, field: field.key, values: values, at: values["kind"]!.location) else {
            return nil
        }
        if kind == .list(.text), let itemName = values["of"]?.value.string {
            guard let item = self.kind(named: itemName, field: field.key, values: values, at: values["of"]!.location) else {
                return nil
            }
            if item.isList || { if case .map = item { return true } else { return false } }() {
                report("a list holds single values, not \(item.name)", at: values["of"]!.location)
                return nil
            }
            kind = .list(item)
        }
        var definition = FieldDefinition(key: field.key, kind: kind, required: flag("required", values) ?? false,
                                         defaultValue: values["default"]?.value, description: values["description"]?.value.string,
                                         pattern: values["pattern"]?.value.string, unit: values["unit"]?.value.string,
                                         workflow: workflow(of: field.key, kind: kind, values),
                                         serviceLevel: serviceLevel(of: field.key, kind: kind, values))
        definition.unique = flag("unique", values) ?? false
        definition.personal = flag("personal", values) ?? false
        if let (value, location) = values["aliases"] {
            readAliases(value, at: location, into: &definition)
        }
        return definition
    }

    /// A `true` or `false` property; `nil` when absent.
    private mutating func flag(_ key: String, _ values: [String: (value: Value, location: SourceLocation)]) -> Bool? {
        guard let (value, location) = values[key] else { return nil }
        switch value.string {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report("\(key) is true or false", at: location)
            return nil
        }
    }

    /// `aliases: [IČO, ICO]`; for a map, `aliases: [Město > city, PSČ > zip]` names its entries.
    private mutating func readAliases(_ value: Value, at location: SourceLocation, into definition: inout FieldDefinition) {
        guard let items = value.list else {
            report("aliases is a list, for example [IČO, ICO]", at: location)
            return
        }
        for item in items {
            let parts = item.split(separator: ">", maxSplits: 1).map { $0.trimmingWhitespace() }
            guard case .map(let entries) = definition.kind else {
                if parts.count == 2 { report("'\(item)': only a map's entries have aliases of the form ALIAS > ENTRY", at: location) }
                definition.aliases.append(item)
                continue
            }
            guard parts.count == 2, !parts[0].isEmpty else {
                report("'\(item)': a map's alias names its entry", at: location, hint: "write ALIAS > ENTRY, for example Město > city")
                continue
            }
            guard entries.contains(parts[1]) else {
                reportUnknown(parts[1], among: entries, what: "entry of '\(definition.key)'", at: location)
                continue
            }
            definition.entryAliases[parts[0]] = parts[1]
        }
    }

    private mutating func kind(named kindName: String, field: String,
                               values: [String: (value: Value, location: SourceLocation)],
                               at location: SourceLocation) -> FieldKind? {
        switch kindName {
        case "text": return .text
        case "long-text": return .longText
        case "date": return .date
        case "datetime": return .datetime
        case "number": return .number
        case "money": return .money
        case "email": return .email
        case "phone": return .phone
        case "url": return .url
        case "bool": return .bool
        case "list": return .list(.text)
        case "enum":
            guard let list = values["values"]?.value.list, !list.isEmpty else {
                report("enum field '\(field)' needs its values", at: location, hint: "add `values: [first, second, ...]`")
                return nil
            }
            return .enumeration(list)
        case "reference":
            guard let target = values["to"]?.value.string, !target.isEmpty else {
                report("reference field '\(field)' needs the type it refers to", at: location, hint: "add `to: customer`")
                return nil
            }
            return .reference(target)
        case "map":
            guard let keys = values["fields"]?.value.list, !keys.isEmpty else {
                report("map field '\(field)' needs its entries", at: location, hint: "add `fields: [street, city]`")
                return nil
            }
            return .map(keys)
        default:
            report("field '\(field)': unknown kind '\(kindName)'", at: location,
                   hint: suggestion(for: kindName, among: FieldKind.names) ?? "known: \(FieldKind.names.joined(separator: ", "))")
            return nil
        }
    }

    func suggestion(for name: String, among candidates: [String]) -> String? {
        Suggestions.closest(to: name, in: candidates).map { "did you mean '\($0)'?" }
    }

    mutating func reportUnknown(_ name: String, among candidates: [String], what: String, at location: SourceLocation) {
        report("unknown \(what) '\(name)'", at: location,
               hint: suggestion(for: name, among: candidates) ?? "known: \(candidates.joined(separator: ", "))")
    }

    mutating func report(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        problems.append(Diagnostic(code: "schema", path: document.path, location: location, message: message, hint: hint,
                                   sourceLine: location.flatMap { document.sourceLine($0.line) }))
    }
}

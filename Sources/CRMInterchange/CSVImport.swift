import CRMSyntax
import CRMWorkspace

/// CSV rows as records: columns matched to fields (by the field's name, a map entry's name, an
/// alias the type file gives, or `--map COLUMN=FIELD`), each row one `RecordImport.Item`; rows
/// of empty cells are skipped.
public enum CSVImport {
    /// Plans every row of the file (`path` names it in messages); returns notes on columns left out.
    public static func run(_ bytes: [UInt8], path: String, type: RecordType, maps: [String], key: String?, encoding: CSVEncoding,
                           into importer: inout RecordImport) throws(ImportError) -> [String] {
        let table: CSVTable
        do {
            table = try CSVReader.read(bytes, encoding: encoding)
        } catch {
            let text = encoding == .windows1250 ? Windows1250.decode(bytes) : String(decoding: bytes, as: UTF8.self)
            throw ImportError(error.diagnostic(path: path, code: "csv", text: text))
        }
        if let key, type.field(key) == nil { throw unknownField(key, type: type, option: "--key") }
        let columns = try fields(for: table.header, type: type, maps: maps)
        // A row of empty cells (a spreadsheet's blank line, `;;;`) is no record.
        for row in table.rows where row.fields.contains(where: { !$0.trimmingWhitespace().isEmpty }) {
            if row.fields.count > table.header.count, row.fields[table.header.count...].contains(where: { !$0.isEmpty }) {
                importer.reject("row \(row.number)", type: type, reason: "\(row.fields.count) fields, but the header has \(table.header.count)")
                continue
            }
            var id: String?
            var fields: [Field] = []
            for (column, text) in zip(columns, row.fields) {
                guard let column else { continue }
                let value = CSVReader.restoringFormula(text)
                if column == "id" {
                    id = value.isEmpty ? nil : value
                } else if let dot = column.firstIndex(of: ".") {
                    let (field, entry) = (String(column[..<dot]), String(column[column.index(after: dot)...]))
                    let entries = (fields[field]?.map ?? []) + [MapEntry(key: entry, value: .string(value))]
                    fields.removeAll { $0.key == field }
                    fields.append(Field(key: field, value: .map(entries.filter { !$0.value.isEmpty })))
                } else {
                    fields.append(Field(key: column, value: .string(value)))
                }
            }
            importer.add(RecordImport.Item(label: "row \(row.number)", type: type, id: id, fields: fields), key: key)
        }
        let left = zip(table.header, columns).filter { $0.1 == nil }.map(\.0)
        return left.isEmpty ? [] : ["left out \(left.count == 1 ? "column" : "columns") " + left.map { "'\($0)'" }.joined(separator: ", ")
                                    + " (no field of that name; map with --map COLUMN=FIELD)"]
    }

    /// The field (`status`, `address.city`, `id`) each column goes to, or `nil`.
    private static func fields(for header: [String], type: RecordType, maps: [String]) throws(ImportError) -> [String?] {
        var explicit: [String: String] = [:]
        for map in maps {
            guard let equals = map.firstIndex(of: "=") else { throw ImportError("--map takes COLUMN=FIELD, not '\(map)'") }
            let (column, field) = (String(map[..<equals]), String(map[map.index(after: equals)...]))
            guard header.contains(where: { matchForm($0) == matchForm(column) }) else {
                throw ImportError("--map \(map): the file has no column '\(column)'",
                                   hint: Suggestions.closest(to: column, in: header).map { "did you mean '\($0)'?" } ?? "its columns: " + header.joined(separator: ", "))
            }
            guard field == "id" || names(of: type).contains(field) else { throw unknownField(field, type: type, option: "--map") }
            explicit[matchForm(column)] = field
        }
        var byName: [String: String] = ["id": "id"]
        var entryNames: [String: [String]] = [:]
        for name in names(of: type) {
            byName[matchForm(name)] = name
            if let dot = name.firstIndex(of: ".") { entryNames[matchForm(name[name.index(after: dot)...]), default: []].append(name) }
        }
        for (entry, owners) in entryNames where owners.count == 1 && byName[entry] == nil { byName[entry] = owners[0] }
        // The names a type file gives its fields in other systems (`aliases: [IČO, ICO]`).
        for field in type.fields {
            for alias in field.aliases where byName[matchForm(alias)] == nil { byName[matchForm(alias)] = field.key }
            for (alias, entry) in field.entryAliases where byName[matchForm(alias)] == nil {
                byName[matchForm(alias)] = field.key + "." + entry
            }
        }
        return header.map { column in explicit[matchForm(column)] ?? byName[matchForm(column)] }
    }

    /// A column or field name without case, diacritics, spaces or punctuation other than the
    /// dot of a map's entry: `E-mail` and `email`, `Reg. no` and `reg-no` match.
    private static func matchForm(_ name: some StringProtocol) -> String {
        let folded = TextFold.fold(name.trimmingWhitespace())
        let kept = folded.filter { $0.isLetter || $0.isNumber || $0 == "." }
        return kept.hasSuffix(".") || kept.hasPrefix(".") ? kept.filter { $0 != "." } : kept
    }

    /// Every field a column may go to: the type's fields, and `map.entry` for its maps.
    private static func names(of type: RecordType) -> [String] {
        type.fields.flatMap { field -> [String] in
            if case .map(let entries) = field.kind { return entries.map { "\(field.key).\($0)" } }
            return [field.key]
        }
    }

    private static func unknownField(_ name: String, type: RecordType, option: String) -> ImportError {
        ImportError("\(option): unknown field '\(name)' for \(English.a(type.name))",
                     hint: Suggestions.closest(to: name, in: names(of: type)).map { "did you mean '\($0)'?" }
                         ?? "\(English.a(type.name)) has: " + names(of: type).joined(separator: ", "))
    }
}

import CRMSyntax
import CRMWorkspace

/// One record file of the sample workspace: its type, id, folder and field values, and for
/// the few records written "by hand" the exact text (which must read back as `fields`).
struct SampleRecord {
    let type: String
    let id: String
    /// The folder inside the workspace, such as `calls/2026/03`.
    let folder: String
    let fields: [Field]
    var handText: String?

    var path: String { "\(folder)/\(id).yaml" }

    /// The file's bytes: the hand-written text, or the canonical form of `fields`.
    func bytes() throws -> [UInt8] {
        if let handText { return Array(handText.utf8) }
        do {
            return try RecordDocument(fields: fields, path: path, lineEnding: .lf).bytes
        } catch {
            throw SampleWorkspaceError("\(path): cannot write the record: \(error)")
        }
    }
}

/// Fields in order, leaving out the empty ones.
struct FieldList {
    private(set) var fields: [Field] = []

    mutating func add(_ key: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        fields.append(Field(key: key, value: .string(value)))
    }

    mutating func add(_ key: String, _ value: (any CustomStringConvertible)?) {
        add(key, value?.description)
    }

    mutating func add(_ key: String, list: [String]) {
        guard !list.isEmpty else { return }
        fields.append(Field(key: key, value: .list(list)))
    }

    mutating func add(_ key: String, map: [(String, String?)]) {
        let entries = map.compactMap { key, value in value.map { MapEntry(key: key, value: .string($0)) } }
        guard !entries.isEmpty else { return }
        fields.append(Field(key: key, value: .map(entries)))
    }
}

/// Record ids from names: the slug of the name without its legal form.
enum Slug {
    /// Legal forms left out of ids, longest first so `spol. s r.o.` wins over `s.r.o.`.
    static let legalForms = ["spol. s r.o.", "s.r.o.", "a.s.", "v.o.s.", "k.s."]

    /// `Škoda Transport a.s.` → `skoda-transport`, `Jana Dvořáková` → `jana-dvorakova`.
    static func of(_ name: String) -> String {
        let lowercased = name.lowercased()
        let form = legalForms.first { lowercased.hasSuffix(" " + $0) || lowercased.hasSuffix("," + $0) }
        return RecordID.slug(String(name.dropLast(form?.count ?? 0))) ?? ""
    }
}

/// A problem found while generating or checking the sample workspace.
struct SampleWorkspaceError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

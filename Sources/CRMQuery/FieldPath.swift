import CRMSyntax
import CRMWorkspace

/// A path to values of a record: a field (`status`), a map entry (`address.city`, or just `city`
/// when one map field of the type has it), or fields reached through references
/// (`customer.segment`, `contact.customer.name`).
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    enum Step: Sendable, Hashable {
        /// The value of a field.
        case field(String)
        /// An entry of a map field.
        case entry(String, String)
        /// The records a reference field points to.
        case follow(String)
    }

    public let text: String
    let steps: [Step]
    /// The kind of the values at the end of the path (an item's kind for lists).
    public let kind: FieldKind
    /// The types the path passes through on its way, the first excepted.
    public let intermediateTypes: [String]
    /// The type whose field ends the path.
    public let finalType: String

    /// Resolves `text` against the fields of `type`.
    public init(_ text: String, in type: RecordType, schema: Schema) throws(PathError) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var steps: [Step] = []
        var passed: [String] = []
        var current = type
        var offset = 0
        var kind = FieldKind.text
        var index = 0
        while index < parts.count {
            let part = parts[index]
            let isLast = index == parts.count - 1
            if let field = current.field(part) {
                if isLast {
                    steps.append(.field(part))
                    kind = field.kind
                } else if case .map(let entries) = field.kind {
                    let entry = parts[index + 1]
                    guard entries.contains(entry) else {
                        throw PathError(message: "'\(part)' has no entry '\(entry)'", part: entry,
                                        offset: offset + part.count + 1,
                                        hint: Suggestions.closest(to: entry, in: entries).map { "did you mean '\($0)'?" }
                                            ?? "'\(part)' has: \(entries.joined(separator: ", "))")
                    }
                    guard index + 2 == parts.count else {
                        throw PathError(message: "'\(part).\(entry)' is text; it has no '\(parts[index + 2])'",
                                        part: parts[index + 2], offset: offset + part.count + entry.count + 2, hint: nil)
                    }
                    steps.append(.entry(part, entry))
                    kind = .text
                    index += 1
                } else if let target = field.kind.referencedType, let targetType = schema.type(named: target) {
                    steps.append(.follow(part))
                    current = targetType
                    passed.append(target)
                } else {
                    throw PathError(message: "'\(part)' is \(field.kind.name), not a reference or map; it has no '\(parts[index + 1])'",
                                    part: parts[index + 1], offset: offset + part.count + 1, hint: nil)
                }
            } else if let owner = Self.mapOwning(part, in: current) {
                guard isLast else {
                    throw PathError(message: "'\(part)' is text; it has no '\(parts[index + 1])'", part: parts[index + 1],
                                    offset: offset + part.count + 1, hint: nil)
                }
                steps.append(.entry(owner, part))
                kind = .text
            } else {
                let candidates = current.fieldKeys + current.fields.flatMap { field -> [String] in
                    if case .map(let entries) = field.kind { return entries }
                    return []
                }
                let hint = Suggestions.closest(to: part, in: candidates).map { "did you mean '\($0)'?" }
                    ?? "\(English.a(current.name)) has: \(current.fieldKeys.joined(separator: ", "))"
                throw PathError(message: part.isEmpty ? "empty field name in '\(text)'" : "unknown field '\(part)' for \(English.a(current.name))",
                                part: part, offset: offset, hint: hint)
            }
            offset += part.count + 1
            index += 1
        }
        self.text = text
        self.steps = steps
        self.kind = kind
        self.finalType = current.name
        self.intermediateTypes = passed
    }

    /// The one map field of `type` that has an entry named `entry`, if exactly one does.
    private static func mapOwning(_ entry: String, in type: RecordType) -> String? {
        let owners = type.fields.filter { field in
            if case .map(let entries) = field.kind { return entries.contains(entry) }
            return false
        }
        return owners.count == 1 ? owners[0].key : nil
    }

    /// True when the path reads a field of the record itself, without following references.
    public var isLocal: Bool {
        !steps.contains { if case .follow = $0 { return true } else { return false } }
    }

    /// The values at the end of the path: a string, a list's items, or the values reached
    /// through every referenced record; empty when absent.
    public func values(of record: Record, in index: WorkspaceIndex?) -> [String] {
        holders(of: record, in: index).flatMap(ownValues)
    }

    /// The money at the path, each amount in the currency of the record that holds it.
    public func amounts(of record: Record, in index: WorkspaceIndex?, currency workspace: String) -> [MoneyAmount] {
        holders(of: record, in: index).flatMap { holder in
            let currency = Currency.of(holder, default: workspace)
            return ownValues(of: holder).compactMap { Number($0).map { MoneyAmount(amount: $0.value, currency: currency) } }
        }
    }

    /// The records whose fields end the path: the record itself, or those its references reach.
    private func holders(of record: Record, in index: WorkspaceIndex?) -> [Record] {
        var records = [record]
        for case .follow(let key) in steps {
            guard let index else { return [] }
            records = records.flatMap { $0[key]?.strings ?? [] }.compactMap { index.record($0) }
        }
        return records
    }

    /// The values of the path's last step in a record that holds it.
    private func ownValues(of holder: Record) -> [String] {
        switch steps.last {
        case .field(let key)?: return (holder[key]?.strings ?? []).filter { !$0.isEmpty }
        case .entry(let key, let entry)?: return holder[key]?[entry: entry]?.string.map { $0.isEmpty ? [] : [$0] } ?? []
        default: return []
        }
    }

    public var description: String { text }
}

/// A path that does not name fields of the type.
public struct PathError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// The part of the path that is wrong, and its offset in the path text (in characters).
    public var part: String
    public var offset: Int
    public var hint: String?

    public var description: String { message }
}

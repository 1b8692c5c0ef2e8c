import CRMWorkspace

/// Checks a parsed query against a record type and turns it into a `Condition`: fields must
/// exist (with "did you mean"), values must fit their field's kind (dates, numbers, enum
/// values, which are listed when one is wrong).
struct QueryCompiler {
    let schema: Schema
    let today: CivilDate
    /// The names of the person running the query, which `me` stands for; `nil` when nobody
    /// runs it (a saved query being checked), so `me` matches no one.
    let me: [String]?
    /// Types whose records the query reads besides the one it filters.
    private(set) var relatedTypes: Set<String> = []
    /// The types of the records whose aggregates are being compiled, innermost last: `^field`
    /// names a field of the last.
    private var outerTypes: [RecordType] = []

    init(schema: Schema, today: CivilDate, me: [String]? = nil) {
        self.schema = schema
        self.today = today
        self.me = me
    }

    mutating func compile(_ expression: QueryExpression, for type: RecordType) throws(QueryError) -> Condition {
        switch expression {
        case .and(let left, let right): return .and(try compile(left, for: type), try compile(right, for: type))
        case .or(let left, let right): return .or(try compile(left, for: type), try compile(right, for: type))
        case .not(let inner): return .not(try compile(inner, for: type))
        case .text(let word, _): return .text(TextFold.foldedBytes(word), phone: PhoneNumber.searchDigits(word))
        case .has(let operand):
            let (accessor, _) = try resolve(operand, in: type)
            return .has(accessor)
        case .compare(let operand, let comparison, let values):
            let (accessor, kind) = try resolve(operand, in: type)
            if values.count == 1, !values[0].quoted, values[0].text.hasPrefix("^"), comparison != .matches, comparison != .contains {
                return try outerTest(accessor, comparison, values[0], kind: kind)
            }
            if let other = try otherField(values, comparison: comparison, kind: kind, in: type) {
                return .fieldTest(accessor, comparison, other, dated: kind == .date || kind == .datetime, today: today)
            }
            return .test(accessor, try test(comparison, try person(values, comparison, kind: kind), kind: kind, operand: operand))
        }
    }

    /// The field on the right of a date or number comparison, when the value is not a date or
    /// number but names a field of the same sort: `closed <= due`, `amount > limit`.
    private mutating func otherField(_ values: [QueryValue], comparison: QueryOperator, kind: FieldKind,
                                     in type: RecordType) throws(QueryError) -> Accessor? {
        let dated: Set<FieldKind> = [.date, .datetime]
        let numeric: Set<FieldKind> = [.number, .money]
        guard values.count == 1, !values[0].quoted, dated.contains(kind) || numeric.contains(kind),
              [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(comparison) else { return nil }
        let text = values[0].text
        if dated.contains(kind) ? DateRange.parse(text, today: today) != nil : Number(ValueInput.numberText(text)) != nil { return nil }
        guard let path = try? FieldPath(text, in: type, schema: schema) else { return nil }
        let other = path.kind.isList ? path.kind.itemKind : path.kind
        guard dated.contains(kind) ? dated.contains(other) : numeric.contains(other) else {
            throw QueryError(column: values[0].offset + 1, message: "'\(text)' is \(other.name); it cannot be compared with \(kind.name)")
        }
        relatedTypes.formUnion(path.intermediateTypes)
        return .path(path)
    }

    /// `FIELD OP ^OUTER` inside an aggregate's `where`: the related record's field compared with a
    /// field of the record the aggregate belongs to (`count(calls where by = ^owner)`).
    private mutating func outerTest(_ accessor: Accessor, _ comparison: QueryOperator, _ value: QueryValue,
                                    kind: FieldKind) throws(QueryError) -> Condition {
        let name = String(value.text.dropFirst())
        guard let outer = outerTypes.last else {
            throw QueryError(column: value.offset + 1, message: "'\(value.text)' names a field of the record an aggregate belongs to",
                             hint: "use it inside an aggregate, for example count(calls where by = ^owner) = 0; quote \"\(value.text)\" to mean the text")
        }
        let (other, otherKind) = try resolve(.path(name, offset: value.offset + 1), in: outer)
        let dated: Set<FieldKind> = [.date, .datetime]
        let numeric: Set<FieldKind> = [.number, .money]
        let ordered = dated.contains(kind) && dated.contains(otherKind) || numeric.contains(kind) && numeric.contains(otherKind)
        guard ordered || [.equal, .notEqual].contains(comparison) else {
            throw QueryError(column: value.offset + 1, message: "'\(comparison.rawValue)' compares dates or numbers, and \(name) is \(otherKind.name)",
                             hint: "compare with = or !=")
        }
        return .outerTest(accessor, comparison, other, dated: dated.contains(kind), ordered: ordered, today: today)
    }

    /// `values` with an unquoted `me` replaced by the names of the person running the query,
    /// in `=`, `!=` and `in` tests of fields that hold names (text and references).
    private func person(_ values: [QueryValue], _ comparison: QueryOperator, kind: FieldKind) throws(QueryError) -> [QueryValue] {
        guard kind == .text || kind.referencedType != nil,
              [.equal, .notEqual, .within, .notWithin].contains(comparison) else { return values }
        var result: [QueryValue] = []
        for value in values {
            guard !value.quoted, value.text.lowercased() == "me" else {
                result.append(value)
                continue
            }
            guard let me else { continue }
            guard !me.isEmpty else {
                throw QueryError(column: value.offset + 1, message: "cannot tell who 'me' is",
                                 hint: "set CRM_USER, or git config crm.user NAME; quote \"me\" to mean the word")
            }
            result += me.map { QueryValue(text: $0, quoted: true, offset: value.offset) }
        }
        return result
    }

    /// The accessor for an operand and the kind of the values it gives.
    mutating func resolveOperand(_ operand: QueryOperand, in type: RecordType) throws(QueryError) -> (Accessor, FieldKind) {
        try resolve(operand, in: type)
    }

    private mutating func resolve(_ operand: QueryOperand, in type: RecordType) throws(QueryError) -> (Accessor, FieldKind) {
        switch operand {
        case .path(let text, let offset):
            if text == "id" { return (.id, .text) }
            if let next = try NextContact.resolve(text, in: type, schema: schema, today: today, offset: offset) {
                relatedTypes.insert("call")
                return (.nextContact(next), .date)
            }
            let path = try self.path(text, in: type, offset: offset)
            return (.path(path), path.kind.isList ? path.kind.itemKind : path.kind)
        case .aggregate(let aggregate):
            return try resolve(aggregate, in: type)
        }
    }

    private mutating func path(_ text: String, in type: RecordType, offset: Int) throws(QueryError) -> FieldPath {
        do {
            let path = try FieldPath(text, in: type, schema: schema)
            relatedTypes.formUnion(path.intermediateTypes)
            return path
        } catch {
            throw QueryError(column: offset + error.offset + 1, message: error.message, hint: error.hint)
        }
    }

    private mutating func resolve(_ aggregate: QueryAggregate, in type: RecordType) throws(QueryError) -> (Accessor, FieldKind) {
        guard let function = Aggregate.Function(rawValue: aggregate.function) else {
            throw QueryError(column: aggregate.offset + 1, message: "unknown function '\(aggregate.function)'")
        }
        let link: Aggregate.Link
        let related: RecordType
        if let field = type.field(aggregate.relation), let target = field.kind.referencedType, field.kind.isList,
           let targetType = schema.type(named: target) {
            link = .field(field.key)
            related = targetType
        } else if let targetType = schema.types.first(where: {
            $0.folder == aggregate.relation || $0.name == aggregate.relation || $0.name + "s" == aggregate.relation
        }) {
            guard targetType.referenceFields.contains(where: { $0.type == type.name }) else {
                throw QueryError(column: aggregate.relationOffset + 1,
                                 message: "\(targetType.folder) do not refer to \(English.a(type.name))",
                                 hint: "\(function.rawValue)(...) counts records that refer to this one")
            }
            link = .referrers(targetType.name)
            related = targetType
        } else {
            let candidates = schema.types.map(\.folder) + type.fields.filter { $0.kind.isList && $0.kind.referencedType != nil }.map(\.key)
            throw QueryError(column: aggregate.relationOffset + 1, message: "no related records called '\(aggregate.relation)'",
                             hint: Suggestions.closest(to: aggregate.relation, in: candidates).map { "did you mean '\($0)'?" }
                                 ?? "use a type's folder: \(schema.types.map(\.folder).joined(separator: ", "))")
        }
        relatedTypes.insert(related.name)
        var field: FieldPath?
        if let name = aggregate.field {
            field = try path(name, in: related, offset: aggregate.relationOffset + aggregate.relation.count + 1)
        }
        outerTypes.append(type)
        defer { outerTypes.removeLast() }
        let filter = try aggregate.filter.map { expression throws(QueryError) in try compile(expression, for: related) }
        let kind: FieldKind
        switch function {
        case .count:
            if aggregate.field != nil {
                throw QueryError(column: aggregate.offset + 1, message: "count(...) counts records, not a field",
                                 hint: "write count(\(aggregate.relation)), with `where` to count some of them")
            }
            kind = .number
        case .sum, .avg:
            guard let field, field.kind.itemKind == .number || field.kind.itemKind == .money else {
                throw QueryError(column: aggregate.offset + 1, message: "\(function.rawValue)(...) needs a number or money field",
                                 hint: "for example \(function.rawValue)(\(aggregate.relation).amount)")
            }
            kind = .number
        case .min, .max, .first, .last:
            guard let field else {
                throw QueryError(column: aggregate.offset + 1, message: "\(function.rawValue)(...) needs a field",
                                 hint: "for example \(function.rawValue)(\(aggregate.relation).at)")
            }
            kind = field.kind.itemKind
        }
        let perCurrency = field?.kind.itemKind == .money && Currency.isNamed(by: related)
        return (.aggregate(Aggregate(function: function, link: link, field: field, filter: filter.map(Predicate.init), perCurrency: perCurrency)),
                perCurrency ? .money : kind)
    }

    /// The test for `operand OP values` on values of `kind`.
    private func test(_ comparison: QueryOperator, _ values: [QueryValue], kind: FieldKind,
                      operand: QueryOperand) throws(QueryError) -> Test {
        let negated = comparison == .notEqual || comparison == .notWithin
        switch comparison {
        case .matches:
            guard let regex = try? Regex(values[0].text).ignoresCase() else {
                throw QueryError(column: values[0].offset + 1, message: "'\(values[0].text)' is not a regular expression",
                                 hint: "quote it, and escape special characters with \\")
            }
            return .matches(RegexBox(regex: regex), negated: false)
        case .contains where kind == .phone && !values[0].text.filter(\.isNumber).isEmpty:
            return .phoneContains(values[0].text.filter(\.isNumber), negated: false)
        case .contains:
            return .contains(TextFold.foldedBytes(values[0].text), negated: false)
        default:
            break
        }
        if kind == .phone, comparison.order == nil, !(values.count == 1 && values[0].quoted && values[0].text.isEmpty) {
            return .phoneEqual(values.map { PhoneNumber.normalized($0.text) ?? $0.text }, negated: negated)
        }
        if values.count == 1 && values[0].quoted && values[0].text.isEmpty {
            guard comparison == .equal || comparison == .notEqual else {
                throw QueryError(column: values[0].offset + 1, message: "\"\" (empty) can only be compared with = or !=")
            }
            return .empty(negated: comparison == .notEqual)
        }
        let order = comparison.order
        switch kind {
        case .date, .datetime:
            var ranges: [DateRange] = []
            for value in values {
                guard let range = DateRange.parse(value.text, today: today) else {
                    throw QueryError(column: value.offset + 1, message: "'\(value.text)' is not a date",
                                     hint: "write 2026-11-20, 20.11.2026, 2026-11-20 14:00, today, -30d, +2w, this-week, last-month, 2026-11 or 2026")
                }
                ranges.append(range)
            }
            return order.map { .dateOrder($0, ranges[0]) } ?? .dateWithin(ranges, negated: negated)
        case .number, .money:
            var numbers: [Double] = []
            for value in values {
                guard let number = Number(ValueInput.numberText(value.text)) else {
                    throw QueryError(column: value.offset + 1, message: "'\(value.text)' is not a number",
                                     hint: "this field holds numbers; write digits such as 10 000, 10000 or 12,5")
                }
                numbers.append(number.value)
            }
            return order.map { .numberOrder($0, numbers[0]) } ?? .numberEqual(numbers, negated: negated)
        case .enumeration(let allowed):
            var matched: [String] = []
            for value in values {
                let folded = TextFold.fold(value.text)
                guard let known = allowed.first(where: { TextFold.fold($0) == folded }) else {
                    var hint = "the values are: \(allowed.joined(separator: ", "))"
                    if let close = Suggestions.closest(to: value.text, in: allowed) { hint = "did you mean '\(close)'? " + hint }
                    throw QueryError(column: value.offset + 1, message: "'\(value.text)' is not one of the values of this field", hint: hint)
                }
                matched.append(known)
            }
            if let order { return .rankOrder(order, allowed.firstIndex(of: matched[0])!, values: allowed) }
            return .rankEqual(matched, negated: negated)
        case .bool:
            guard order == nil else {
                throw QueryError(column: values[0].offset + 1, message: "'\(comparison.rawValue)' does not fit a true-or-false field",
                                 hint: "compare with = true or = false")
            }
            var matched: [[UInt8]] = []
            for value in values {
                switch value.text.lowercased() {
                case "true", "yes": matched.append(Array("true".utf8))
                case "false", "no": matched.append(Array("false".utf8))
                default:
                    throw QueryError(column: value.offset + 1, message: "'\(value.text)' is not true or false")
                }
            }
            return .textEqual(matched, negated: negated)
        case .reference:
            guard order == nil else {
                throw QueryError(column: values[0].offset + 1, message: "'\(comparison.rawValue)' does not fit a reference",
                                 hint: "compare a field of the referenced record, for example \(pathText(operand)).name < M")
            }
            return .reference(ids: values.map(\.text), titles: values.map { TextFold.foldedBytes($0.text) }, negated: negated)
        default:
            if let order { return .textOrder(order, TextFold.foldedBytes(values[0].text)) }
            return .textEqual(values.map { TextFold.foldedBytes($0.text) }, negated: negated)
        }
    }

    private func pathText(_ operand: QueryOperand) -> String {
        if case .path(let text, _) = operand { return text }
        return "customer"
    }
}

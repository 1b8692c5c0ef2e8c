import CRMWorkspace

/// A query checked against the schema and ready to run: values already parsed for their
/// field's kind (dates as spans, enum values as ranks, text folded).
indirect enum Condition: Sendable {
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
    case has(Accessor)
    case test(Accessor, Test)
    /// A date or number compared with another field of the same record: `closed <= due`.
    case fieldTest(Accessor, QueryOperator, Accessor, dated: Bool, today: CivilDate)
    /// A field compared with a field of the record an aggregate belongs to: `by = ^owner`. Dates
    /// and numbers (`ordered`) compare as such; other values are equal when their folded text is.
    case outerTest(Accessor, QueryOperator, Accessor, dated: Bool, ordered: Bool, today: CivilDate)
    /// A full-text term, folded; `phone` holds its digits when it looks like a phone number,
    /// which then also matches the number written with spaces.
    case text([UInt8], phone: String?)
}

extension Condition {
    /// The fields that comparisons of two fields (`closed <= due`) read, both sides.
    var comparedFields: [Accessor] {
        switch self {
        case .and(let left, let right), .or(let left, let right): return left.comparedFields + right.comparedFields
        case .not(let inner): return inner.comparedFields
        case .fieldTest(let left, _, let right, _, _): return [left, right]
        case .has, .test, .outerTest, .text: return []
        }
    }
}

/// Where a condition's values come from.
enum Accessor: Sendable {
    case path(FieldPath)
    /// The record's id.
    case id
    case aggregate(Aggregate)
    /// The day a customer or contact is due for contact.
    case nextContact(NextContact)
}

/// Related records and what to compute over them.
struct Aggregate: Sendable {
    enum Function: String, Sendable {
        case count, sum, avg, min, max, first, last
    }

    enum Link: Sendable {
        /// The records a list-of-references field of the record names.
        case field(String)
        /// The records of a type that refer to the record.
        case referrers(String)
    }

    var function: Function
    var link: Link
    var field: FieldPath?
    var filter: Predicate?
    /// True for money in records that name their currency: one value per currency.
    var perCurrency = false
}

/// A comparison with values parsed for the kind it applies to. `any` tests pass when any value
/// matches one of the given ones; `none` when no value does.
enum Test: Sendable {
    enum Order: Sendable {
        case less, lessOrEqual, greater, greaterOrEqual

        func holds<T: Comparable>(_ value: T, _ bound: T) -> Bool {
            switch self {
            case .less: return value < bound
            case .lessOrEqual: return value <= bound
            case .greater: return value > bound
            case .greaterOrEqual: return value >= bound
            }
        }
    }

    /// Folded text equal to one of these.
    case textEqual([[UInt8]], negated: Bool)
    case textOrder(Order, [UInt8])
    case contains([UInt8], negated: Bool)
    case matches(RegexBox, negated: Bool)
    case numberEqual([Double], negated: Bool)
    case numberOrder(Order, Double)
    /// Within one of these spans.
    case dateWithin([DateRange], negated: Bool)
    /// Before (`<`), up to the end of (`<=`), after (`>`), or from the start of (`>=`) the span.
    case dateOrder(Order, DateRange)
    case rankEqual([String], negated: Bool)
    case rankOrder(Order, Int, values: [String])
    /// A reference: the id, or the referenced record's title folded.
    case reference(ids: [String], titles: [[UInt8]], negated: Bool)
    /// `= ""` (empty) or `!= ""`.
    case empty(negated: Bool)
    /// A phone number equal to one of these (`PhoneNumber.normalized` forms), however spaced.
    case phoneEqual([String], negated: Bool)
    /// A phone number whose digits hold these.
    case phoneContains(String, negated: Bool)
}

/// A compiled regular expression, matched without regard to case.
struct RegexBox: @unchecked Sendable {
    let regex: Regex<AnyRegexOutput>

    func matches(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }
}

#if canImport(Glibc)
import Glibc
#endif
import CRMSyntax
import CRMWorkspace

/// A condition turned into nested closures once, so that selecting many records neither walks
/// the condition's tree nor copies records: each test reads values in place through the index.
struct Predicate: Sendable {
    /// Calls a value test with the values of the record at a position until it passes; says
    /// whether one did.
    typealias Reader = @Sendable (Int, WorkspaceIndex, (String) -> Bool) -> Bool
    /// A `Reader` that hands the test the values' UTF-8 bytes, read in place.
    typealias ByteReader = @Sendable (Int, WorkspaceIndex, (UnsafeRawBufferPointer) -> Bool) -> Bool
    /// A test of one value; `index` resolves references to titles.
    typealias Matcher = @Sendable (String, WorkspaceIndex) -> Bool

    /// Whether the record at a position passes; the last argument is the position of the record
    /// an aggregate belongs to, which `^field` reads (the record itself outside aggregates).
    let test: @Sendable (Int, WorkspaceIndex, Int) -> Bool

    init(_ condition: Condition) {
        switch condition {
        case .and(let left, let right):
            let (first, second) = (Predicate(left).test, Predicate(right).test)
            test = { first($0, $1, $2) && second($0, $1, $2) }
        case .or(let left, let right):
            let (first, second) = (Predicate(left).test, Predicate(right).test)
            test = { first($0, $1, $2) || second($0, $1, $2) }
        case .not(let inner):
            let negated = Predicate(inner).test
            test = { !negated($0, $1, $2) }
        case .text(let word, let phone):
            test = { position, index, _ in
                index.fields(at: position).contains { field in
                    field.value.strings.contains { TextFold.hasWord(startingWith: word, in: $0) || phone.map($0.holdsPhone) == true }
                }
            }
        case .has(.path(let path)):
            let read = path.byteReader(from: 0)
            test = { position, index, _ in read(position, index) { !$0.isEmpty } }
        case .has(let accessor):
            let read = accessor.reader()
            test = { position, index, _ in read(position, index) { !$0.isEmpty } }
        case .test(.path(let path), let valueTest) where valueTest.byteMatcher() != nil:
            let read = path.byteReader(from: 0)
            let (negated, match) = valueTest.byteMatcher()!
            test = { position, index, _ in negated != read(position, index, match) }
        case .test(let accessor, let valueTest):
            let read = accessor.reader()
            let (negated, match) = valueTest.matcher()
            test = { position, index, _ in negated != read(position, index) { match($0, index) } }
        case .fieldTest(let left, let comparison, let right, let dated, let today):
            let compare = Self.comparison(left, comparison, right, dated: dated, ordered: true, today: today)
            test = { position, index, _ in compare(position, position, index) }
        case .outerTest(let left, let comparison, let right, let dated, let ordered, let today):
            let compare = Self.comparison(left, comparison, right, dated: dated, ordered: ordered, today: today)
            test = { position, index, outer in compare(position, outer, index) }
        }
    }

    /// `left OP right`, `left` read at the first position and `right` at the second: as dates or
    /// numbers when `ordered`, else as folded text.
    private static func comparison(_ left: Accessor, _ comparison: QueryOperator, _ right: Accessor, dated: Bool, ordered: Bool,
                                   today: CivilDate) -> @Sendable (Int, Int, WorkspaceIndex) -> Bool {
        let (readLeft, readRight) = (left.reader(), right.reader())
        return { position, other, index in
            var bound: String?
            _ = readRight(other, index) { bound = $0; return true }
            guard let bound else { return comparison == .notEqual && !ordered }
            let valueTest = ordered ? Test.comparing(comparison, with: bound, dated: dated, today: today)
                : .textEqual([TextFold.foldedBytes(bound)], negated: comparison == .notEqual)
            guard let valueTest else { return false }
            let (negated, match) = valueTest.matcher()
            return negated != readLeft(position, index) { match($0, index) }
        }
    }
}

extension Accessor {
    func reader() -> Predicate.Reader {
        switch self {
        case .id:
            return { position, index, predicate in predicate(index.id(at: position)) }
        case .path(let path):
            return path.reader(from: 0)
        case .aggregate(let aggregate):
            return { position, index, predicate in aggregate.values(at: position, in: index).contains(where: predicate) }
        case .nextContact(let next):
            return { position, index, predicate in next.values(at: position, in: index).contains(where: predicate) }
        }
    }
}

extension FieldPath {
    /// Reads the values at the path from `step` on, following references through the index's
    /// precomputed links.
    func reader(from step: Int) -> Predicate.Reader {
        switch steps[step] {
        case .field(let key):
            return { position, index, predicate in index.anyValue(at: position, of: key) { !$0.isEmpty && predicate($0) } }
        case .entry(let key, let entry):
            return { position, index, predicate in
                guard case .map(let entries)? = index.value(at: position, of: key) else { return false }
                return entries.contains { $0.key == entry && ($0.value.string.map { !$0.isEmpty && predicate($0) } ?? false) }
            }
        case .follow(let key):
            let next = reader(from: step + 1)
            return { position, index, predicate in index.anyLinked(from: position, key: key) { next($0, index, predicate) } }
        }
    }

    /// `reader(from:)` on the values' bytes: no strings are made for fields of the record itself.
    func byteReader(from step: Int) -> Predicate.ByteReader {
        switch steps[step] {
        case .field(let key):
            return { position, index, predicate in index.anyBytes(at: position, of: key) { !$0.isEmpty && predicate($0) } }
        case .entry:
            let read = reader(from: step)
            return { position, index, predicate in
                read(position, index) { text in
                    var text = text
                    return text.withUTF8 { predicate(UnsafeRawBufferPointer($0)) }
                }
            }
        case .follow(let key):
            let next = byteReader(from: step + 1)
            return { position, index, predicate in index.anyLinked(from: position, key: key) { next($0, index, predicate) } }
        }
    }
}

extension Test {
    /// The test of one value's UTF-8 bytes, for the tests that need no string, and whether the
    /// condition holds when no value passes it; `nil` for the others.
    func byteMatcher() -> (negated: Bool, match: @Sendable (UnsafeRawBufferPointer) -> Bool)? {
        @Sendable func equal(_ bytes: UnsafeRawBufferPointer, _ value: [UInt8]) -> Bool {
            bytes.count == value.count && (bytes.isEmpty || value.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 })
        }
        switch self {
        case .rankEqual(let values, let negated):
            let encoded = values.map { Array($0.utf8) }
            return (negated, { bytes in encoded.contains { equal(bytes, $0) } })
        case .rankOrder(let order, let bound, let values):
            let encoded = values.map { Array($0.utf8) }
            return (false, { bytes in encoded.firstIndex { equal(bytes, $0) }.map { order.holds($0, bound) } ?? false })
        case .textEqual(let folded, let negated):
            return (negated, { bytes in folded.contains { TextFold.foldedEquals(bytes, $0) } })
        case .empty(let negated):
            return (!negated, { !$0.isEmpty })
        default:
            return nil
        }
    }

    /// The test `OP value` for a value read from another field: a date's span or a number.
    static func comparing(_ comparison: QueryOperator, with value: String, dated: Bool, today: CivilDate) -> Test? {
        let order = comparison.order
        let negated = comparison == .notEqual
        if dated {
            guard let range = DateRange.parse(value, today: today) else { return nil }
            return order.map { .dateOrder($0, range) } ?? .dateWithin([range], negated: negated)
        }
        guard let number = Number(value)?.value else { return nil }
        return order.map { .numberOrder($0, number) } ?? .numberEqual([number], negated: negated)
    }

    /// The test of one value, and whether the condition holds when no value passes it
    /// (`negated`) rather than when some value does.
    func matcher() -> (negated: Bool, match: Predicate.Matcher) {
        switch self {
        case .textEqual(let folded, let negated):
            return (negated, { value, _ in folded.contains { TextFold.foldedEquals(value, $0) } })
        case .textOrder(let order, let bound):
            return (false, { value, _ in order.holds(FoldedText(TextFold.foldedBytes(value)), FoldedText(bound)) })
        case .contains(let needle, let negated):
            return (negated, { value, _ in TextFold.foldedContains(value, needle) })
        case .matches(let regex, let negated):
            return (negated, { value, _ in regex.matches(value) })
        case .numberEqual(let numbers, let negated):
            return (negated, { value, _ in Number(value).map { numbers.contains($0.value) } ?? false })
        case .numberOrder(let order, let bound):
            return (false, { value, _ in Number(value).map { order.holds($0.value, bound) } ?? false })
        case .dateWithin(let ranges, let negated):
            return (negated, { value, _ in
                guard let instant = DateRange.instant(value) else { return false }
                return ranges.contains { $0.start <= instant && instant < $0.end }
            })
        case .dateOrder(let order, let range):
            return (false, { value, _ in
                guard let instant = DateRange.instant(value) else { return false }
                switch order {
                case .less: return instant < range.start
                case .lessOrEqual: return instant < range.end
                case .greater: return instant >= range.end
                case .greaterOrEqual: return instant >= range.start
                }
            })
        case .rankEqual(let values, let negated):
            return (negated, { value, _ in values.contains(value) })
        case .rankOrder(let order, let bound, let values):
            return (false, { value, _ in values.firstIndex(of: value).map { order.holds($0, bound) } ?? false })
        case .reference(let ids, let titles, let negated):
            return (negated, { value, index in
                if ids.contains(value) { return true }
                guard let target = index.position(of: value) else { return false }
                let title = index.title(of: index.records[target])
                return titles.contains { TextFold.foldedEquals(title, $0) }
            })
        case .empty(let negated):
            return (!negated, { value, _ in !value.isEmpty })
        case .phoneEqual(let numbers, let negated):
            return (negated, { value, _ in numbers.contains(PhoneNumber.normalized(value) ?? value) })
        case .phoneContains(let digits, let negated):
            return (negated, { value, _ in value.filter(\.isNumber).contains(digits) })
        }
    }
}

private extension String {
    func holdsPhone(_ digits: String) -> Bool { PhoneNumber.value(self, holds: digits) }
}

/// Folded text ordered byte by byte.
struct FoldedText: Comparable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func < (lhs: FoldedText, rhs: FoldedText) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}

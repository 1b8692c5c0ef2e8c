import CRMWorkspace

/// Finds records that are likely the same customer or person, from what identifies them:
/// registration number, e-mail, phone and name (see `MatchKeys`). Each kind of evidence has a
/// weight; a pair's score is the chance that not all of its evidence is wrong,
/// `1 - Π(1 - weight)`, so two weak hints add up and a shared registration number alone is
/// enough. A name counts for less between people, and between records of different owners (two
/// Jan Nováks at two customers). Only records that share a key or a name word are compared.
public struct DuplicateFinder {
    /// What one record is compared by.
    public struct Candidate: Sendable {
        public var id: String
        public var name: String
        public var emails: [String]
        public var phones: [String]
        public var registration: String?
        /// The record it belongs to (a contact's customer), when it has one.
        public var owner: String?
        /// People share names more often than companies do, so a name weighs less for them.
        public var isPerson: Bool

        public init(id: String, name: String, emails: [String] = [], phones: [String] = [], registration: String? = nil,
                    owner: String? = nil, isPerson: Bool = false) {
            self.id = id
            self.name = name
            self.emails = emails
            self.phones = phones
            self.registration = registration
            self.owner = owner
            self.isPerson = isPerson
        }
    }

    /// Two records that are likely one, with why.
    public struct Pair: Sendable, Equatable {
        public var first: String
        public var second: String
        /// From 0 to 1.
        public var score: Double
        public var evidence: [String]
    }

    /// Pairs scoring below this are not reported.
    public var threshold: Double

    public init(threshold: Double = 0.6) {
        self.threshold = threshold
    }

    /// The likely duplicates among `candidates`, best first.
    public func pairs(in candidates: [Candidate]) -> [Pair] {
        let keys = candidates.map(MatchProfile.init)
        var blocks: [String: [Int]] = [:]
        for (position, profile) in keys.enumerated() {
            for key in profile.blockingKeys { blocks[key, default: []].append(position) }
        }
        var compared = Set<Int>()
        var pairs: [Pair] = []
        for members in blocks.values where members.count > 1 && members.count <= 200 {
            for (offset, left) in members.enumerated() {
                for right in members[(offset + 1)...] {
                    guard compared.insert(left * candidates.count + right).inserted else { continue }
                    if let pair = score(keys[left], keys[right]), pair.score >= threshold { pairs.append(pair) }
                }
            }
        }
        return pairs.sorted { ($1.score, $0.first, $0.second) < ($0.score, $1.first, $1.second) }
    }

    /// The pair of two records with its evidence, or `nil` when nothing links them.
    func score(_ a: MatchProfile, _ b: MatchProfile) -> Pair? {
        var evidence: [(String, Double)] = []
        if let registration = a.registration, registration == b.registration {
            evidence.append(("same registration number \(registration)", 0.95))
        }
        if let email = a.emails.first(where: b.emails.contains) { evidence.append(("same e-mail \(email)", 0.9)) }
        if let phone = a.phones.first(where: b.phones.contains) { evidence.append(("same phone \(phone)", 0.75)) }
        let person = a.candidate.isPerson || b.candidate.isPerson
        if !a.name.isEmpty && a.name == b.name {
            evidence.append(("same name '\(a.name)'", person ? 0.5 : 0.75))
        } else if !a.name.isEmpty && !b.name.isEmpty && a.numbers == b.numbers {
            let (x, y) = (Array(a.name.unicodeScalars), Array(b.name.unicodeScalars))
            let similarity = 1 - Double(Suggestions.editDistance(x, y)) / Double(max(x.count, y.count))
            if similarity >= 0.85 {
                let weight = similarity >= 0.9 ? (person ? 0.45 : 0.7) : (person ? 0.3 : 0.5)
                evidence.append(("similar names '\(a.name)' and '\(b.name)'", weight))
            }
        }
        guard !evidence.isEmpty else { return nil }
        if let owner = a.candidate.owner, let other = b.candidate.owner {
            if owner == other {
                evidence.append(("both at \(owner)", 0.3))
            } else {
                evidence = evidence.map { ($0.0, $0.1 * 0.5) } + [("one at \(owner), the other at \(other)", 0)]
            }
        }
        let score = 1 - evidence.reduce(1) { $0 * (1 - $1.1) }
        let (first, second) = a.candidate.id < b.candidate.id ? (a.candidate.id, b.candidate.id) : (b.candidate.id, a.candidate.id)
        return Pair(first: first, second: second, score: (score * 100).rounded() / 100, evidence: evidence.map(\.0))
    }
}

/// A candidate's normal forms, computed once.
struct MatchProfile {
    let candidate: DuplicateFinder.Candidate
    let name: String
    let emails: [String]
    let phones: [String]
    let registration: String?
    /// The name's numbers: names that differ in them (`Kompresor 22 kW`, `Kompresor 37 kW`) are not similar.
    let numbers: [Substring]

    init(_ candidate: DuplicateFinder.Candidate) {
        self.candidate = candidate
        name = MatchKeys.name(candidate.name)
        emails = candidate.emails.compactMap(MatchKeys.email)
        phones = candidate.phones.compactMap { MatchKeys.phone($0) }
        registration = candidate.registration.flatMap(MatchKeys.registration)
        numbers = name.split(separator: " ").filter { $0.contains(where: \.isNumber) }
    }

    /// Records sharing one of these are compared: every key, and every name word of 3 or more letters.
    var blockingKeys: [String] {
        var keys = emails.map { "e:" + $0 } + phones.map { "p:" + $0 }
        if let registration { keys.append("r:" + registration) }
        keys += Set(name.split(separator: " ").filter { $0.count >= 3 }).map { "w:" + $0 }
        return keys
    }
}

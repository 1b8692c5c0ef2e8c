import CRMWorkspace

extension DuplicateFinder.Candidate {
    /// What a record is compared by: its title, e-mail and phone fields, registration number
    /// (`reg-no`) and owner (its first reference).
    public init(record: Record, type: RecordType) {
        func values(ofKind wanted: FieldKind) -> [String] {
            type.fields.filter { $0.kind == wanted || $0.kind == .list(wanted) }.flatMap { record[$0.key]?.strings ?? [] }
        }
        let registration = ["reg-no", "ico", "registration-number", "company-id"].lazy.compactMap { record.string($0) }.first
        let owner = type.referenceFields.first.flatMap { record.string($0.key) }
        self.init(id: record.id, name: record.string(type.title) ?? "", emails: values(ofKind: .email),
                  phones: values(ofKind: .phone), registration: registration, owner: owner,
                  isPerson: type.name == "contact" || record.string("kind") == "person")
    }
}

extension DuplicateFinder {
    /// The records among `others` that `candidate` is likely the same as, best first.
    public func matches(for candidate: Candidate, among others: [Candidate]) -> [Pair] {
        pairs(in: others.filter { $0.id != candidate.id } + [candidate]).compactMap { pair in
            if pair.second == candidate.id { return pair }
            if pair.first == candidate.id { return Pair(first: pair.second, second: pair.first, score: pair.score, evidence: pair.evidence) }
            return nil
        }
    }
}

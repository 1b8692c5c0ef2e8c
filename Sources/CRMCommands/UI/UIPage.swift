import CRMTerminal

/// One screen of `crm ui`: its title, its lines as `crm` would print them for people, and what
/// each line stands for (a record, a report), so that Enter opens it.
struct UIPage: Sendable {
    /// Which screen it is.
    enum Kind: Hashable, Sendable {
        case customers
        case search(String)
        case record(String)
        case agenda
        case complaints
        case reports
        case report(String)
        case keys
    }

    /// What a line opens.
    enum Target: Hashable, Sendable {
        case record(String)
        case report(String)

        var recordID: String? {
            if case .record(let id) = self { return id }
            return nil
        }
    }

    var kind: Kind
    var title: String
    var lines: [String]
    /// For each line, what it opens; `nil` for a heading or a blank line.
    var targets: [Target?]

    init(kind: Kind, title: String, lines: [String], targets: [Target?]) {
        self.kind = kind
        self.title = title
        self.lines = lines
        self.targets = targets
    }

    /// A page of `text`, each line standing for the record its first or second word names among
    /// `candidates`: an id in the first columns of crm's tables, whole or shortened to a prefix
    /// that tells the rows apart.
    init(kind: Kind, title: String, text: String, candidates: [String]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let trimmed = lines.last == "" ? Array(lines.dropLast()) : lines
        let ids = candidates.sorted()
        self.init(kind: kind, title: title, lines: trimmed, targets: trimmed.map { line in
            StyledText.plain(line).split(separator: " ").prefix(2).lazy.compactMap { Self.id(String($0), in: ids) }.first.map(Target.record)
        })
    }

    /// The id in `ids` (sorted) that `word` is, or is the only one to begin with.
    static func id(_ word: String, in ids: [String]) -> String? {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < word { low = middle + 1 } else { high = middle }
        }
        guard low < ids.count, ids[low].hasPrefix(word) else { return nil }
        if ids[low] == word { return word }
        return low + 1 < ids.count && ids[low + 1].hasPrefix(word) ? nil : ids[low]
    }

    /// The lines that open something, in order.
    var selectable: [Int] { targets.indices.filter { targets[$0] != nil } }
}

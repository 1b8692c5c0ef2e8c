import CRMSyntax

/// A three-way merge of a record file's bytes, as git's merge driver and `crm sync` do it:
/// field by field when all three versions are records, line by line (with git's conflict
/// markers) when one is not.
public enum FileMerge {
    public enum Outcome: Sendable, Equatable {
        /// Merged cleanly.
        case merged([UInt8])
        /// Merged, with conflicts recorded in the record's `conflicts` field.
        case conflicted([UInt8], fields: [String])
        /// The file is new on both sides with different content: both are to be kept, under two ids.
        case bothAdded(ours: [UInt8], theirs: [UInt8])
        /// A version is not a record: merged line by line, with conflict markers where needed.
        case text([UInt8], conflicted: Bool)
    }

    /// Merges `ours` and `theirs`, the two edits of `base` (`nil` or empty when the file is new
    /// on both sides); `other` names the other side in recorded conflicts.
    public static func merge(base: [UInt8]?, ours: [UInt8], theirs: [UInt8], path: String, other: String) -> Outcome {
        let base = base.flatMap { $0.isEmpty ? nil : $0 }
        if ours == theirs { return .merged(ours) }
        if base == nil { return .bothAdded(ours: ours, theirs: theirs) }
        guard let mine = try? RecordDocument(parsing: ours, path: path), let yours = try? RecordDocument(parsing: theirs, path: path),
              let old = base.flatMap({ try? RecordDocument(parsing: $0, path: path) }),
              let result = try? RecordMerge.merge(base: old, ours: mine, theirs: yours, other: other) else {
            return lineMerge(base: base ?? [], ours: ours, theirs: theirs, other: other)
        }
        return result.conflicts.isEmpty ? .merged(result.document.bytes) : .conflicted(result.document.bytes, fields: result.conflicts.map(\.key))
    }

    private static func lineMerge(base: [UInt8], ours: [UInt8], theirs: [UInt8], other: String) -> Outcome {
        func lines(_ bytes: [UInt8]) -> [String] {
            String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let (merged, conflicted) = Diff3.mergeMarkingConflicts(base: lines(base), ours: lines(ours), theirs: lines(theirs),
                                                               labels: ("ours", other))
        return .text(Array(merged.joined(separator: "\n").utf8), conflicted: conflicted)
    }
}

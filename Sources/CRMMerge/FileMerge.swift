import CRMSyntax

/// A three-way merge of a record file's bytes, as git's merge driver and `crm sync` do it:
/// field by field. Only what reads as a record on every side is merged; anything else (another
/// encoding such as Windows-1250, a binary file, a file that does not parse) is refused and
/// left to git as a conflict, so that no byte of it is rewritten.
public enum FileMerge {
    public enum Outcome: Sendable, Equatable {
        /// Merged cleanly.
        case merged([UInt8])
        /// Merged, with conflicts recorded in the record's `conflicts` field.
        case conflicted([UInt8], fields: [String])
        /// The file is new on both sides with different content: both are to be kept, under two ids.
        case bothAdded(ours: [UInt8], theirs: [UInt8])
        /// A version does not read as a record (the problem says which and why): not merged.
        case unreadable(Diagnostic)
    }

    /// Merges `ours` and `theirs`, the two edits of `base` (`nil` or empty when the file is new
    /// on both sides); `other` names the other side in recorded conflicts.
    public static func merge(base: [UInt8]?, ours: [UInt8], theirs: [UInt8], path: String, other: String) -> Outcome {
        let base = base.flatMap { $0.isEmpty ? nil : $0 }
        let mine: RecordDocument
        let yours: RecordDocument
        var old: RecordDocument?
        do {
            mine = try read(ours, path: path, side: "ours")
            yours = try read(theirs, path: path, side: "theirs")
            old = try base.map { bytes throws(Diagnostic) in try read(bytes, path: path, side: "the common ancestor's") }
        } catch {
            return .unreadable(error)
        }
        if ours == theirs { return .merged(ours) }
        guard let old else { return .bothAdded(ours: ours, theirs: theirs) }
        do {
            let result = try RecordMerge.merge(base: old, ours: mine, theirs: yours, other: other)
            return result.conflicts.isEmpty ? .merged(result.document.bytes) : .conflicted(result.document.bytes, fields: result.conflicts.map(\.key))
        } catch {
            return .unreadable(Diagnostic(code: "merge", path: path, location: nil, message: "the merged record cannot be written: \(error.description)"))
        }
    }

    /// One side as a record, or the problem that says it is none, naming the side.
    private static func read(_ bytes: [UInt8], path: String, side: String) throws(Diagnostic) -> RecordDocument {
        do {
            return try RecordDocument(parsing: bytes, path: path)
        } catch {
            var problem = error
            problem.message = "\(side) version is not a record crm can merge: " + problem.message
            problem.hint = "git keeps it as a conflict; merge the file by hand (it may be in another encoding than UTF-8)"
            throw problem
        }
    }
}

extension FileMerge {
    /// A free path next to `path` for a second record of the same id, `acme-2.yaml`,
    /// `acme-3.yaml`, ...: the first for which `isTaken` is false.
    public static func secondPath(for path: String, isTaken: (String) -> Bool) -> String {
        let stem = String(path.dropLast(".yaml".count))
        var number = 2
        while isTaken("\(stem)-\(number).yaml") { number += 1 }
        return "\(stem)-\(number).yaml"
    }
}

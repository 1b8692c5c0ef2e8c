internal import CGit2

/// Who made a change and when.
public struct Signature: Sendable, Hashable {
    public var name: String
    public var email: String
    /// Seconds since 1970-01-01 UTC.
    public var time: Int64
    /// Minutes east of UTC.
    public var offset: Int

    public init(name: String, email: String, time: Int64, offset: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offset = offset
    }

    init(_ signature: UnsafePointer<git_signature>) {
        name = String(cString: signature.pointee.name)
        email = String(cString: signature.pointee.email)
        time = signature.pointee.when.time
        offset = Int(signature.pointee.when.offset)
    }
}

/// A commit as crm shows it.
public struct CommitInfo: Sendable, Hashable {
    /// The full hexadecimal id.
    public var id: String
    public var author: Signature
    public var committer: Signature
    public var message: String
    public var parents: [String]

    /// The first seven hexadecimal digits.
    public var shortID: String { String(id.prefix(7)) }

    /// The message's first line.
    public var summary: String { String(message.split(separator: "\n", maxSplits: 1).first ?? "") }
}

/// How a file differs from the last commit.
public struct StatusEntry: Sendable, Hashable {
    public enum Change: String, Sendable {
        case added
        case modified
        case deleted
        case renamed
    }

    /// Relative to the repository's working folder.
    public var path: String
    public var change: Change
    /// True when git does not track the file yet.
    public var untracked: Bool
}

func hex(_ oid: UnsafePointer<git_oid>) -> String {
    var buffer = [CChar](repeating: 0, count: 41)
    git_oid_tostr(&buffer, 41, oid)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// A file git holds as not merged, and which versions of it the merge had.
public struct UnmergedPath: Sendable, Hashable {
    public var path: String
    public var inAncestor: Bool
    public var ours: Bool
    public var theirs: Bool

    /// True when both sides have the file (they changed it differently); false when one deleted it.
    public var changedOnBothSides: Bool { ours && theirs }
}

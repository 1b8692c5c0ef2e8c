#if canImport(Glibc)
import Glibc
#endif
internal import CGit2

extension Repository {
    func withSignature(_ signature: Signature,
                       _ body: (UnsafePointer<git_signature>) throws(GitError) -> Void) throws(GitError) {
        var created: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&created, signature.name, signature.email, signature.time, Int32(signature.offset)),
                  "use the name '\(signature.name)' <\(signature.email)>")
        defer { git_signature_free(created) }
        try body(created!)
    }

    /// The author and committer for a new commit: `GIT_AUTHOR_NAME`, `GIT_AUTHOR_EMAIL`,
    /// `GIT_AUTHOR_DATE` (and the `GIT_COMMITTER_` ones) when set, else `user.name`,
    /// `user.email` from git's configuration and the current time.
    public func signatures(environment: [String: String]) throws(GitError) -> (author: Signature, committer: Signature) {
        let name = try configValue("user.name")
        let email = try configValue("user.email")
        let now = GitDate.now()
        func make(_ role: String) throws(GitError) -> Signature {
            guard let who = environment["GIT_\(role)_NAME"] ?? name, let address = environment["GIT_\(role)_EMAIL"] ?? email,
                  !who.isEmpty else {
                throw GitError(operation: "commit", code: -1, message:
                    "git does not know who you are; run `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.com`")
            }
            var when = now
            if let text = environment["GIT_\(role)_DATE"], !text.isEmpty {
                guard let parsed = GitDate.parse(text) else {
                    throw GitError(operation: "commit", code: -1, message: "GIT_\(role)_DATE '\(text)' is not a date git understands")
                }
                when = parsed
            }
            return Signature(name: who, email: address, time: when.time, offset: when.offset)
        }
        return (try make("AUTHOR"), try make("COMMITTER"))
    }
}

/// Dates as git's environment variables give them: `@1700000000 +0100`, `1700000000 +0100`,
/// or ISO 8601 (`2026-11-20T10:00:00+01:00`, `2026-11-20 10:00:00 +0100`).
enum GitDate {
    static func now() -> (time: Int64, offset: Int) {
        var seconds = time(nil)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return (Int64(seconds), parts.tm_gmtoff / 60)
    }

    static func parse(_ text: String) -> (time: Int64, offset: Int)? {
        let parts = text.split(separator: " ")
        if let first = parts.first, let seconds = Int64(first.hasPrefix("@") ? first.dropFirst() : first) {
            let offset = parts.count > 1 ? zone(String(parts[1])) : 0
            return offset.map { (seconds, $0) }
        }
        var digits = text.replacing("T", with: " ")
        var offset = 0
        if digits.hasSuffix("Z") {
            digits.removeLast()
        } else if let sign = digits.lastIndex(where: { $0 == "+" || $0 == "-" }), digits.distance(from: sign, to: digits.endIndex) <= 6,
                  digits.distance(from: digits.startIndex, to: sign) > 10 {
            guard let parsed = zone(String(digits[sign...]).replacing(":", with: "")) else { return nil }
            offset = parsed
            digits = String(digits[..<sign]).trimmingSpaces()
        }
        let numbers = digits.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 5 else { return nil }
        let (year, month, day) = (numbers[0], numbers[1], numbers[2])
        let seconds = numbers.count > 5 ? numbers[5] : 0
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let days = era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
        let local = Int64(days) * 86_400 + Int64(numbers[3] * 3600 + numbers[4] * 60 + seconds)
        return (local - Int64(offset * 60), offset)
    }

    /// `+0100` → 60.
    private static func zone(_ text: String) -> Int? {
        guard text.count == 5, let sign = text.first, sign == "+" || sign == "-", let value = Int(text.dropFirst()) else { return nil }
        return (value / 100 * 60 + value % 100) * (sign == "-" ? -1 : 1)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}

import CRMTestSupport
import Testing
@testable import CRMSyntax
@testable import CRMWorkspace

/// The complaint workflow of the built-in types: every change of status, what closing takes
/// and stamps, and the deadline the service level gives.
@Suite("Complaint lifecycle")
struct LifecycleTests {
    static let today = CivilDate("2026-11-22")!
    static let states = ["open", "in-progress", "resolved", "rejected"]
    /// The transitions the built-in complaint type allows.
    static let allowed: Set<String> = ["open>in-progress", "open>rejected", "in-progress>resolved", "in-progress>rejected", "resolved>open"]

    static func lifecycle() throws -> Lifecycle {
        let fixture = try TemporaryWorkspace()
        let type = try #require(fixture.workspace.schema.type(named: "complaint"))
        return try #require(Lifecycle(type: type))
    }

    static func complaint(_ status: String, extra: String = "") throws -> RecordDocument {
        try RecordDocument(parsing: "customer: acme\nopened: 2026-11-20\nstatus: \(status)\nseverity: high\nsubject: Leak\n\(extra)")
    }

    @Test("Every change of status is allowed or refused as the type file says",
          arguments: states.flatMap { from in states.filter { $0 != from }.map { (from, $0) } })
    func transition(_ from: String, _ to: String) throws {
        let lifecycle = try Self.lifecycle()
        let before = try Self.complaint(from, extra: "resolution: Fixed\n")
        var after = before
        try after.set("status", to: .string(to))
        if Self.allowed.contains("\(from)>\(to)") {
            try lifecycle.apply(before: before.values, to: &after, today: Self.today)
            #expect(after["status"]?.string == to)
        } else {
            #expect(throws: LifecycleError.self) { try lifecycle.apply(before: before.values, to: &after, today: Self.today) }
            do {
                try lifecycle.check(before: before.values, after: after.values)
            } catch {
                #expect(error.message == "a complaint cannot go from \(from) to \(to)")
                let next = lifecycle.allowed(from: from)
                #expect(error.hint == (next.isEmpty ? "\(from) is final: nothing follows it"
                                                    : "from \(from) it can go to \(next.count == 1 ? next[0] : next.dropLast().joined(separator: ", ") + " or " + next.last!)"))
            }
        }
    }

    @Test("Resolving needs a resolution and stamps closed; reopening clears it and sets a new deadline")
    func closing() throws {
        let lifecycle = try Self.lifecycle()
        let working = try Self.complaint("in-progress", extra: "due: 2026-11-23\n")
        var resolved = working
        try resolved.set("status", to: .string("resolved"))
        #expect {
            try lifecycle.apply(before: working.values, to: &resolved, today: Self.today)
        } throws: { error in
            (error as? LifecycleError)?.message == "a resolved complaint needs 'resolution'"
        }
        try resolved.set("resolution", to: .string("Seal replaced"))
        try lifecycle.apply(before: working.values, to: &resolved, today: Self.today)
        #expect(resolved["closed"]?.string == "2026-11-22")
        #expect(resolved.text.hasSuffix("resolution: Seal replaced\nclosed: 2026-11-22\n"))
        var reopened = resolved
        try reopened.set("status", to: .string("open"))
        try lifecycle.apply(before: resolved.values, to: &reopened, today: Self.today)
        #expect(reopened["closed"] == nil)
        #expect(reopened["due"]?.string == "2026-11-25")
        #expect(reopened["resolution"]?.string == "Seal replaced")
    }

    @Test("Other edits of a closed record keep it as it is")
    func editsOfClosed() throws {
        let lifecycle = try Self.lifecycle()
        let old = try Self.complaint("resolved", extra: "resolution: Fixed\n")
        var edited = old
        try edited.set("owner", to: .string("jana"))
        try lifecycle.apply(before: old.values, to: &edited, today: Self.today)
        #expect(edited["closed"] == nil)
        // Closed without the day it closed (written by hand, say): reported, not made up.
        #expect(lifecycle.problems(of: edited).map(\.message) == ["a resolved complaint needs 'closed', the day it closed"])
        let unexplained = try Self.complaint("rejected")
        #expect(lifecycle.problems(of: unexplained).map(\.message) == ["a rejected complaint needs 'resolution'",
                                                                       "a rejected complaint needs 'closed', the day it closed"])
    }

    @Test("A new complaint's deadline comes from its severity", arguments: [
        ("critical", "2026-11-21"), ("high", "2026-11-23"), ("normal", "2026-11-30"), ("low", "2026-12-20"),
    ])
    func serviceLevel(_ severity: String, _ due: String) throws {
        let lifecycle = try Self.lifecycle()
        var document = try RecordDocument(parsing: "customer: acme\nopened: 2026-11-20\nstatus: open\nseverity: \(severity)\nsubject: Leak\n")
        try lifecycle.apply(before: nil, to: &document, today: Self.today)
        #expect(document["due"]?.string == due)
        #expect(document.text.contains("subject: Leak\ndue: \(due)\n"))
        let late = CivilDate(due)! < Self.today
        #expect(lifecycle.daysLate(document.values, today: Self.today) == (late ? CivilDate(due)!.days(to: Self.today) : nil))
    }

    @Test("A given deadline is kept, and a closed complaint is never late")
    func givenDeadline() throws {
        let lifecycle = try Self.lifecycle()
        var document = try Self.complaint("open", extra: "due: 2027-01-10\n")
        try lifecycle.apply(before: nil, to: &document, today: Self.today)
        #expect(document["due"]?.string == "2027-01-10")
        let closed = try Self.complaint("resolved", extra: "resolution: Fixed\ndue: 2026-01-01\n")
        #expect(lifecycle.daysLate(closed.values, today: Self.today) == nil)
        #expect(lifecycle.isClosed(closed.values))
    }

    @Test("A type file's lifecycle is checked", arguments: [
        ("transitions: [open > done]", "'done' is not a value of 'status'"),
        ("transitions: [open]", "'open' is not a transition"),
        ("closing: [finished]", "'finished' is not a value of 'status'"),
        ("closing-requires: [answer]", "closing-requires names 'answer', which is not a field of the type"),
        ("closing-stamp: subject", "closing-stamp 'subject' must be a date field of the type"),
    ])
    func badWorkflow(_ line: String, _ message: String) throws {
        let fixture = try TemporaryWorkspace(files: [".crm/types/ticket.yaml": """
            status:
              kind: enum
              values: [open, closed]
              \(line)
            subject:
              kind: text
            """])
        #expect(fixture.workspace.problems.map(\.message) == [message])
    }

    @Test("A type file's service level is checked", arguments: [
        ("service-level: [urgent 1d]\n  service-level-by: level", "service-level names 'urgent', which is not a value of 'level'"),
        ("service-level: [high soon]\n  service-level-by: level", "'high soon' is not a service level"),
        ("service-level: [high 1d]", "'service-level' needs 'service-level-by': the enum field whose value picks the days"),
        ("service-level: [high 1d]\n  service-level-by: subject", "service-level-by 'subject' must be an enum field of the type"),
        ("service-level: [high 1d]\n  service-level-by: level\n  service-level-from: subject",
         "service-level-from 'subject' must be a date field of the type"),
    ])
    func badServiceLevel(_ lines: String, _ message: String) throws {
        let fixture = try TemporaryWorkspace(files: [".crm/types/ticket.yaml": """
            opened:
              kind: date
              required: true
            level:
              kind: enum
              values: [low, high]
            subject:
              kind: text
            due:
              kind: date
              \(lines)
            """])
        #expect(fixture.workspace.problems.map(\.message) == [message])
    }
}

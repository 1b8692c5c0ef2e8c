import CRMSyntax

/// The life of a type's records as its type file declares it: which changes of the workflow
/// field are allowed, what closing a record takes and stamps, and the deadline its service
/// level gives. Every command that changes a record goes through `apply`, so a complaint is
/// resolved the same way from `crm set`, `crm edit` and `crm new`.
public struct Lifecycle: Sendable {
    public let type: RecordType
    /// The enum field with the workflow (a complaint's `status`), if any.
    public let stateField: String?
    public let workflow: Workflow?
    /// The date field with the service level (a complaint's `due`), if any.
    public let deadlineField: String?
    public let serviceLevel: ServiceLevel?

    /// The type's lifecycle; `nil` when it declares neither a workflow nor a service level.
    public init?(type: RecordType) {
        let stateField = type.fields.first { $0.workflow != nil }
        let deadlineField = type.fields.first { $0.serviceLevel != nil }
        guard stateField != nil || deadlineField != nil else { return nil }
        self.type = type
        self.stateField = stateField?.key
        workflow = stateField?.workflow
        self.deadlineField = deadlineField?.key
        serviceLevel = deadlineField?.serviceLevel
    }

    /// True when the record's state is one that closes it.
    public func isClosed(_ fields: [Field]) -> Bool {
        guard let stateField, let workflow, let state = fields[stateField]?.string else { return false }
        return workflow.closing.contains(state)
    }

    /// The values the state may change to from `state`.
    public func allowed(from state: String) -> [String] {
        workflow?.transitions[state] ?? []
    }

    /// The record's deadline: its deadline field, or else the service level counted from its
    /// start; `nil` when neither gives one.
    public func deadline(of fields: [Field]) -> CivilDate? {
        guard let deadlineField else { return nil }
        if let written = fields[deadlineField]?.string, let date = CivilDate(written) { return date }
        return serviceLevelDeadline(of: fields, from: nil)
    }

    /// The start date plus the days the service level gives the record (`from` overrides the start).
    public func serviceLevelDeadline(of fields: [Field], from start: CivilDate?) -> CivilDate? {
        guard let serviceLevel, let level = fields[serviceLevel.by]?.string, let days = serviceLevel.days[level],
              let start = start ?? fields[serviceLevel.from]?.string.flatMap({ CivilDate(String($0.prefix(10))) }) else { return nil }
        return start.adding(days: days)
    }

    /// Days past the deadline of a record that is still open (0 on the deadline day itself is not
    /// late); `nil` when it is closed, has no deadline or is not late.
    public func daysLate(_ fields: [Field], today: CivilDate) -> Int? {
        guard !isClosed(fields), let deadline = deadline(of: fields), deadline < today else { return nil }
        return today.dayNumber - deadline.dayNumber
    }

    /// Checks that `document` may follow `before` (`nil` for a new record) and adds what the
    /// change implies: the closing stamp on closing, its removal on reopening, and the deadline
    /// when the record opens.
    public func apply(before: [Field]?, to document: inout RecordDocument, today: CivilDate) throws(LifecycleError) {
        try check(before: before, after: document.values)
        do {
            try stamp(before: before, document: &document, today: today)
        } catch {
            throw LifecycleError(field: stateField ?? "", message: error.description, hint: nil)
        }
    }

    /// Why `after` may not follow `before`, if it may not: a change of state the workflow does
    /// not allow, or a closed record without the fields closing requires.
    public func check(before: [Field]?, after: [Field]) throws(LifecycleError) {
        guard let stateField, let workflow else { return }
        let old = before?[stateField]?.string ?? ""
        let new = after[stateField]?.string ?? ""
        if before != nil, !old.isEmpty, !new.isEmpty, old != new, !workflow.transitions.isEmpty {
            let allowed = allowed(from: old)
            guard allowed.contains(new) else {
                throw LifecycleError(field: stateField, message: "\(English.a(type.name)) cannot go from \(old) to \(new)",
                                     hint: allowed.isEmpty ? "\(old) is final: nothing follows it"
                                        : "from \(old) it can go to \(Self.list(allowed, "or"))")
            }
        }
        if workflow.closing.contains(new), old != new || before == nil {
            let missing = workflow.closingRequires.filter { after[$0]?.isEmpty ?? true }
            if !missing.isEmpty {
                throw LifecycleError(field: stateField, message: "\(English.a(new + " " + type.name)) needs \(Self.list(missing.map { "'\($0)'" }, "and"))",
                                     hint: "give " + missing.map { "\($0)=..." }.joined(separator: " ") + " with the change")
            }
        }
    }

    /// Problems of a record whose state is closed but lacks what closing requires, located in its file.
    public func problems(of document: RecordDocument) -> [Diagnostic] {
        guard let stateField, let workflow, isClosed(document.values) else { return [] }
        let state = document[stateField]?.string ?? ""
        var problems = workflow.closingRequires.filter { document[$0]?.isEmpty ?? true }.map { missing in
            diagnostic(LifecycleError(field: stateField, message: "\(English.a(state + " " + type.name)) needs '\(missing)'",
                                      hint: "write `\(missing): ...`, or change \(stateField)"),
                       code: "lifecycle", in: document)
        }
        // The day it closed, which `crm set` stamps; a hand edit must write it.
        if let stamp = workflow.closingStamp, !workflow.closingRequires.contains(stamp), document[stamp]?.isEmpty ?? true {
            problems.append(diagnostic(LifecycleError(field: stateField, message: "\(English.a(state + " " + type.name)) needs '\(stamp)', the day it closed",
                                                      hint: "write `\(stamp): YYYY-MM-DD` (crm set \(stateField)=\(state) writes it for you)"),
                                       code: "lifecycle", in: document))
        }
        return problems
    }

    /// A lifecycle error located at its field's line in `document`.
    public func diagnostic(_ error: LifecycleError, code: String = "lifecycle", in document: RecordDocument,
                           severity: Diagnostic.Severity = .error) -> Diagnostic {
        let location = document.field(error.field)?.valueLocation ?? SourceLocation(line: 1, column: 1)
        return Diagnostic(severity, code: code, path: document.path, location: location, message: error.message,
                          hint: error.hint, sourceLine: document.sourceLine(location.line))
    }

    private func stamp(before: [Field]?, document: inout RecordDocument, today: CivilDate) throws(RecordEditError) {
        let closedBefore = before.map(isClosed) ?? false
        let closedNow = isClosed(document.values)
        if let stamp = workflow?.closingStamp {
            if closedNow, !closedBefore, document[stamp]?.isEmpty ?? true {
                try document.set(stamp, to: .string(today.description), at: type.position(forNewField: stamp, in: document))
            } else if closedBefore, !closedNow {
                _ = try document.remove(stamp)
            }
        }
        guard let deadlineField, !closedNow else { return }
        let reopened = closedBefore && !closedNow
        let opened = before == nil && (document[deadlineField]?.isEmpty ?? true)
        guard opened || reopened, let due = serviceLevelDeadline(of: document.values, from: reopened ? today : nil) else { return }
        try document.set(deadlineField, to: .string(due.description), at: type.position(forNewField: deadlineField, in: document))
    }

    private static func list(_ items: [String], _ conjunction: String) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
    }
}

/// A change a record's lifecycle does not allow.
public struct LifecycleError: Error, Sendable, Equatable {
    /// The field the problem is about (the state field).
    public var field: String
    public var message: String
    public var hint: String?
}

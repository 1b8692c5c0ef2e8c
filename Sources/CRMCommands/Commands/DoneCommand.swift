import CRMChange
import CRMLocale
import CRMSyntax
import CRMWorkspace

/// `crm done ID`: marks a call's follow-up done.
enum DoneCommand {
    static let on = Option<String>(["--on"], value: "date", help: "When it was done. (default: today)")

    static let spec = CommandSpec(
        name: "done",
        abstract: "Mark a call's follow-up done",
        discussion: """
            Sets the call's follow-up-done to today (or --on DATE), so `crm agenda` no longer lists it.
            A follow-up also counts as done once a later call to the same customer is logged. A
            complaint is done when it is resolved: crm set ID status=resolved resolution=...

            Example:
              crm done 2026-11-17-kovoobrabeni-horak-0rum
            """,
        arguments: [ArgumentSpec("id", help: "The call whose follow-up is done.", completion: .ids)],
        options: [on.spec] + ChangeFlags.recordSpecs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        try markDone(invocation.arguments[0], on: try invocation[on], options: ChangeFlags.options(invocation, context), context: &context)
    }

    /// Marks the follow-up of the call `id` done on `date` (today when `nil`), committed with `options`.
    static func markDone(_ id: String, on date: String?, options: ChangeOptions, context: inout CommandContext) throws -> Int32 {
        try RecordEdit.run(id, options: options, context: &context, message: { "crm: done \($0)" }) { document, type, assignments in
            if let lifecycle = Lifecycle(type: type), lifecycle.stateField != nil {
                throw CommandError(tr("err-done-closes", ["id": id, "type": Translation.current.typeName(type.name)]),
                                   hint: "crm set \(id) \(lifecycle.stateField!)=\(lifecycle.workflow?.closing.first ?? "...") "
                                       + (lifecycle.workflow?.closingRequires.map { "\($0)=..." }.joined(separator: " ") ?? ""))
            }
            guard let definition = type.field("follow-up-done") else {
                throw CommandError(tr("err-done-no-field", ["type": Translation.current.typeName(type.name)]), hint: tr("hint-done-call"))
            }
            guard !(document["follow-up"]?.isEmpty ?? true) else {
                throw CommandError(tr("err-no-follow-up", ["id": id]), hint: tr("hint-set-follow-up", ["id": id]))
            }
            if !(document[definition.key]?.isEmpty ?? true) && date == nil { return }
            let day = try assignments.scalar(date ?? "today", for: definition)
            let position = type.position(forNewField: definition.key, in: document)
            try RecordEdit.apply { () throws(RecordEditError) in try document.set(definition.key, to: .string(day), at: position) }
        }
    }
}

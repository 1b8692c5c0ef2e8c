import CRMChange
import CRMSyntax
import CRMWorkspace
import CRMTerminal

/// The common path of `set`, `unset`, `add`, `remove`, `done` and `resolve`: find the record,
/// refuse one that does not parse, change only the edited fields' lines, and make the change
/// through `WorkspaceChange` (which refuses what is not valid, and commits), then print the
/// field-level changes.
enum RecordEdit {
    /// `message` makes the commit message from the record's id (the argument may be its name).
    static func run(_ invocation: Invocation, context: inout CommandContext, message: (String) -> String,
                    edit: (inout RecordDocument, RecordType, inout Assignments) throws -> Void) throws -> Int32 {
        try run(invocation.arguments[0], options: ChangeFlags.options(invocation, context), context: &context, message: message, edit: edit)
    }

    /// The record `id` (or name) edited by `edit` and the change made with `options`.
    static func run(_ id: String, options: ChangeOptions, context: inout CommandContext, message: (String) -> String,
                    edit: (inout RecordDocument, RecordType, inout Assignments) throws -> Void) throws -> Int32 {
        let workspace = try context.workspace()
        var locator = RecordLocator(workspace: workspace)
        var change = try ChangeFlags.open(workspace, options)
        let (file, original) = try locator.document(id)
        guard let type = workspace.schema.type(named: file.type) else {
            throw CommandError.unreadableType(of: file.path)
        }
        var document = original
        var assignments = Assignments(type: type, input: try context.valueInput(), locator: locator)
        try edit(&document, type, &assignments)
        try applyLifecycle(type, before: original.values, to: &document, context: context)
        let changes = RecordChanges.between(original.values, document.values)
        guard !changes.isEmpty else {
            context.console.error("\(file.id): nothing changed\n")
            return ExitStatus.success
        }
        change.write(document.bytes, to: file.path)
        try ChangeFlags.apply(&change, message: message(file.id), context: &context)
        for change in changes { context.console.line("\(file.id): \(TerminalText.escaped(change.description))") }
        return ExitStatus.success
    }

    /// Checks a change against the type's lifecycle and adds its stamps (`before` is `nil` for a
    /// new record).
    static func applyLifecycle(_ type: RecordType, before: [Field]?, to document: inout RecordDocument,
                               context: CommandContext) throws(CommandError) {
        guard let lifecycle = Lifecycle(type: type) else { return }
        let today = try context.today()
        do {
            try lifecycle.apply(before: before, to: &document, today: today)
        } catch {
            throw CommandError(error.message, hint: error.hint)
        }
    }

    /// An edit of the record document, with the error a person can act on.
    static func apply(_ body: () throws(RecordEditError) -> Void) throws(CommandError) {
        do {
            try body()
        } catch {
            throw CommandError(error.description)
        }
    }
}
